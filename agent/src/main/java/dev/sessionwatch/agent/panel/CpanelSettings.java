package dev.sessionwatch.agent.panel;

import dev.sessionwatch.agent.config.ConfigException;
import dev.sessionwatch.agent.config.ConfigSection;
import dev.sessionwatch.agent.config.Durations;
import dev.sessionwatch.agent.os.ProcessSignaller;
import dev.sessionwatch.agent.os.ProcessTable;
import dev.sessionwatch.agent.source.SessionSource;
import dev.sessionwatch.agent.source.SourceSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the cPanel source reads, and when a session counts as expired.
 *
 * @param sessionsDirectory cPanel's session directory, holding {@code raw/}, {@code cache/} and
 *     {@code preauth/}
 * @param sessionTimeout how long after its last change a session file stops being a session
 * @param procRoot the proc file system; ending needs the real one (see {@link ProcessSignaller})
 * @param grace how long a session's registered processes get after SIGTERM before SIGKILL
 */
public record CpanelSettings(
    Path sessionsDirectory, Duration sessionTimeout, Path procRoot, Duration grace)
    implements SourceSettings {

  /**
   * cPanel's own limit: a session whose file was last changed 24 hours ago or more is expired
   * ({@code $SESSION_EXPIRE_TIME = 60 * 60 * 24} in Cpanel/Config/Session.pm, checked against the
   * file's mtime by Cpanel::Session::Load::loadSession and session_exists_and_is_current; every
   * request of the session touches the file, so the mtime is its last activity).
   */
  public static final Duration CPANEL_SESSION_EXPIRY = Duration.ofHours(24);

  public CpanelSettings {
    Objects.requireNonNull(sessionsDirectory, "sessionsDirectory");
    Objects.requireNonNull(procRoot, "procRoot");
    Durations.requirePositive(sessionTimeout, "sessionTimeout");
    Durations.requireGrace(grace);
  }

  /** cPanel's paths and its session expiry. */
  public static CpanelSettings defaults() {
    return new CpanelSettings(
        Path.of("/var/cpanel/sessions"),
        CPANEL_SESSION_EXPIRY,
        ProcessTable.DEFAULT_ROOT,
        ProcessSignaller.DEFAULT_GRACE);
  }

  /** Reads its section of the configuration, with these defaults for the keys left out. */
  public static CpanelSettings read(ConfigSection section) throws ConfigException {
    CpanelSettings defaults = defaults();
    return new CpanelSettings(
        section.path("sessionsDirectory", defaults.sessionsDirectory()),
        section.positiveSeconds(
            "sessionTimeoutSeconds", defaults.sessionTimeout(), Duration.ofDays(30).toSeconds()),
        section.path("procRoot", defaults.procRoot()),
        section.seconds("graceSeconds", defaults.grace(), 60));
  }

  @Override
  public SessionSource newSource() {
    return new CpanelSource(this, Clock.systemUTC());
  }
}
