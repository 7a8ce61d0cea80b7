package dev.sessionwatch.app.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.demo.DemoHost;
import dev.sessionwatch.app.local.LocalAgent;
import dev.sessionwatch.app.settings.SavedServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real agent over loopback. */
class ConnectionCheckTest {
  private final OkHttpClient http = new OkHttpClient();
  private final ConnectionCheck check =
      new ConnectionCheck(http, Duration.ofSeconds(2), Clock.systemUTC());
  private LocalAgent agent;

  @BeforeEach
  void startAgent(@TempDir Path dir) throws IOException {
    agent =
        LocalAgent.start(
            "web07", new DemoHost("web07", 1, Clock.systemUTC()).sources(), dir.resolve("a.log"));
  }

  @AfterEach
  void stop() {
    agent.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  @Test
  void namesTheHostAndTheTokensRoleWhenOnline() {
    ConnectionOutcome outcome =
        check.check(
            new SavedServer(
                "x", agent.host().endpoint().baseUri(), agent.host().endpoint().token()));

    assertThat(outcome.online()).isTrue();
    assertThat(outcome.message()).startsWith("Online: web07, operator token");
  }

  @Test
  void saysUnauthorisedForAWrongToken() {
    ConnectionOutcome outcome =
        check.check(new SavedServer("x", agent.host().endpoint().baseUri(), "wrong"));

    assertThat(outcome.online()).isFalse();
    assertThat(outcome.message()).startsWith("Unauthorised");
  }

  @Test
  void saysUnreachableForAClosedPort() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }

    ConnectionOutcome outcome =
        check.check(new SavedServer("x", URI.create("http://127.0.0.1:" + port), "tok"));

    assertThat(outcome.online()).isFalse();
    assertThat(outcome.message()).startsWith("Unreachable: connection refused");
  }
}
