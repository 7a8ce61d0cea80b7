package dev.sessionwatch.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionChangesTest {
  private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

  private static Session terminal(String id, String user) {
    return Session.builder(id, SessionKind.TERMINAL, "utmp").user(user).build();
  }

  @Test
  void tellsTheNewAndChangedSessionsInTheNewOrderAndTheIdsOfThoseGone() {
    Session bob = terminal("utmp:2", "bob");
    Session bobIdle = bob.toBuilder().state("idle").build();
    SourceError failed = new SourceError("pure-ftpd", "pure-ftpwho exited with status 1");
    SessionList now =
        new SessionList(
            "web01", T0, List.of(bobIdle, terminal("utmp:3", "carol")), List.of(failed));

    SessionChanges changes = SessionChanges.between(List.of(terminal("utmp:1", "alice"), bob), now);

    assertThat(changes.changed()).containsExactly(bobIdle, terminal("utmp:3", "carol"));
    assertThat(changes.gone()).containsExactly("utmp:1");
    assertThat(changes.host()).isEqualTo("web01");
    assertThat(changes.collectedAt()).isEqualTo(T0);
    assertThat(changes.errors()).containsExactly(failed);
  }

  @Test
  void anEqualSessionIsNoChangeAndOneListedTwiceCountsAsFirstListed() {
    Session alice = terminal("utmp:1", "alice");
    SessionList now =
        new SessionList(
            "web01", T0, List.of(terminal("utmp:1", "alice"), terminal("utmp:1", "mallory")), null);

    SessionChanges changes = SessionChanges.between(List.of(alice), now);

    assertThat(changes.changed()).isEmpty();
    assertThat(changes.gone()).isEmpty();
  }
}
