package dev.sessionwatch.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonRoundTripTest {
  private static final ObjectMapper JSON = Json.mapper();
  private static final Instant LOGIN = Instant.parse("2026-11-23T09:15:02Z");

  private static Session ftpSession() {
    return Session.builder("proftpd:4242-1234567", SessionKind.FTP, "proftpd")
        .user("alice")
        .clientAddress("203.0.113.7")
        .loginTime(LOGIN)
        .idleSince(LOGIN.plusSeconds(60))
        .state("downloading")
        .actions(SessionAction.END)
        .domain("example.com")
        .currentDirectory("/var/www")
        .currentFile("backup.tar.gz")
        .currentCommand("RETR")
        .previousCommand("PASV")
        .commandStartTime(LOGIN.plusSeconds(90))
        .transferRateBytesPerSecond(1_250_000L)
        .progress(0.42)
        .bytesSent(52_000_000L)
        .bytesReceived(1_024L)
        .lastReplyCode(150)
        .attributes(Map.of("class", "default", "protocol", "ftp"))
        .build();
  }

  private static <T> T roundTrip(T value, Class<T> type) throws Exception {
    return JSON.readValue(JSON.writeValueAsString(value), type);
  }

  @Test
  void sessionWithEveryFieldSurvivesRoundTrip() throws Exception {
    Session session = ftpSession();

    assertThat(roundTrip(session, Session.class)).isEqualTo(session);
  }

  @Test
  void terminalSessionSurvivesRoundTrip() throws Exception {
    Session session =
        Session.builder("utmp:100-200", SessionKind.TERMINAL, "utmp")
            .user("bob")
            .line("pts/3")
            .remoteHost("office.example.net")
            .actions(SessionAction.DISCONNECT, SessionAction.LOGOUT)
            .build();

    assertThat(roundTrip(session, Session.class)).isEqualTo(session);
  }

  @Test
  void unknownFieldsAreAbsentNotNullOnTheWire() throws Exception {
    Session session = Session.builder("x", SessionKind.PANEL, "cockpit").user("carol").build();

    JsonNode tree = JSON.readTree(JSON.writeValueAsString(session));

    assertThat(tree.has("clientAddress")).isFalse();
    assertThat(tree.has("progress")).isFalse();
    assertThat(tree.has("attributes")).isFalse();
    assertThat(tree.get("kind").asText()).isEqualTo("panel");
    assertThat(tree.get("actions").isArray()).isTrue();
  }

  @Test
  void instantsAreIso8601Strings() throws Exception {
    JsonNode tree = JSON.readTree(JSON.writeValueAsString(ftpSession()));

    assertThat(tree.get("loginTime").asText()).isEqualTo("2026-11-23T09:15:02Z");
    assertThat(tree.get("actions").get(0).asText()).isEqualTo("end");
  }

  @Test
  void sessionListWithErrorsSurvivesRoundTrip() throws Exception {
    SessionList list =
        new SessionList(
            "web01",
            LOGIN,
            List.of(ftpSession()),
            List.of(new SourceError("pure-ftpd", "pure-ftpwho exited with status 1")));

    assertThat(roundTrip(list, SessionList.class)).isEqualTo(list);
  }

  @Test
  void hostInfoSurvivesRoundTrip() throws Exception {
    HostInfo info =
        new HostInfo(
            "web01",
            "0.1.0",
            HostInfo.PROTOCOL_VERSION,
            "Linux 6.1.0 amd64",
            LOGIN,
            Role.VIEWER,
            List.of(
                SourceStatus.available("utmp", SessionKind.TERMINAL),
                SourceStatus.unavailable("proftpd", SessionKind.FTP, "ftpwho not found")),
            List.of());

    assertThat(roundTrip(info, HostInfo.class)).isEqualTo(info);
  }

  @Test
  void hostInfoWithoutPermittedActionsFallsBackOnTheRole() throws Exception {
    String older =
        "{\"host\":\"web01\",\"agentVersion\":\"0.1.0\",\"protocolVersion\":1,"
            + "\"role\":\"%s\",\"sources\":[]}";

    HostInfo viewer = Json.mapper().readValue(older.formatted("viewer"), HostInfo.class);
    HostInfo operator = Json.mapper().readValue(older.formatted("operator"), HostInfo.class);

    assertThat(viewer.permittedActions()).isNull();
    assertThat(viewer.permits(SessionAction.END)).isFalse();
    assertThat(operator.permits(SessionAction.LOGOUT)).isTrue();
  }

  @Test
  void limitedPermittedActionsAreWhatTheHostPermits() {
    HostInfo info =
        new HostInfo(
            "web01",
            "0.2.0",
            1,
            "Linux",
            LOGIN,
            Role.OPERATOR,
            List.of(),
            List.of(SessionAction.END));

    assertThat(info.permits(SessionAction.END)).isTrue();
    assertThat(info.permits(SessionAction.LOGOUT)).isFalse();
  }

  @Test
  void actionOutcomeAuditEntryAndErrorSurviveRoundTrip() throws Exception {
    ActionOutcome outcome =
        new ActionOutcome("utmp:1-2", SessionAction.LOGOUT, LOGIN, true, "all ended");
    AuditEntry entry =
        new AuditEntry(
            LOGIN,
            "ops-laptop",
            "127.0.0.1",
            "utmp:1-2",
            "logout",
            "bob",
            "utmp",
            AuditEntry.Outcome.DONE,
            200,
            "all ended");
    ApiError error = new ApiError("not_found", "no session utmp:1-2 on this host");

    assertThat(roundTrip(outcome, ActionOutcome.class)).isEqualTo(outcome);
    assertThat(roundTrip(entry, AuditEntry.class)).isEqualTo(entry);
    assertThat(roundTrip(error, ApiError.class)).isEqualTo(error);
  }

  @Test
  void fieldsFromANewerAgentAreIgnored() throws Exception {
    String json = "{\"id\":\"a\",\"kind\":\"ftp\",\"source\":\"s\",\"futureField\":{\"x\":1}}";

    assertThat(JSON.readValue(json, Session.class).id()).isEqualTo("a");
  }

  @Test
  void progressOutsideZeroToOneIsRejected() {
    assertThatThrownBy(() -> Session.builder("a", SessionKind.FTP, "s").progress(1.5).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("progress");
  }

  @Test
  void unknownKindNamesTheValue() {
    assertThatThrownBy(() -> SessionKind.fromWire("smtp")).hasMessageContaining("'smtp'");
  }
}
