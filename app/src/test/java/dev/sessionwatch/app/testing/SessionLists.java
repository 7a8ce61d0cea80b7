package dev.sessionwatch.app.testing;

import dev.sessionwatch.app.agent.AgentClock;
import dev.sessionwatch.app.agent.AgentResponse;
import dev.sessionwatch.app.agent.SessionSnapshot;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionKind;
import dev.sessionwatch.protocol.SessionList;
import dev.sessionwatch.protocol.SourceError;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Agent answers as the fleet receives them, for tests that need no agent. */
public final class SessionLists {
  private SessionLists() {}

  public static Session terminal(String id, String user) {
    return Session.builder(id, SessionKind.TERMINAL, "utmp").user(user).line("pts/0").build();
  }

  public static Session ftp(String id, String user) {
    return Session.builder(id, SessionKind.FTP, "proftpd").user(user).build();
  }

  public static Session panel(String id, String user) {
    return Session.builder(id, SessionKind.PANEL, "plesk").user(user).build();
  }

  /** A fresh 200 answer collected at {@code agentTime}, received at {@code localTime}. */
  public static AgentResponse<SessionSnapshot> answer(
      Instant agentTime, Instant localTime, List<Session> sessions, SourceError... errors) {
    SessionList list = new SessionList("host", agentTime, sessions, List.of(errors));
    return new AgentResponse.Success<>(
        new SessionSnapshot(list, new AgentClock(agentTime, localTime), true),
        Duration.ofMillis(12));
  }

  /** A host's listing of {@code sessions}, as a poller diffs it. */
  public static SessionList listing(List<Session> sessions) {
    return new SessionList("host", Instant.EPOCH, sessions, List.of());
  }

  public static SessionList listing(Session... sessions) {
    return listing(List.of(sessions));
  }

  /** A fresh 200 answer, both clocks agreeing on {@code at}. */
  public static AgentResponse<SessionSnapshot> answer(Instant at, Session... sessions) {
    return answer(at, at, List.of(sessions));
  }
}
