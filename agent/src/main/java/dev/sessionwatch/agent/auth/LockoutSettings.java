package dev.sessionwatch.agent.auth;

import dev.sessionwatch.agent.config.ConfigException;
import dev.sessionwatch.agent.config.ConfigSection;
import java.time.Duration;
import java.util.Objects;

/**
 * When an address that keeps presenting wrong tokens is refused for a while.
 *
 * @param maxFailures failed authentications from one address within the window that lock it out
 * @param window how long failures are counted together
 * @param lockout how long a locked-out address gets 429 for every request but {@code /healthz}
 * @param trackedAddresses how many addresses are remembered at most (the oldest are forgotten)
 */
public record LockoutSettings(
    int maxFailures, Duration window, Duration lockout, int trackedAddresses) {

  public static final LockoutSettings DEFAULTS =
      new LockoutSettings(10, Duration.ofMinutes(1), Duration.ofMinutes(5), 10_000);

  public LockoutSettings {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(lockout, "lockout");
    if (maxFailures < 1 || trackedAddresses < 1 || window.isZero() || lockout.isZero()) {
      throw new IllegalArgumentException("lockout limits must be positive");
    }
  }

  /** Reads the {@code auth} section, with the defaults for the keys left out. */
  public static LockoutSettings read(ConfigSection section) throws ConfigException {
    return new LockoutSettings(
        section.integer("maxFailures", DEFAULTS.maxFailures(), 1, 1_000_000),
        section.positiveSeconds("failureWindowSeconds", DEFAULTS.window(), 86_400),
        section.positiveSeconds("lockoutSeconds", DEFAULTS.lockout(), 86_400),
        section.integer("trackedAddresses", DEFAULTS.trackedAddresses(), 1, 1_000_000));
  }
}
