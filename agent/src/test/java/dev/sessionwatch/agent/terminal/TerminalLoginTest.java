package dev.sessionwatch.agent.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.os.ProcessIdentity;
import dev.sessionwatch.agent.os.ProcessInfo;
import dev.sessionwatch.agent.os.ProcessSnapshot;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerminalLoginTest {

  private static ProcessInfo process(long pid, long ppid, char state, Long auditSession) {
    return new ProcessInfo(pid, ppid, pid, pid, 0, state, pid, "x", "x", 0, auditSession);
  }

  private final ProcessInfo listener = process(10, 1, 'S', null);
  private final ProcessInfo monitor = process(100, 10, 'S', 5L);
  private final ProcessInfo connection = process(101, 100, 'S', 5L);
  private final ProcessInfo shell = process(102, 101, 'S', 5L);
  private final ProcessInfo exited = process(103, 102, 'Z', 5L);
  private final ProcessInfo detached = process(104, 1, 'S', 5L);
  private final ProcessInfo nested = process(105, 102, 'S', 6L);
  private final ProcessInfo unrelated = process(106, 1, 'S', 7L);
  private final ProcessSnapshot snapshot =
      new ProcessSnapshot(
          List.of(listener, monitor, connection, shell, exited, detached, nested, unrelated));
  private final Session session =
      Session.builder("utmp:100-100", SessionKind.TERMINAL, "utmp").build();

  @Test
  void logoutEndsTheTreeAndTheAuditSessionButNotZombies() {
    TerminalLogin login = new TerminalLogin(session, monitor, connection, 5L);

    assertThat(login.logoutTargets(snapshot))
        .extracting(ProcessIdentity::pid)
        .containsExactlyInAnyOrder(100L, 101L, 102L, 104L, 105L);
  }

  @Test
  void logoutWithoutAuditSessionEndsTheTreeOnly() {
    TerminalLogin login = new TerminalLogin(session, monitor, connection, null);

    assertThat(login.logoutTargets(snapshot))
        .extracting(ProcessIdentity::pid)
        .containsExactlyInAnyOrder(100L, 101L, 102L, 105L);
  }
}
