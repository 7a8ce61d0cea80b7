package dev.sessionwatch.agent.panel;

import dev.sessionwatch.agent.config.ConfigException;
import dev.sessionwatch.agent.config.ConfigSection;
import dev.sessionwatch.agent.config.Durations;
import dev.sessionwatch.agent.os.ProcessSignaller;
import dev.sessionwatch.agent.os.ProcessTable;
import dev.sessionwatch.agent.os.UserNames;
import dev.sessionwatch.agent.source.SessionSource;
import dev.sessionwatch.agent.source.SourceSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the Cockpit source reads, and how long an ended session's bridge gets.
 *
 * @param cockpitWs Cockpit's web server; only checked to tell whether Cockpit is installed
 * @param procRoot the proc file system; ending needs the real one (see {@link ProcessSignaller})
 * @param passwdFile where user names are looked up by uid
 * @param grace how long a session's bridge gets after SIGTERM before SIGKILL
 */
public record CockpitSettings(Path cockpitWs, Path procRoot, Path passwdFile, Duration grace)
    implements SourceSettings {

  public CockpitSettings {
    Objects.requireNonNull(cockpitWs, "cockpitWs");
    Objects.requireNonNull(procRoot, "procRoot");
    Objects.requireNonNull(passwdFile, "passwdFile");
    Durations.requireGrace(grace);
  }

  /** Debian's path of cockpit-ws (package cockpit-ws), the host's /proc and /etc/passwd. */
  public static CockpitSettings defaults() {
    return new CockpitSettings(
        Path.of("/usr/lib/cockpit/cockpit-ws"),
        ProcessTable.DEFAULT_ROOT,
        UserNames.DEFAULT_FILE,
        ProcessSignaller.DEFAULT_GRACE);
  }

  /** Reads its section of the configuration, with these defaults for the keys left out. */
  public static CockpitSettings read(ConfigSection section) throws ConfigException {
    CockpitSettings defaults = defaults();
    return new CockpitSettings(
        section.path("cockpitWs", defaults.cockpitWs()),
        section.path("procRoot", defaults.procRoot()),
        section.path("passwdFile", defaults.passwdFile()),
        section.seconds("graceSeconds", defaults.grace(), 60));
  }

  @Override
  public SessionSource newSource() {
    return new CockpitSource(this);
  }
}
