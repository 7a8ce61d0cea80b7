package dev.sessionwatch.agent.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionwatch.agent.os.ProcessIdentity;
import dev.sessionwatch.agent.os.ProcessSignaller;
import dev.sessionwatch.agent.os.ProcessTable;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListedProcessTest {
  private final ProcessTable table = new ProcessTable(ProcessTable.DEFAULT_ROOT);

  @Test
  void sessionWhoseProcessIsTheAgentIsRefusedAsProtected() {
    ProcessIdentity self = table.read(ProcessHandle.current().pid()).orElseThrow().identity();
    Session session =
        Session.builder("proftpd:" + self, SessionKind.FTP, "proftpd")
            .actions(SessionAction.END)
            .build();

    assertThatThrownBy(
            () ->
                new ListedProcess(session, List.of(self))
                    .end(new ProcessSignaller(table, Duration.ZERO)))
        .isInstanceOf(ActionException.class)
        .satisfies(
            e ->
                assertThat(((ActionException) e).reason())
                    .isEqualTo(ActionException.Reason.PROTECTED));
  }
}
