package dev.sessionwatch.app.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.demo.DemoHost;
import dev.sessionwatch.agent.testing.HttpsAgent;
import dev.sessionwatch.protocol.CertificateFingerprint;
import dev.sessionwatch.protocol.SessionAction;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real agent over HTTPS on loopback, with the self-signed certificate it made. */
class AgentClientTlsTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final OkHttpClient http = new OkHttpClient();
  private final DemoHost demoHost =
      new DemoHost("web01", 7, Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));
  private HttpsAgent agent;

  @BeforeEach
  void startAgent(@TempDir Path dir) throws Exception {
    agent = HttpsAgent.serving("web01", demoHost.sources(), dir);
  }

  @AfterEach
  void stopAgent() throws Exception {
    agent.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private AgentClient client(PinnedCertificate pin) {
    return new AgentClient(
        http, new AgentEndpoint(agent.uri(), agent.token(), pin), TIMEOUT, Clock.systemUTC());
  }

  private static PresentedCertificate untrusted(AgentResponse<?> response) {
    assertThat(response).isInstanceOf(AgentResponse.Untrusted.class);
    return ((AgentResponse.Untrusted<?>) response).presented();
  }

  @Test
  void anAgentNotPinnedYetIsUntrustedAndShowsTheCertificateItPresents() {
    PresentedCertificate presented = untrusted(client(null).sessions());

    assertThat(presented.fingerprint()).isEqualTo(agent.fingerprint());
    assertThat(presented.changed()).isFalse();
  }

  @Test
  void anAgentNotPinnedYetIsAskedNothingAtAll() {
    assertThat(client(null).hostInfo()).isInstanceOf(AgentResponse.Untrusted.class);
    assertThat(client(null).perform("demo-ftp:1", SessionAction.END))
        .isInstanceOf(ActionResponse.Unreachable.class);
  }

  @Test
  void aPinnedAgentAnswers() {
    AgentResponse<SessionSnapshot> response =
        client(new PinnedCertificate(agent.certificate())).sessions();

    assertThat(response).isInstanceOf(AgentResponse.Success.class);
    assertThat(((AgentResponse.Success<SessionSnapshot>) response).value().list().host())
        .isEqualTo("web01");
  }

  @Test
  void aSwappedCertificateIsRefusedWithBothFingerprints() throws Exception {
    AgentClient client = client(new PinnedCertificate(agent.certificate()));
    CertificateFingerprint trusted = agent.fingerprint();
    assertThat(client.sessions()).isInstanceOf(AgentResponse.Success.class);

    agent.restartWithNewCertificate();
    PresentedCertificate presented = untrusted(client.sessions());

    assertThat(presented.changed()).isTrue();
    assertThat(presented.pinned()).isEqualTo(trusted);
    assertThat(presented.fingerprint()).isEqualTo(agent.fingerprint()).isNotEqualTo(trusted);
  }

  @Test
  void pinningTheNewCertificateConnectsAgain() throws Exception {
    agent.restartWithNewCertificate();
    PresentedCertificate presented = untrusted(client(null).sessions());

    assertThat(client(presented.pin()).sessions()).isInstanceOf(AgentResponse.Success.class);
  }
}
