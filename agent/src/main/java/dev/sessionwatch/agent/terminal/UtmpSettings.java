package dev.sessionwatch.agent.terminal;

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
 * Where the utmp source reads, and how long ended processes get between SIGTERM and SIGKILL.
 *
 * @param utmpFile the utmp file sshd and login write ({@code /var/run/utmp}, which is {@code
 *     /run/utmp} on Debian)
 * @param procRoot the proc file system; actions need the real one (see {@link ProcessSignaller})
 * @param devRoot where terminal devices live, for their access time (idle since)
 * @param grace how long processes get to end after SIGTERM before SIGKILL
 */
public record UtmpSettings(Path utmpFile, Path procRoot, Path devRoot, Duration grace)
    implements SourceSettings {

  public UtmpSettings {
    Objects.requireNonNull(utmpFile, "utmpFile");
    Objects.requireNonNull(procRoot, "procRoot");
    Objects.requireNonNull(devRoot, "devRoot");
    Durations.requireGrace(grace);
  }

  public static UtmpSettings defaults() {
    return new UtmpSettings(
        Path.of("/var/run/utmp"),
        ProcessTable.DEFAULT_ROOT,
        Path.of("/dev"),
        ProcessSignaller.DEFAULT_GRACE);
  }

  /** Reads its section of the configuration, with these defaults for the keys left out. */
  public static UtmpSettings read(ConfigSection section) throws ConfigException {
    UtmpSettings defaults = defaults();
    return new UtmpSettings(
        section.path("utmpFile", defaults.utmpFile()),
        section.path("procRoot", defaults.procRoot()),
        section.path("devRoot", defaults.devRoot()),
        section.seconds("graceSeconds", defaults.grace(), 60));
  }

  @Override
  public SessionSource newSource() {
    return new UtmpSource(this);
  }
}
