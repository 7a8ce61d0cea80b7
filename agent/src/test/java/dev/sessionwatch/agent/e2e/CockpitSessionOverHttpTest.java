package dev.sessionwatch.agent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionwatch.agent.panel.CockpitSettings;
import dev.sessionwatch.agent.panel.CockpitSource;
import dev.sessionwatch.agent.testing.AgentOverHttp;
import dev.sessionwatch.agent.testing.Await;
import dev.sessionwatch.agent.testing.CockpitServer;
import dev.sessionwatch.agent.testing.UserAccount;
import dev.sessionwatch.protocol.Json;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionKind;
import dev.sessionwatch.protocol.SessionList;
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
 * End to end: the real cockpit-ws on loopback, a login made as a browser makes it, the real agent
 * over real HTTP; the login is listed under {@code /v1/sessions?kind=panel}, then ended through the
 * API. Skipped where root or Cockpit is missing (the fixture says which).
 */
class CockpitSessionOverHttpTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  @TempDir Path dir;
  private CockpitServer cockpit;
  private UserAccount account;
  private AgentOverHttp agent;

  @BeforeEach
  void start() throws Exception {
    cockpit = CockpitServer.start(dir);
    account = UserAccount.create();
    agent =
        AgentOverHttp.serving(
            List.of(new CockpitSource(CockpitSettings.defaults())), dir.resolve("audit.log"));
  }

  @AfterEach
  void stop() throws Exception {
    if (agent != null) {
      agent.close();
    }
    if (cockpit != null) {
      cockpit.close();
    }
    if (account != null) {
      account.close();
    }
  }

  private Optional<Session> listedLogin() throws Exception {
    SessionList list = agent.sessions(SessionKind.PANEL);
    assertThat(list.errors()).isEmpty();
    return list.sessions().stream().filter(s -> account.user().equals(s.user())).findFirst();
  }

  @Test
  void listsTheLoginOverHttp() throws Exception {
    try (CockpitServer.Login login = cockpit.logIn(account.user(), account.password())) {
      Session session =
          Await.value(account.user() + "'s login in /v1/sessions", TIMEOUT, this::listedLogin);

      assertThat(session.source()).isEqualTo("cockpit");
      assertThat(session.kind()).isEqualTo(SessionKind.PANEL);
      assertThat(session.panel()).isEqualTo("cockpit");
      assertThat(session.clientAddress()).isEqualTo("127.0.0.1");
      assertThat(session.loginTime()).isNotNull();
    }
  }

  @Test
  void endThroughTheApiLogsTheBrowserOut() throws Exception {
    try (CockpitServer.Login login = cockpit.logIn(account.user(), account.password())) {
      Session session =
          Await.value(account.user() + "'s login in /v1/sessions", TIMEOUT, this::listedLogin);

      HttpResponse<String> response = agent.post("/v1/sessions/" + session.id() + "/end");

      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode outcome = Json.mapper().readTree(response.body());
      assertThat(outcome.get("sessionEnded").asBoolean()).isTrue();
      assertThat(login.awaitClosedByServer(TIMEOUT)).isPositive();
      assertThat(login.statusWithCookie()).isEqualTo(401);
      Await.until("the login to leave /v1/sessions", TIMEOUT, () -> listedLogin().isEmpty());
      assertThat(agent.get("/v1/sessions/" + session.id()).statusCode()).isEqualTo(404);
    }
  }
}
