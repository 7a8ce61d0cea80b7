package dev.sessionwatch.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionwatch.agent.auth.LockoutSettings;
import dev.sessionwatch.agent.auth.TokenStore;
import dev.sessionwatch.agent.source.FixtureSource;
import dev.sessionwatch.agent.testing.AgentOverHttp;
import dev.sessionwatch.agent.testing.ManualClock;
import dev.sessionwatch.protocol.AuditEntry;
import dev.sessionwatch.protocol.AuditTrail;
import dev.sessionwatch.protocol.HostInfo;
import dev.sessionwatch.protocol.Json;
import dev.sessionwatch.protocol.Role;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import dev.sessionwatch.protocol.SessionList;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may do what, over real loopback HTTP: tokens, revocation, limits and the lockout. */
class AuthenticationTest {
  private static final int MAX_FAILURES = 5;
  private static final Duration LOCKOUT = Duration.ofSeconds(120);

  @TempDir Path dir;

  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T10:00:00Z"));
  private final FixtureSource terminals = new FixtureSource("tty", SessionKind.TERMINAL);
  private final FixtureSource ftp = new FixtureSource("ftpd", SessionKind.FTP);
  private TokenStore tokens;
  private AgentOverHttp agent;

  @BeforeEach
  void startAgent() throws IOException {
    tokens = TokenStore.open(dir.resolve("tokens.json"));
    agent =
        AgentOverHttp.serving(
            List.of(terminals, ftp),
            dir.resolve("audit.log"),
            builder ->
                builder
                    .tokens(tokens)
                    .clock(clock)
                    .lockout(
                        new LockoutSettings(MAX_FAILURES, Duration.ofSeconds(60), LOCKOUT, 100)));
    terminals.add("100-1", "alice", SessionAction.DISCONNECT, SessionAction.LOGOUT);
    ftp.add("300-3", "bob", SessionAction.END);
  }

  @AfterEach
  void stopAgent() throws IOException {
    agent.close();
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return Json.mapper().readTree(response.body());
  }

  private String ftpOperator() throws IOException {
    return tokens.create(
        "ftp-desk", Role.OPERATOR, EnumSet.of(SessionKind.FTP), EnumSet.of(SessionAction.END));
  }

  @Test
  void missingTokenIsUnauthorized() throws Exception {
    HttpResponse<String> response = agent.get("/v1/sessions", null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json(response).get("error").asText()).isEqualTo("unauthorized");
  }

