package dev.sessionwatch.agent.ftp;

import dev.sessionwatch.agent.config.ConfigException;
import dev.sessionwatch.agent.config.ConfigSection;
import dev.sessionwatch.agent.config.Durations;
import dev.sessionwatch.agent.os.ProcessSignaller;
import dev.sessionwatch.agent.os.ProcessTable;
import dev.sessionwatch.agent.source.SessionSource;
import dev.sessionwatch.agent.source.SourceSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the ProFTPD source reads, and its limits.
 *
 * @param ftpwho ProFTPD's {@code ftpwho} program
 * @param scoreboardFile the server's {@code ScoreboardFile}, passed to ftpwho with {@code -f}
 * @param procRoot the proc file system; ending needs the real one (see {@link ProcessSignaller})
 * @param grace how long a session's process gets after SIGTERM before SIGKILL
 * @param timeout how long ftpwho may run
 */
public record ProftpdSettings(
    Path ftpwho, Path scoreboardFile, Path procRoot, Duration grace, Duration timeout)
    implements SourceSettings {

  public ProftpdSettings {
    Objects.requireNonNull(ftpwho, "ftpwho");
    Objects.requireNonNull(scoreboardFile, "scoreboardFile");
    Objects.requireNonNull(procRoot, "procRoot");
    Durations.requireGrace(grace);
    Durations.requirePositive(timeout, "timeout");
  }

  /** Debian's paths: ftpwho from proftpd-core, the scoreboard ProFTPD uses when none is set. */
  public static ProftpdSettings defaults() {
    return new ProftpdSettings(
        Path.of("/usr/bin/ftpwho"),
        Path.of("/run/proftpd.scoreboard"),
        ProcessTable.DEFAULT_ROOT,
        ProcessSignaller.DEFAULT_GRACE,
        Duration.ofSeconds(10));
  }

  /** Reads its section of the configuration, with these defaults for the keys left out. */
  public static ProftpdSettings read(ConfigSection section) throws ConfigException {
    ProftpdSettings defaults = defaults();
    return new ProftpdSettings(
        section.path("ftpwho", defaults.ftpwho()),
        section.path("scoreboardFile", defaults.scoreboardFile()),
        section.path("procRoot", defaults.procRoot()),
        section.seconds("graceSeconds", defaults.grace(), 60),
        section.positiveSeconds("timeoutSeconds", defaults.timeout(), 300));
  }

  @Override
  public SessionSource newSource() {
    return new ProftpdSource(this);
  }
}
