package dev.sessionwatch.app.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.AgentIdentity;
import dev.sessionwatch.app.agent.AgentClient;
import dev.sessionwatch.app.agent.AgentResponse;
import dev.sessionwatch.app.agent.SessionSnapshot;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalAgentTest {
  private final OkHttpClient http = new OkHttpClient();

  @AfterEach
  void closeClient() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  @Test
  void watchesThisComputerOverLoopbackUnderItsHostName(@TempDir Path dir) throws Exception {
    try (LocalAgent agent = LocalAgent.forThisComputer(dir.resolve("audit.log"))) {
      assertThat(agent.host().endpoint().baseUri().getHost()).isEqualTo("127.0.0.1");
      assertThat(agent.host().name()).isEqualTo(AgentIdentity.ofThisHost().hostName());

      AgentResponse<SessionSnapshot> response = client(agent).sessions();

      assertThat(response).isInstanceOf(AgentResponse.Success.class);
      assertThat(((AgentResponse.Success<SessionSnapshot>) response).value().list().host())
          .isEqualTo(agent.host().name());
    }
  }

  @Test
  void aDemoAgentServesSessionsOfEveryKindAndLeavesNoFileBehind() throws Exception {
    Path auditLog;
    try (LocalAgent agent = LocalAgent.demo("web01")) {
      AgentResponse<SessionSnapshot> response = client(agent).sessions();

      SessionSnapshot snapshot = ((AgentResponse.Success<SessionSnapshot>) response).value();
      assertThat(snapshot.list().sessions()).isNotEmpty();
      assertThat(agent.host().name()).isEqualTo("web01");
      assertThat(agent.host().demo()).isTrue();
      auditLog = agent.auditLogFile();
      assertThat(auditLog).exists();
    }

    assertThat(auditLog).doesNotExist();
    assertThat(auditLog.getParent()).doesNotExist();
  }

  @Test
  void keepsItsAuditLogInTheXdgStateFolder() {
    Path log =
        LocalAgent.defaultAuditLog(Map.of("XDG_STATE_HOME", "/srv/state"), Path.of("/home/ann"));

    assertThat(log).isEqualTo(Path.of("/srv/state/sessionwatch/local-agent-audit.log"));
  }

  @Test
  void keepsItsAuditLogUnderTheHomeWithoutXdgStateHome() {
    Path log = LocalAgent.defaultAuditLog(Map.of(), Path.of("/home/ann"));

    assertThat(log).isEqualTo(Path.of("/home/ann/.local/state/sessionwatch/local-agent-audit.log"));
  }

  @Test
  void ignoresARelativeXdgStateHome() {
    Path log = LocalAgent.defaultAuditLog(Map.of("XDG_STATE_HOME", "state"), Path.of("/home/ann"));

    assertThat(log).isEqualTo(Path.of("/home/ann/.local/state/sessionwatch/local-agent-audit.log"));
  }

  private AgentClient client(LocalAgent agent) {
    return new AgentClient(http, agent.host().endpoint(), Duration.ofSeconds(5), Clock.systemUTC());
  }
}