  @Test
  void wrongTokenIsUnauthorizedAndNotEchoed() throws Exception {
    String secret = tokens.create("ops", Role.OPERATOR);

    HttpResponse<String> response = agent.get("/v1/sessions", secret + "x");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).doesNotContain(secret);
  }

  @Test
  void revokedTokenIsUnauthorizedFromTheNextRequestOn() throws Exception {
    String secret = tokens.create("laptop", Role.OPERATOR);
    assertThat(agent.get("/v1/sessions", secret).statusCode()).isEqualTo(200);

    TokenStore.open(dir.resolve("tokens.json")).revoke("laptop");

    assertThat(agent.get("/v1/sessions", secret).statusCode()).isEqualTo(401);
    assertThat(agent.post("/v1/sessions/ftpd:300-3/end", secret).statusCode()).isEqualTo(401);
    assertThat(ftp.performed()).isEmpty();
  }

  @Test
  void kindLimitedTokenSeesOnlyItsKinds() throws Exception {
    String secret = ftpOperator();

    SessionList list =
        Json.mapper().readValue(agent.get("/v1/sessions", secret).body(), SessionList.class);

    assertThat(list.sessions()).extracting("id").containsExactly("ftpd:300-3");
  }

  @Test
  void kindLimitedTokenAskingForAnotherKindIsForbiddenWithTheReason() throws Exception {
    HttpResponse<String> response = agent.get("/v1/sessions?kind=terminal", ftpOperator());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(json(response).get("error").asText()).isEqualTo("forbidden");
    assertThat(json(response).get("message").asText())
        .isEqualTo("token ftp-desk is limited to ftp sessions");
  }

  @Test
  void kindLimitedTokenCannotReadOrActOnASessionOfAnotherKind() throws Exception {
    String secret = ftpOperator();

    assertThat(agent.get("/v1/sessions/tty:100-1", secret).statusCode()).isEqualTo(403);
    assertThat(agent.post("/v1/sessions/tty:100-1/logout", secret).statusCode()).isEqualTo(403);
    assertThat(terminals.performed()).isEmpty();
  }

  @Test
  void actionLimitedTokenTakesItsActionOnly() throws Exception {
    String secret =
        tokens.create("closer", Role.OPERATOR, null, EnumSet.of(SessionAction.DISCONNECT));

    HttpResponse<String> refused = agent.post("/v1/sessions/tty:100-1/logout", secret);
    HttpResponse<String> done = agent.post("/v1/sessions/tty:100-1/disconnect", secret);

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(json(refused).get("message").asText())
        .isEqualTo("token closer is limited to the actions disconnect");
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(terminals.performed()).containsExactly("tty:100-1 disconnect");
  }

  @Test
  void hostTellsEachTokenWhatItMayDo() throws Exception {
    HostInfo viewer = hostInfo(tokens.create("watcher", Role.VIEWER));
    HostInfo limited = hostInfo(ftpOperator());
    HostInfo operator = hostInfo(tokens.create("ops", Role.OPERATOR));

    assertThat(viewer.permittedActions()).isEmpty();
    assertThat(limited.permittedActions()).containsExactly(SessionAction.END);
    assertThat(operator.permittedActions()).containsExactly(SessionAction.values());
  }

  private HostInfo hostInfo(String secret) throws Exception {
    return Json.mapper().readValue(agent.get("/v1/host", secret).body(), HostInfo.class);
  }

  @Test
  void kindLimitedTokenReadsOnlyTheAuditOfItsKinds() throws Exception {
    String ops = tokens.create("ops", Role.OPERATOR);
    agent.post("/v1/sessions/tty:100-1/logout", ops);
    agent.post("/v1/sessions/ftpd:300-3/end", ops);

    AuditTrail trail =
        Json.mapper().readValue(agent.get("/v1/audit", ftpOperator()).body(), AuditTrail.class);

    assertThat(trail.entries()).extracting(AuditEntry::sessionId).containsOnly("ftpd:300-3");
  }

  @Test
  void repeatedWrongTokensGetTooManyRequestsWithRetryAfter() throws Exception {
    String secret = tokens.create("ops", Role.OPERATOR);
    for (int i = 0; i < MAX_FAILURES; i++) {
      assertThat(agent.get("/v1/sessions", "swa_guess" + i).statusCode()).isEqualTo(401);
    }

    HttpResponse<String> locked = agent.get("/v1/sessions", secret);

    assertThat(locked.statusCode()).isEqualTo(429);
    assertThat(locked.headers().firstValue("Retry-After")).hasValue("120");
    assertThat(json(locked).get("error").asText()).isEqualTo("too_many_requests");
    assertThat(agent.get("/healthz", null).statusCode()).isEqualTo(200);
  }

  @Test
  void lockedOutAddressCannotActAndTheRefusalIsAudited() throws Exception {
    String secret = tokens.create("ops", Role.OPERATOR);
    for (int i = 0; i < MAX_FAILURES; i++) {
      agent.get("/v1/sessions", "swa_guess" + i);
    }

    HttpResponse<String> response = agent.post("/v1/sessions/ftpd:300-3/end", secret);

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(ftp.performed()).isEmpty();
    assertThat(Files.readString(dir.resolve("audit.log")))
        .contains("\"status\":429")
        .doesNotContain(secret);
  }

  @Test
  void lockoutEndsAfterItsTime() throws Exception {
    String secret = tokens.create("ops", Role.OPERATOR);
    for (int i = 0; i < MAX_FAILURES; i++) {
      agent.get("/v1/sessions", "swa_guess" + i);
    }
    clock.advance(LOCKOUT.minusSeconds(30));
    assertThat(agent.get("/v1/sessions", secret).headers().firstValue("Retry-After"))
        .hasValue("30");

    clock.advance(Duration.ofSeconds(30));

    assertThat(agent.get("/v1/sessions", secret).statusCode()).isEqualTo(200);
  }

  @Test
  void requestsWithoutAnyTokenDoNotLockOut() throws Exception {
    String secret = tokens.create("ops", Role.OPERATOR);
    for (int i = 0; i < MAX_FAILURES * 3; i++) {
      agent.get("/v1/sessions", null);
    }

    assertThat(agent.get("/v1/sessions", secret).statusCode()).isEqualTo(200);
  }
}
