package dev.sessionwatch.agent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionwatch.agent.panel.CertificatePin;
import dev.sessionwatch.agent.panel.PleskSettings;
import dev.sessionwatch.agent.panel.PleskSource;
import dev.sessionwatch.agent.testing.AgentOverHttp;
import dev.sessionwatch.agent.testing.PanelCertificate;
import dev.sessionwatch.agent.testing.PleskApiServer;
import dev.sessionwatch.agent.testing.PleskApiServer.PanelLogin;
import dev.sessionwatch.protocol.Json;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionKind;
import dev.sessionwatch.protocol.SessionList;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the real agent over real HTTP, its Plesk source talking to a stand-in for Plesk's XML
 * API over pinned HTTPS; a panel login is listed under {@code /v1/sessions?kind=panel}, then logged
 * out through the API.
 */
class PleskSessionOverHttpTest {

  private static final String KEY = "53de495a-b405-ca64-35d3-54b0352edeec";
  private static final PanelLogin LOGIN =
      new PanelLogin(
          "ede520d0fc93ae7aa0524076d631fba2",
          "client",
          "203.0.113.9",
          "webshop",
          "2026-11-23T08:30:00",
          "2026-11-23T08:41:05");

  @TempDir Path dir;
  private PleskApiServer panel;
  private AgentOverHttp agent;

  @BeforeEach
  void start() throws Exception {
    PanelCertificate certificate = PanelCertificate.create(dir, "plesk.example.test");
    panel = PleskApiServer.start(certificate, KEY);
    panel.login(LOGIN);
    Path keyFile = dir.resolve("plesk-secret-key");
    Files.writeString(keyFile, KEY + "\n");
    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
    PleskSettings settings =
        new PleskSettings(
            panel.url(),
            keyFile,
            CertificatePin.of(certificate.certificate()),
            ZoneOffset.UTC,
            Duration.ofSeconds(5),
            Duration.ofSeconds(10));
    agent = AgentOverHttp.serving(List.of(new PleskSource(settings)), dir.resolve("audit.log"));
  }

  @AfterEach
  void stop() throws Exception {
    if (agent != null) {
      agent.close();
    }
    if (panel != null) {
      panel.close();
    }
  }

  @Test
  void listsThePanelLoginAndLogsItOutThroughTheApi() throws Exception {
    SessionList listed = agent.sessions(SessionKind.PANEL);
    assertThat(listed.errors()).isEmpty();
    assertThat(listed.sessions()).hasSize(1);
    Session session = listed.sessions().get(0);
    assertThat(session.user()).isEqualTo("webshop");
    assertThat(session.userType()).isEqualTo("client");
    assertThat(session.clientAddress()).isEqualTo("203.0.113.9");
    assertThat(session.loginTime()).isEqualTo(Instant.parse("2026-11-23T08:30:00Z"));
    assertThat(session.idleSince()).isEqualTo(Instant.parse("2026-11-23T08:41:05Z"));
    assertThat(session.id()).doesNotContain(LOGIN.id());

    HttpResponse<String> response = agent.post("/v1/sessions/" + session.id() + "/logout");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode outcome = Json.mapper().readTree(response.body());
    assertThat(outcome.get("sessionEnded").asBoolean()).isTrue();
    assertThat(panel.lists(LOGIN.id())).isFalse();
    assertThat(agent.sessions(SessionKind.PANEL).sessions()).isEmpty();
    assertThat(agent.get("/v1/sessions/" + session.id()).statusCode()).isEqualTo(404);
  }
}
