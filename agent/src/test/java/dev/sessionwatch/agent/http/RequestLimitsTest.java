package dev.sessionwatch.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.source.FixtureSource;
import dev.sessionwatch.agent.testing.AgentOverHttp;
import dev.sessionwatch.agent.testing.Await;
import dev.sessionwatch.agent.testing.RawHttp;
import dev.sessionwatch.agent.testing.RawHttp.Answer;
import dev.sessionwatch.protocol.Role;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each request limit over a raw loopback socket, answered with its own status. */
class RequestLimitsTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final RequestLimits LIMITS =
      new RequestLimits(512, 2048, 1024, Duration.ofSeconds(1), 1);

  @TempDir Path dir;

  private final FixtureSource ftp = new FixtureSource("ftpd", SessionKind.FTP);
  private AgentOverHttp agent;
  private String operator;

  @BeforeEach
  void startAgent() throws IOException {
    agent =
        AgentOverHttp.serving(
            List.of(ftp), dir.resolve("audit.log"), builder -> builder.limits(LIMITS).threads(2));
    operator = agent.tokens().create("ops", Role.OPERATOR);
    ftp.add("300-3", "bob", SessionAction.END);
  }

  @AfterEach
  void stopAgent() throws IOException {
    agent.close();
  }

  private Answer exchange(String request) throws IOException {
    return RawHttp.exchange(agent.port(), request, TIMEOUT);
  }

  private static String get(String target, String headers) {
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n";
  }

  @Test
  void requestLineOverTheLimitIsUriTooLong() throws Exception {
    Answer answer = exchange(get("/v1/sessions/ftpd:" + "9".repeat(600), ""));

    assertThat(answer.status()).isEqualTo(414);
    assertThat(answer.body()).contains("\"error\":\"uri_too_long\"");
  }

  @Test
  void headersOverTheLimitAreTooLarge() throws Exception {
    Answer answer = exchange(get("/healthz", "X-Padding: " + "p".repeat(3000) + "\r\n"));

    assertThat(answer.status()).isEqualTo(431);
    assertThat(answer.body()).contains("\"error\":\"headers_too_large\"");
  }

  @Test
  void requestLineOverTheJdkServersOwnLimitIsRefusedByTheJdkServer() throws Exception {
    Answer answer = exchange(get("/" + "x".repeat(400 * 1024), ""));

    // The JDK server answers a plain 400 and closes while the line is still arriving: the reset
    // that closing an unread connection sends may overtake its answer.
    assertThat(answer.status()).isIn(400, -1);
    assertThat(agent.get("/healthz", null).statusCode()).isEqualTo(200);
  }

  @Test
  void bodyArrivingTooSlowlyIsAnsweredWithRequestTimeoutAndNothingHappens() throws Exception {
    String head =
        "POST /v1/sessions/ftpd:300-3/end HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            + operator
            + "\r\nContent-Length: 100\r\n\r\n";
    Answer answer;
    try (RawHttp slow = RawHttp.connect(agent.port(), TIMEOUT)) {
      slow.send((head + "only ten b").getBytes(StandardCharsets.ISO_8859_1));
      answer = slow.answer();
    }

    assertThat(answer.status()).isEqualTo(408);
    assertThat(answer.body()).contains("\"error\":\"request_timeout\"");
    assertThat(ftp.performed()).isEmpty();
    // The watchdog answered; the request's own thread audits the refusal right after.
    Await.until(
        "the refusal in the audit log",
        TIMEOUT,
        () -> Files.readString(dir.resolve("audit.log")).contains("\"status\":408"));
    // With room for one request, the next is served once that thread has let go of its place.
    Await.until(
        "the agent to serve the next request",
        TIMEOUT,
        () -> agent.get("/healthz", null).statusCode() == 200);
  }

  @Test
  void requestOverTheCapIsBusyWithRetryAfter() throws Exception {
    try (RawHttp holder = RawHttp.connect(agent.port(), TIMEOUT)) {
      // Half a request line: the agent's one request slot waits for the rest.
      holder.send("GET /heal".getBytes(StandardCharsets.ISO_8859_1));
      Answer busy =
          Await.value(
              "a request over the cap to be refused",
              TIMEOUT,
              () -> {
                Answer answer = exchange(get("/healthz", "Connection: close\r\n"));
                return answer.status() == 503 ? Optional.of(answer) : Optional.empty();
              });

      assertThat(busy.header("Retry-After")).hasValue("1");
      assertThat(busy.body()).contains("\"error\":\"busy\"");
    }
    Await.until(
        "the slot to be free again",
        TIMEOUT,
        () -> exchange(get("/healthz", "Connection: close\r\n")).status() == 200);
  }
}
