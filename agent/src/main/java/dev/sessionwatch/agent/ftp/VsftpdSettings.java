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
 * Where the vsftpd source reads.
 *
 * @param vsftpd the vsftpd program; the source is unavailable where it is not installed
 * @param configFile vsftpd's configuration, read only to tell whether {@code setproctitle_enable}
 *     is on
 * @param procRoot the proc file system; ending needs the real one (see {@link ProcessSignaller})
 * @param grace how long a session's processes get after SIGTERM before SIGKILL
 */
public record VsftpdSettings(Path vsftpd, Path configFile, Path procRoot, Duration grace)
    implements SourceSettings {

  public VsftpdSettings {
    Objects.requireNonNull(vsftpd, "vsftpd");
    Objects.requireNonNull(configFile, "configFile");
    Objects.requireNonNull(procRoot, "procRoot");
    Durations.requireGrace(grace);
  }

  /** Debian's paths. */
  public static VsftpdSettings defaults() {
    return new VsftpdSettings(
        Path.of("/usr/sbin/vsftpd"),
        Path.of("/etc/vsftpd.conf"),
        ProcessTable.DEFAULT_ROOT,
        ProcessSignaller.DEFAULT_GRACE);
  }

  /** Reads its section of the configuration, with these defaults for the keys left out. */
  public static VsftpdSettings read(ConfigSection section) throws ConfigException {
    VsftpdSettings defaults = defaults();
    return new VsftpdSettings(
        section.path("vsftpd", defaults.vsftpd()),
        section.path("configFile", defaults.configFile()),
        section.path("procRoot", defaults.procRoot()),
        section.seconds("graceSeconds", defaults.grace(), 60));
  }

  @Override
  public SessionSource newSource() {
    return new VsftpdSource(this);
  }
}
