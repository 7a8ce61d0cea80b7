package dev.sessionwatch.agent.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessSnapshotTest {

  private static ProcessInfo process(long pid, long ppid, long start, Long auditSession) {
    return new ProcessInfo(pid, ppid, pid, pid, 0, 'S', start, "x", "x", 0, auditSession);
  }

  private final ProcessInfo monitor = process(100, 1, 500, 7L);
  private final ProcessInfo connection = process(101, 100, 510, 7L);
  private final ProcessInfo shell = process(102, 101, 520, 7L);
  private final ProcessInfo detached = process(103, 1, 530, 7L);
  private final ProcessInfo other = process(104, 1, 540, null);
  private final ProcessInfo grandchild = process(105, 102, 550, 7L);
  private final ProcessSnapshot snapshot =
      new ProcessSnapshot(List.of(monitor, connection, shell, detached, other, grandchild));

  @Test
  void findsAllDescendantsByParentPid() {
    assertThat(snapshot.descendants(monitor)).containsExactly(connection, shell, grandchild);
  }

  @Test
  void ignoresAChildThatStartedBeforeItsParent() {
    ProcessInfo stale = process(106, 100, 400, null);
    ProcessSnapshot withStale = new ProcessSnapshot(List.of(monitor, connection, stale));

    assertThat(withStale.children(monitor)).containsExactly(connection);
  }

  @Test
  void findsTheMembersOfAnAuditSession() {
    assertThat(snapshot.inAuditSession(7))
        .containsExactly(monitor, connection, shell, detached, grandchild);
  }

  @Test
  void findsAProcessByPid() {
    assertThat(snapshot.find(103)).hasValue(detached);
    assertThat(snapshot.find(999)).isEmpty();
  }
}
