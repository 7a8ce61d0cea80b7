package dev.sessionwatch.app.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.app.agent.AgentClock;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionRowTest {
  private static final Instant AGENT_COLLECTED = Instant.parse("2026-03-01T10:00:00Z");

  /** The console's clock runs an hour behind the agent's. */
  private static final Instant LOCAL_RECEIVED = AGENT_COLLECTED.minus(Duration.ofHours(1));

  private final Host host = new Fleet(Clock.systemUTC()).addHost("web01");

  @Test
  void measuresIdleTimeOnTheAgentsClock() {
    SessionRow row = row(AGENT_COLLECTED.minusSeconds(180));

    assertThat(row.idleAt(LOCAL_RECEIVED.plusSeconds(12))).contains(Duration.ofSeconds(192));
  }

  @Test
  void hasNoIdleTimeWhenTheSourceDoesNotKnowIt() {
    assertThat(row(null).idleAt(LOCAL_RECEIVED)).isEmpty();
  }

  @Test
  void neverReportsANegativeIdleTime() {
    SessionRow row = row(AGENT_COLLECTED.plusSeconds(5));

    assertThat(row.idleAt(LOCAL_RECEIVED)).contains(Duration.ZERO);
  }

  private SessionRow row(Instant idleSince) {
    Session session =
        Session.builder("utmp:1", SessionKind.TERMINAL, "utmp").idleSince(idleSince).build();
    host.listedAt(new AgentClock(AGENT_COLLECTED, LOCAL_RECEIVED));
    return new SessionRow(host, session, null);
  }
}
