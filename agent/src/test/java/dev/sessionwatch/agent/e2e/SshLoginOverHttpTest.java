package dev.sessionwatch.agent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionwatch.agent.os.ProcessTable;
import dev.sessionwatch.agent.terminal.UtmpSettings;
import dev.sessionwatch.agent.terminal.UtmpSource;
import dev.sessionwatch.agent.testing.AgentOverHttp;
import dev.sessionwatch.agent.testing.Await;
import dev.sessionwatch.agent.testing.SshClient;
import dev.sessionwatch.agent.testing.SshdServer;
import dev.sessionwatch.protocol.Json;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionKind;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: a real OpenSSH server on loopback, a real {@code ssh -tt} login, the real agent over
 * real HTTP; the login is listed, then ended through the API. Skipped where root or OpenSSH is
 * missing (the fixture says which).
 */
class SshLoginOverHttpTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  @TempDir Path dir;
  private SshdServer sshd;
  private AgentOverHttp agent;

  @BeforeEach
  void start() throws Exception {
    sshd = SshdServer.start(dir);
    UtmpSettings settings =
        new UtmpSettings(
            sshd.utmpFile(), ProcessTable.DEFAULT_ROOT, Path.of("/dev"), Duration.ofSeconds(2));
    agent = AgentOverHttp.serving(List.of(new UtmpSource(settings)), dir.resolve("audit.log"));
  }

  @AfterEach
  void stop() throws Exception {
    if (agent != null) {
      agent.close();
    }
    if (sshd != null) {
      sshd.close();
    }
  }

  private Optional<Session> listedLogin() throws Exception {
    return agent.sessions(SessionKind.TERMINAL).sessions().stream()
        .filter(session -> sshd.user().equals(session.user()))
        .findFirst();
  }

  private Session awaitListedLogin() throws Exception {
    return Await.value(sshd.user() + "'s login in /v1/sessions", TIMEOUT, this::listedLogin);
  }

  private JsonNode act(Session session, String action) throws Exception {
    HttpResponse<String> response = agent.post("/v1/sessions/" + session.id() + "/" + action);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Json.mapper().readTree(response.body());
  }

  private void assertLoginEnded(SshClient client, Session session) throws Exception {
    assertThat(client.awaitExit(TIMEOUT)).as("the ssh client exits").isTrue();
    Await.until("the login to leave the list", TIMEOUT, () -> listedLogin().isEmpty());
    assertThat(agent.get("/v1/sessions/" + session.id()).statusCode()).isEqualTo(404);
  }

  @Test
  void listsTheLoginWithUserTerminalAndClientAddress() throws Exception {
    try (SshClient client = sshd.login(true, "sleep 600")) {
      Session session = awaitListedLogin();

      assertThat(session.line()).matches("pts/\\d+");
      assertThat(session.clientAddress()).isEqualTo("127.0.0.1");
      assertThat(client.isAlive()).isTrue();
    }
  }

  @Test
  void logoutThroughTheApiEndsTheLogin() throws Exception {
    try (SshClient client = sshd.login(true, "sleep 600")) {
      Session session = awaitListedLogin();

      JsonNode outcome = act(session, "logout");

      assertThat(outcome.get("sessionEnded").asBoolean()).isTrue();
      assertLoginEnded(client, session);
    }
  }

  @Test
  void disconnectThroughTheApiClosesTheConnection() throws Exception {
    try (SshClient client = sshd.login(true, "sleep 600")) {
      Session session = awaitListedLogin();

      act(session, "disconnect");

      assertLoginEnded(client, session);
      assertThat(client.output()).contains("closed by remote host");
    }
  }
}
