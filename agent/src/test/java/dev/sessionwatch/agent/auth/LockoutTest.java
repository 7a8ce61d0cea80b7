package dev.sessionwatch.agent.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LockoutTest {
  private static final String ADDRESS = "192.0.2.7";

  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T10:00:00Z"));
  private final Lockout lockout =
      new Lockout(
          new LockoutSettings(3, Duration.ofSeconds(60), Duration.ofSeconds(300), 100), clock);

  private void fail(String address, int times) {
    for (int i = 0; i < times; i++) {
      lockout.failed(address);
    }
  }

  @Test
  void addressIsLockedOutAtTheLimitForTheLockoutTime() {
    fail(ADDRESS, 2);
    assertThat(lockout.lockedFor(ADDRESS)).isEmpty();

    fail(ADDRESS, 1);

    assertThat(lockout.lockedFor(ADDRESS)).hasValue(Duration.ofSeconds(300));
  }

  @Test
  void lockoutEndsWhenItsTimeIsUp() {
    fail(ADDRESS, 3);
    clock.advance(Duration.ofSeconds(299));
    assertThat(lockout.lockedFor(ADDRESS)).hasValue(Duration.ofSeconds(1));

    clock.advance(Duration.ofSeconds(1));

    assertThat(lockout.lockedFor(ADDRESS)).isEmpty();
  }

  @Test
  void failuresInDifferentWindowsDoNotAddUp() {
    fail(ADDRESS, 2);
    clock.advance(Duration.ofSeconds(61));

    fail(ADDRESS, 2);

    assertThat(lockout.lockedFor(ADDRESS)).isEmpty();
  }

  @Test
  void otherAddressesAreNotLockedOut() {
    fail(ADDRESS, 3);

    assertThat(lockout.lockedFor("192.0.2.8")).isEmpty();
  }

  @Test
  void remembersNoMoreThanTheTrackedAddresses() {
    for (int i = 0; i < 1000; i++) {
      lockout.failed("10.0." + (i / 256) + "." + (i % 256));
    }

    assertThat(lockout.trackedAddresses()).isEqualTo(100);
  }
}
