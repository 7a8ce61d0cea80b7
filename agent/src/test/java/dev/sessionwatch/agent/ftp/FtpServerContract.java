package dev.sessionwatch.agent.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionwatch.agent.source.ActionException;
import dev.sessionwatch.agent.source.ActionResult;
import dev.sessionwatch.agent.source.SessionSource;
import dev.sessionwatch.agent.testing.AgentOverHttp;
import dev.sessionwatch.agent.testing.Await;
import dev.sessionwatch.agent.testing.FtpClientSession;
import dev.sessionwatch.agent.testing.FtpServerUnderTest;
import dev.sessionwatch.agent.testing.UserAccount;
import dev.sessionwatch.protocol.Json;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
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
 * What every FTP source must do against its real server on loopback, with a real client downloading
 * slowly: list the download with user, address and file, end it so that the client's connection
 * closes, refuse to end it twice, and do the same through the agent's HTTP API. A subclass starts
 * its server and adds what only its server reports. Skipped where root or the server is missing
 * (the fixture says which).
 */
abstract class FtpServerContract {

  static final String FILE = "slow.bin";
  static final long FILE_SIZE = 2L * 1024 * 1024;
  static final Duration TIMEOUT = Duration.ofSeconds(20);

  @TempDir Path dir;
  FtpServerUnderTest server;
  UserAccount account;
  SessionSource source;

  /** Starts the real server in the test's folder. */
  abstract FtpServerUnderTest startServer(Path dir) throws Exception;

  /** Whether a listed download shows all that this server tells of a running transfer. */
  abstract boolean showsTheTransfer(Session download);

  @BeforeEach
  void start() throws Exception {
    server = startServer(dir);
    account = UserAccount.withFile(FILE, FILE_SIZE);
    source = server.newSource();
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (account != null) {
      account.close();
    }
  }

  FtpClientSession download() throws Exception {
    return FtpClientSession.downloading(server.port(), account.user(), account.password(), FILE);
  }

  Optional<Session> listed() throws Exception {
    return ours(source.list());
  }

  /** The test user's session once the source shows its download in full. */
  Session awaitDownload() throws Exception {
    return Await.value(
        "the download by " + account.user(),
        TIMEOUT,
        () -> listed().filter(this::showsTheTransfer));
  }

  private Optional<Session> ours(List<Session> sessions) {
    return sessions.stream().filter(s -> account.user().equals(s.user())).findFirst();
  }

  @Test
  void isAvailableWhileTheServerRuns() {
    assertThat(source.status().available()).as(source.status().detail()).isTrue();
  }

  @Test
  void listsTheDownloadWithUserAddressAndFile() throws Exception {
    try (FtpClientSession client = download()) {
      Session session = awaitDownload();

      assertThat(session.id()).matches(source.name() + ":\\d+-\\d+");
      assertThat(session.kind()).isEqualTo(SessionKind.FTP);
      assertThat(session.clientAddress()).isEqualTo("127.0.0.1");
      assertThat(session.state()).isEqualTo("downloading");
      assertThat(session.currentFile()).isEqualTo(FILE);
      assertThat(session.loginTime()).isNotNull();
      assertThat(session.actions()).containsExactly(SessionAction.END);
      assertThat(client.bytesReceived()).isLessThan(FILE_SIZE);
    }
  }

  @Test
  void endClosesTheClientsConnection() throws Exception {
    try (FtpClientSession client = download()) {
      Session session = awaitDownload();

      ActionResult result = source.perform(session, SessionAction.END);

      assertThat(result.sessionEnded()).as(result.message()).isTrue();
      assertThat(client.awaitDataEnd(TIMEOUT)).as("the download broke off").isTrue();
      assertThat(client.bytesReceived()).isLessThan(FILE_SIZE);
      Await.until("the control connection to close", TIMEOUT, client::controlConnectionClosed);
      assertThat(listed()).isEmpty();
    }
  }

  @Test
  void refusesToEndASessionThatEnded() throws Exception {
    try (FtpClientSession client = download()) {
      Session session = awaitDownload();
      source.perform(session, SessionAction.END);

      assertThatThrownBy(() -> source.perform(session, SessionAction.END))
          .isInstanceOfSatisfying(
              ActionException.class,
              e -> assertThat(e.reason()).isEqualTo(ActionException.Reason.GONE));
    }
  }

  @Test
  void listsAndEndsTheDownloadThroughTheHttpApi() throws Exception {
    try (AgentOverHttp agent = AgentOverHttp.serving(List.of(source), dir.resolve("audit.log"));
        FtpClientSession client = download()) {
      Session session =
          Await.value(
              "the download by " + account.user() + " in /v1/sessions",
              TIMEOUT,
              () -> {
                SessionList list = agent.sessions(SessionKind.FTP);
                assertThat(list.errors()).isEmpty();
                return ours(list.sessions()).filter(this::showsTheTransfer);
              });
      assertThat(session.source()).isEqualTo(source.name());
      assertThat(session.currentFile()).isEqualTo(FILE);

      HttpResponse<String> response = agent.post("/v1/sessions/" + session.id() + "/end");

      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode outcome = Json.mapper().readTree(response.body());
      assertThat(outcome.get("sessionEnded").asBoolean()).isTrue();
      assertThat(client.awaitDataEnd(TIMEOUT)).as("the download broke off").isTrue();
      Await.until("the control connection to close", TIMEOUT, client::controlConnectionClosed);
      assertThat(ours(agent.sessions(SessionKind.FTP).sessions())).isEmpty();
      assertThat(agent.get("/v1/sessions/" + session.id()).statusCode()).isEqualTo(404);
    }
  }
}
