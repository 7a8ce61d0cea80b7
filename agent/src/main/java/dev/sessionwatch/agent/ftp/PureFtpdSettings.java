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
 * Where the Pure-FTPd source reads, and its limits.
 *
 * @param pureFtpwho Pure-FTPd's {@code pure-ftpwho} program
 * @param scoreboardDirectory the scoreboard directory Pure-FTPd was built with; pure-ftpwho has it
 *     compiled in and takes no option for it, so this only tells whether there is anything to read
 * @param procRoot the proc file system; ending needs the real one (see {@link ProcessSignaller})
 * @param grace how long a session's process gets after SIGTERM before SIGKILL
 * @param timeout how long pure-ftpwho may run
 */
public record PureFtpdSettings(
    Path pureFtpwho, Path scoreboardDirectory, Path procRoot, Duration grace, Duration timeout)
    implements SourceSettings {

  public PureFtpdSettings {
    Objects.requireNonNull(pureFtpwho, "pureFtpwho");
    Objects.requireNonNull(scoreboardDirectory, "scoreboardDirectory");
    Objects.requireNonNull(procRoot, "procRoot");
    Durations.requireGrace(grace);
    Durations.requirePositive(timeout, "timeout");
  }

  /** Debian's paths: pure-ftpwho from the pure-ftpd package, its built-in scoreboard. */
  public static PureFtpdSettings defaults() {
    return new PureFtpdSettings(
        Path.of("/usr/sbin/pure-ftpwho"),
        Path.of("/var/run/pure-ftpd"),
        ProcessTable.DEFAULT_ROOT,
        ProcessSignaller.DEFAULT_GRACE,
        Duration.ofSeconds(10));
  }

  /** Reads its section of the configuration, with these defaults for the keys left out. */
  public static PureFtpdSettings read(ConfigSection section) throws ConfigException {
    PureFtpdSettings defaults = defaults();
    return new PureFtpdSettings(
        section.path("pureFtpwho", defaults.pureFtpwho()),
        section.path("scoreboardDirectory", defaults.scoreboardDirectory()),
        section.path("procRoot", defaults.procRoot()),
        section.seconds("graceSeconds", defaults.grace(), 60),
        section.positiveSeconds("timeoutSeconds", defaults.timeout(), 300));
  }

  @Override
  public SessionSource newSource() {
    return new PureFtpdSource(this);
  }
}
