package dev.sessionwatch.agent.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Counts failed authentications per client address and locks out an address that fails too often
 * within the window. Its memory is bounded: past {@link LockoutSettings#trackedAddresses} the
 * address seen longest ago is forgotten.
 */
public final class Lockout {
  private final LockoutSettings settings;
  private final Clock clock;
  private final Map<String, Failures> byAddress;

  public Lockout(LockoutSettings settings, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.byAddress =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > settings.trackedAddresses();
          }
        };
  }

  /** How much longer this address is locked out; empty when it is not. */
  public synchronized Optional<Duration> lockedFor(String address) {
    Failures failures = byAddress.get(address);
    if (failures == null || failures.lockedUntil == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (!now.isBefore(failures.lockedUntil)) {
      byAddress.remove(address);
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, failures.lockedUntil));
  }

  /** Counts a failed authentication; the one that reaches the limit starts the lockout. */
  public synchronized void failed(String address) {
    Instant now = clock.instant();
    Failures failures = byAddress.computeIfAbsent(address, unused -> new Failures(now));
    boolean lockoutOver = failures.lockedUntil != null && !now.isBefore(failures.lockedUntil);
    if (lockoutOver || !now.isBefore(failures.windowStart.plus(settings.window()))) {
      failures.windowStart = now;
      failures.count = 0;
      failures.lockedUntil = null;
    }
    failures.count++;
    if (failures.count >= settings.maxFailures()) {
      failures.lockedUntil = now.plus(settings.lockout());
    }
  }

  /** How many addresses are remembered now. */
  public synchronized int trackedAddresses() {
    return byAddress.size();
  }

  /** One address's failures in its current window. */
  private static final class Failures {
    Instant windowStart;
    int count;
    Instant lockedUntil;

    Failures(Instant windowStart) {
      this.windowStart = windowStart;
    }
  }
}
