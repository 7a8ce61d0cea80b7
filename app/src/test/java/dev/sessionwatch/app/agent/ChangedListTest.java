package dev.sessionwatch.app.agent;

import static dev.sessionwatch.app.testing.SessionLists.ftp;
import static dev.sessionwatch.app.testing.SessionLists.terminal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionChanges;
import dev.sessionwatch.protocol.SessionList;
import dev.sessionwatch.protocol.SourceError;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangedListTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void dropsTheGoneReplacesTheChangedInPlaceAndAppendsTheNew() {
    Session alice = terminal("utmp:1", "alice");
    Session bob = ftp("ftp:2", "bob");
    Session carol = terminal("utmp:3", "carol");
    SessionList before = new SessionList("web01", T0, List.of(alice, bob, carol), List.of());
    Session bobIdle = bob.toBuilder().state("idle").build();
    Session dave = ftp("ftp:4", "dave");
    SourceError failed = new SourceError("vsftpd", "no titles");

    ChangedList changed =
        ChangedList.of(
            before,
            new SessionChanges(
                "web01",
                T0.plusSeconds(2),
                List.of(dave, bobIdle),
                List.of("utmp:1"),
                List.of(failed)));
    SessionList after = changed.list();

    assertThat(after.sessions()).containsExactly(bobIdle, carol, dave);
    assertThat(after.sessions().get(1)).isSameAs(carol);
    assertThat(after.collectedAt()).isEqualTo(T0.plusSeconds(2));
    assertThat(after.errors()).containsExactly(failed);
    assertThat(changed.applied().changed()).containsExactly(dave, bobIdle);
    assertThat(changed.applied().gone()).containsExactly("utmp:1");
  }

  @Test
  void takesASessionNamedTwiceAsFirstNamed() {
    Session alice = terminal("utmp:1", "alice");
    SessionList before = new SessionList("web01", T0, List.of(alice), List.of());
    Session aliceIdle = alice.toBuilder().state("idle").build();
    Session aliceActive = alice.toBuilder().state("active").build();

    ChangedList changed =
        ChangedList.of(
            before,
            new SessionChanges(
                "web01", T0.plusSeconds(2), List.of(aliceIdle, aliceActive), List.of(), List.of()));

    assertThat(changed.list().sessions()).containsExactly(aliceIdle);
    assertThat(changed.applied().changed()).containsExactly(aliceIdle);
  }
}
