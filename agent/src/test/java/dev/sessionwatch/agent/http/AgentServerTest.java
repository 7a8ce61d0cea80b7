package dev.sessionwatch.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionwatch.agent.AgentIdentity;
import dev.sessionwatch.agent.audit.AuditLog;
import dev.sessionwatch.agent.auth.TokenStore;
import dev.sessionwatch.agent.source.FixtureSource;
import dev.sessionwatch.agent.source.SessionCatalog;
import dev.sessionwatch.agent.testing.Await;
import dev.sessionwatch.agent.testing.RawHttp;
import dev.sessionwatch.protocol.ActionOutcome;
import dev.sessionwatch.protocol.ActionRequest;
import dev.sessionwatch.protocol.AuditEntry;
import dev.sessionwatch.protocol.AuditTrail;
import dev.sessionwatch.protocol.HostInfo;
import dev.sessionwatch.protocol.Json;
import dev.sessionwatch.protocol.Role;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionChanges;
import dev.sessionwatch.protocol.SessionKind;
import dev.sessionwatch.protocol.SessionList;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP API v1 over real loopback HTTP, one status code or behaviour per test. */
class AgentServerTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @TempDir Path dir;

  private final FixtureSource terminals = new FixtureSource("tty", SessionKind.TERMINAL);
  private final FixtureSource ftp = new FixtureSource("ftpd", SessionKind.FTP);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private AgentServer server;
  private AuditLog auditLog;
  private String operator;
  private String viewer;

  @BeforeEach
  void startAgent() throws IOException {
    TokenStore tokens = TokenStore.inMemory();
    operator = tokens.create("ops", Role.OPERATOR);
    viewer = tokens.create("watcher", Role.VIEWER);
    auditLog = AuditLog.open(dir.resolve("audit.log"));
    server =
        AgentServer.builder()
            .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .catalog(new SessionCatalog(java.util.List.of(terminals, ftp)))
            .tokens(tokens)
            .auditLog(auditLog)
            .identity(new AgentIdentity("web01", "test", "Linux"))
            .limits(RequestLimits.DEFAULTS.withMaxBodyBytes(1024))
            .build()
            .start();
    terminals.add("100-1", "alice", SessionAction.DISCONNECT, SessionAction.LOGOUT);
    terminals.add("200-2", "root", SessionAction.LOGOUT);
    ftp.add("300-3", "bob", SessionAction.END);
  }

  @AfterEach
  void stopAgent() throws IOException {
    server.close();
    auditLog.close();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder get(String path, String token) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(server.uri().resolve(path)).GET();
    return token == null ? builder : builder.header("Authorization", "Bearer " + token);
  }

  private HttpRequest.Builder post(String path, String token) {
    return HttpRequest.newBuilder(server.uri().resolve(path))
        .header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.noBody());
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return Json.mapper().readTree(response.body());
  }

  private static <T> T read(HttpResponse<String> response, Class<T> type) throws IOException {
    return Json.mapper().readValue(response.body(), type);
  }

  @Test
  void healthzAnswersOkWithoutToken() throws Exception {
    HttpResponse<String> response = send(get("/healthz", null));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("ok\n");
  }

  @Test
  void hostDescribesAgentSourcesAndCallerRole() throws Exception {
    HostInfo info = read(send(get("/v1/host", viewer)), HostInfo.class);

    assertThat(info.host()).isEqualTo("web01");
    assertThat(info.protocolVersion()).isEqualTo(1);
    assertThat(info.role()).isEqualTo(Role.VIEWER);
    assertThat(info.sources()).extracting("name").containsExactly("tty", "ftpd");
  }

  @Test
  void requestWithoutTokenIsUnauthorized() throws Exception {
    HttpResponse<String> response = send(get("/v1/sessions", null));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    assertThat(json(response).get("error").asText()).isEqualTo("unauthorized");
  }

  @Test
  void requestWithWrongTokenIsUnauthorized() throws Exception {
    HttpResponse<String> response = send(get("/v1/sessions", operator + "x"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json(response).get("message").asText()).doesNotContain(operator);
  }

  @Test
  void listsSessionsOfEverySource() throws Exception {
    SessionList list = read(send(get("/v1/sessions", viewer)), SessionList.class);

    assertThat(list.host()).isEqualTo("web01");
    assertThat(list.collectedAt()).isNotNull();
    assertThat(list.sessions())
        .extracting("id")
        .containsExactly("tty:100-1", "tty:200-2", "ftpd:300-3");
    assertThat(list.errors()).isEmpty();
  }

  @Test
  void kindFilterKeepsOnlyThatKind() throws Exception {
    SessionList list = read(send(get("/v1/sessions?kind=ftp", viewer)), SessionList.class);

    assertThat(list.sessions()).extracting("user").containsExactly("bob");
  }

  @Test
  void unknownKindIsBadRequest() throws Exception {
    HttpResponse<String> response = send(get("/v1/sessions?kind=smtp", viewer));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("message").asText()).contains("smtp");
  }

  @Test
  void unknownParameterIsBadRequest() throws Exception {
    assertThat(send(get("/v1/sessions?knd=ftp", viewer)).statusCode()).isEqualTo(400);
  }

  @Test
  void unchangedListAnswersNotModified() throws Exception {
    HttpResponse<String> first = send(get("/v1/sessions", viewer));
    String etag = first.headers().firstValue("ETag").orElseThrow();

    HttpResponse<String> second = send(get("/v1/sessions", viewer).header("If-None-Match", etag));

    assertThat(second.statusCode()).isEqualTo(304);
    assertThat(second.body()).isEmpty();
    assertThat(second.headers().firstValue("ETag")).hasValue(etag);
  }

  @Test
  void changedListAnswersWithNewEtag() throws Exception {
    String etag = send(get("/v1/sessions", viewer)).headers().firstValue("ETag").orElseThrow();
    ftp.add("400-4", "carol", SessionAction.END);

    // The agent reads its sources again once its refresh window (1 s) has passed.
    HttpResponse<String> second =
        Await.value(
            "a 200 for the changed list",
            Duration.ofSeconds(5),
            () -> {
              HttpResponse<String> response =
                  send(get("/v1/sessions", viewer).header("If-None-Match", etag));
              return Optional.of(response).filter(r -> r.statusCode() != 304);
            });

    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
  }

  @Test
  void aConsoleThatTakesChangesGetsOnlyWhatChangedSinceItsList() throws Exception {
    String etag = send(get("/v1/sessions", viewer)).headers().firstValue("ETag").orElseThrow();
    Session carol = ftp.add("400-4", "carol", SessionAction.END);
    terminals.remove("tty:200-2");

    HttpResponse<String> changes = firstNot304(etag, "changes");

    assertThat(changes.statusCode()).isEqualTo(226);
    assertThat(changes.headers().firstValue("IM")).hasValue("changes");
    assertThat(changes.headers().firstValue("Delta-Base")).hasValue(etag);
    assertThat(changes.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
    SessionChanges body = read(changes, SessionChanges.class);
    assertThat(body.changed()).containsExactly(carol);
    assertThat(body.gone()).containsExactly("tty:200-2");
    assertThat(body.host()).isEqualTo("web01");
  }

  @Test
  void aListTheAgentNoLongerRemembersGetsTheWholeList() throws Exception {
    ftp.add("400-4", "carol", SessionAction.END);

    HttpResponse<String> response = firstNot304("\"not-a-list-it-sent\"", "changes");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(read(response, SessionList.class).sessions()).hasSize(4);
  }

  /** The answer to a conditional GET once the agent has read its sources again (1 s window). */
  private HttpResponse<String> firstNot304(String etag, String manipulation) throws Exception {
    return Await.value(
        "an answer other than 304",
        Duration.ofSeconds(5),
        () -> {
          HttpResponse<String> response =
              send(
                  get("/v1/sessions", viewer)
                      .header("If-None-Match", etag)
                      .header("A-IM", manipulation));
          return Optional.of(response).filter(r -> r.statusCode() != 304);
        });
  }

  @Test
  void failingSourceIsReportedBesideTheOthersSessions() throws Exception {
    ftp.failWith("ftpwho exited with status 1");

    SessionList list = read(send(get("/v1/sessions", viewer)), SessionList.class);

    assertThat(list.sessions()).extracting("source").containsOnly("tty");
    assertThat(list.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.source()).isEqualTo("ftpd");
              assertThat(error.message()).isEqualTo("ftpwho exited with status 1");
            });
  }

  @Test
  void oneSessionIsServedById() throws Exception {
    HttpResponse<String> response = send(get("/v1/sessions/ftpd:300-3", viewer));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("user").asText()).isEqualTo("bob");
  }

  @Test
  void unknownSessionIsNotFound() throws Exception {
    HttpResponse<String> response = send(get("/v1/sessions/ftpd:999-9", viewer));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).get("error").asText()).isEqualTo("not_found");
  }

  @Test
  void unknownPathIsNotFound() throws Exception {
    HttpResponse<String> response = send(get("/v2/sessions", viewer));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(Response.JSON);
  }

  @Test
  void wrongMethodIsNotAllowedAndSaysWhichIs() throws Exception {
    HttpResponse<String> response = send(get("/v1/sessions", operator).DELETE());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("GET");
  }

  @Test
  void malformedPercentEncodingIsBadRequest() throws Exception {
    String request = "GET /v1/sessions/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";

    assertThat(rawStatus(request)).isEqualTo(400);
  }

  @Test
  void encodedControlCharacterIsBadRequest() throws Exception {
    HttpResponse<String> response = send(get("/v1/sessions/utmp:%00", viewer));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("message").asText()).contains("control characters");
  }

  @Test
  void operatorEndsSessionAndItIsGone() throws Exception {
    HttpResponse<String> response = send(post("/v1/sessions/ftpd:300-3/end", operator));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("sessionEnded").asBoolean()).isTrue();
    assertThat(ftp.performed()).containsExactly("ftpd:300-3 end");
    assertThat(send(get("/v1/sessions/ftpd:300-3", operator)).statusCode()).isEqualTo(404);
  }

  @Test
  void viewerActingIsForbiddenAndNothingHappens() throws Exception {
    HttpResponse<String> response = send(post("/v1/sessions/ftpd:300-3/end", viewer));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(ftp.performed()).isEmpty();
  }

  /** Carol's session, tty:400-4, which takes messages. */
  private void addMessageableSession() {
    terminals.add("400-4", "carol", SessionAction.MESSAGE, SessionAction.LOGOUT);
  }

  private HttpRequest.Builder postJson(String path, String json) {
    return post(path, operator)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
  }

  @Test
  void messageReachesTheSourceWithItsTextAndLeavesTheSession() throws Exception {
    addMessageableSession();
    HttpResponse<String> response =
        send(
            postJson("/v1/sessions/tty:400-4/message", "{\"text\": \"Log off by 18:00, please\"}"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(read(response, ActionOutcome.class).action()).isEqualTo(SessionAction.MESSAGE);
    assertThat(terminals.performed()).containsExactly("tty:400-4 message Log off by 18:00, please");
    assertThat(send(get("/v1/sessions/tty:400-4", operator)).statusCode()).isEqualTo(200);
  }

  @Test
  void messageWithoutTextIsBadRequest() throws Exception {
    addMessageableSession();
    HttpResponse<String> response = send(post("/v1/sessions/tty:400-4/message", operator));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("message").asText()).contains("empty");
    assertThat(terminals.performed()).isEmpty();
  }

  @Test
  void messageWithAControlCharacterIsBadRequest() throws Exception {
    addMessageableSession();
    HttpResponse<String> response =
        send(postJson("/v1/sessions/tty:400-4/message", "{\"text\": \"two\\nlines\"}"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("message").asText()).contains("control");
    assertThat(terminals.performed()).isEmpty();
  }

  @Test
  void messageOverTheLengthLimitIsBadRequest() throws Exception {
    addMessageableSession();
    String text = "a".repeat(ActionRequest.MAX_TEXT_LENGTH + 1);

    HttpResponse<String> response =
        send(postJson("/v1/sessions/tty:400-4/message", "{\"text\": \"" + text + "\"}"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(terminals.performed()).isEmpty();
  }

  @Test
  void textWithAnotherActionIsBadRequest() throws Exception {
    addMessageableSession();
    HttpResponse<String> response =
        send(postJson("/v1/sessions/tty:400-4/logout", "{\"text\": \"bye\"}"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("message").asText()).contains("takes no text");
    assertThat(terminals.performed()).isEmpty();
  }

  @Test
  void aBodyThatIsNotJsonIsBadRequest() throws Exception {
    addMessageableSession();
    HttpResponse<String> response = send(postJson("/v1/sessions/tty:400-4/message", "hello"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(terminals.performed()).isEmpty();
  }

  @Test
  void aRefusedMessageIsAudited() throws Exception {
    addMessageableSession();
    send(postJson("/v1/sessions/tty:400-4/message", "{\"text\": \"\\u0007\"}"));

    AuditEntry entry = auditLog.latest(1).get(0);
    assertThat(entry.action()).isEqualTo("message");
    assertThat(entry.outcome()).isEqualTo(AuditEntry.Outcome.REFUSED);
    assertThat(entry.status()).isEqualTo(400);
  }

  @Test
  void actionTheSessionDoesNotOfferIsConflict() throws Exception {
    HttpResponse<String> response = send(post("/v1/sessions/tty:200-2/disconnect", operator));

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(terminals.performed()).isEmpty();
  }

  @Test
  void unknownActionIsNotFound() throws Exception {
    HttpResponse<String> response = send(post("/v1/sessions/tty:200-2/explode", operator));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).get("message").asText()).contains("end, disconnect, logout");
  }

  @Test
  void actingOnVanishedSessionIsNotFound() throws Exception {
    terminals.remove("tty:100-1");

    assertThat(send(post("/v1/sessions/tty:100-1/logout", operator)).statusCode()).isEqualTo(404);
  }

  @Test
  void declaredBodyOverLimitIsPayloadTooLarge() throws Exception {
    HttpResponse<String> response =
        send(
            post("/v1/sessions/ftpd:300-3/end", operator)
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(2048))));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(ftp.performed()).isEmpty();
  }

  @Test
  void chunkedBodyOverLimitIsPayloadTooLarge() throws Exception {
    String chunk = Integer.toHexString(2048) + "\r\n" + "x".repeat(2048) + "\r\n0\r\n\r\n";
    String request =
        "POST /v1/sessions/ftpd:300-3/end HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Authorization: Bearer "
            + operator
            + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
            + chunk;

    int status = rawStatus(request);

    assertThat(status).isEqualTo(413);
    assertThat(ftp.performed()).isEmpty();
  }

  @Test
  void everyActionAttemptIsAuditedWithoutTheToken() throws Exception {
    send(post("/v1/sessions/ftpd:300-3/end", viewer));
    send(post("/v1/sessions/ftpd:300-3/end", operator));

    AuditTrail trail = read(send(get("/v1/audit", viewer)), AuditTrail.class);

    assertThat(trail.entries())
        .extracting(AuditEntry::outcome)
        .containsExactly(
            AuditEntry.Outcome.DONE, AuditEntry.Outcome.REQUESTED, AuditEntry.Outcome.REFUSED);
    AuditEntry newest = trail.entries().get(0);
    assertThat(newest.outcome()).isEqualTo(AuditEntry.Outcome.DONE);
    assertThat(newest.tokenName()).isEqualTo("ops");
    assertThat(newest.clientAddress()).isEqualTo("127.0.0.1");
    assertThat(newest.sessionId()).isEqualTo("ftpd:300-3");
    assertThat(newest.user()).isEqualTo("bob");
    AuditEntry refused = trail.entries().get(2);
    assertThat(refused.outcome()).isEqualTo(AuditEntry.Outcome.REFUSED);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.tokenName()).isEqualTo("watcher");
    String file = Files.readString(dir.resolve("audit.log"));
    assertThat(file).doesNotContain(operator).doesNotContain(viewer);
    assertThat(file.lines()).hasSize(3);
  }

  @Test
  void actionWithWrongTokenIsAuditedAsRefused() throws Exception {
    assertThat(send(post("/v1/sessions/ftpd:300-3/end", "nope")).statusCode()).isEqualTo(401);

    AuditEntry entry =
        read(send(get("/v1/audit?limit=1", viewer)), AuditTrail.class).entries().get(0);

    assertThat(entry.outcome()).isEqualTo(AuditEntry.Outcome.REFUSED);
    assertThat(entry.tokenName()).isNull();
    assertThat(entry.status()).isEqualTo(401);
  }

  @Test
  void auditLimitOutOfRangeIsBadRequest() throws Exception {
    assertThat(send(get("/v1/audit?limit=0", viewer)).statusCode()).isEqualTo(400);
    assertThat(send(get("/v1/audit?limit=abc", viewer)).statusCode()).isEqualTo(400);
  }

  @Test
  void keepsServingAfterGarbageRequest() throws Exception {
    int status = rawStatus("\u0001\u0002 garbage\r\n\r\n");

    assertThat(status / 100).as("a status that is not 2xx").isNotEqualTo(2);
    assertThat(send(get("/healthz", null)).statusCode()).isEqualTo(200);
  }

  /** Sends raw bytes, for malformed requests, and returns the answer's status. */
  private int rawStatus(String request) throws IOException {
    return RawHttp.exchange(server.address().getPort(), request, TIMEOUT).status();
  }
}
