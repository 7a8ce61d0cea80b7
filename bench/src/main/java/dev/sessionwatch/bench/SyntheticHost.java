package dev.sessionwatch.bench;

import dev.sessionwatch.app.agent.AgentClock;
import dev.sessionwatch.app.agent.AgentResponse;
import dev.sessionwatch.app.agent.SessionSnapshot;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import dev.sessionwatch.protocol.SessionList;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The answers of a host with many FTP sessions, made without an agent, where each refresh changes
 * one session in a hundred: what the fleet and the tables apply in the UI benchmarks.
 */
public final class SyntheticHost {
  private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
  private static final String[] USERS = {
    "examplecom", "examplenet", "exampleorg", "shop_ftp", "blog_ftp", "anonymous"
  };
  private static final String[] DIRECTORIES = {"/", "/httpdocs", "/httpdocs/images", "/logs"};

  private final String hostName;
  private final List<Session> sessions = new ArrayList<>();
  private int refreshes;

  /** A host with {@code count} FTP sessions. */
  public SyntheticHost(String hostName, int count) {
    this.hostName = hostName;
    for (int index = 0; index < count; index++) {
      sessions.add(session(index, 0));
    }
  }

  /** The host's answer now, without any change. */
  public AgentResponse<SessionSnapshot> answer() {
    Instant at = START.plusSeconds(2L * refreshes);
    SessionList list = new SessionList(hostName, at, sessions, List.of());
    return new AgentResponse.Success<>(
        new SessionSnapshot(list, new AgentClock(at, at), true), Duration.ofMillis(3));
  }

  /** The next refresh: one session in a hundred has moved on (bytes sent, idle since). */
  public AgentResponse<SessionSnapshot> refreshed() {
    refreshes++;
    for (int index = refreshes % 100; index < sessions.size(); index += 100) {
      sessions.set(index, session(index, refreshes));
    }
    return answer();
  }

  private Session session(int index, int version) {
    String user = USERS[index % USERS.length];
    return Session.builder("demo-ftp:" + hostName + "-" + index, SessionKind.FTP, "demo-ftp")
        .user(user)
        .userType(user.equals("anonymous") ? "anonymous" : "virtual")
        .domain(user.replace('_', '.') + ".example")
        .clientAddress("203.0.113." + (index % 250 + 1))
        .loginTime(START.minusSeconds(index))
        .idleSince(START.plusSeconds(2L * version))
        .state(version % 2 == 0 ? "idle" : "downloading")
        .currentDirectory(DIRECTORIES[index % DIRECTORIES.length])
        .currentFile(version % 2 == 0 ? null : "photo-" + index + ".jpg")
        .bytesSent(1000L * version)
        .bytesReceived(0L)
        .lastReplyCode(226)
        .actions(SessionAction.END)
        .build();
  }
}
