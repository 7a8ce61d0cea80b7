package dev.sessionwatch.agent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionwatch.agent.ftp.PureFtpdSettings;
import dev.sessionwatch.agent.ftp.PureFtpdSource;
import dev.sessionwatch.agent.os.ProcessTable;
import dev.sessionwatch.agent.testing.AgentOverHttp;
import dev.sessionwatch.agent.testing.Await;
import dev.sessionwatch.agent.testing.FtpDownload;
import dev.sessionwatch.agent.testing.PureFtpdServer;
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
 * End to end: a real Pure-FTPd on loopback, a real FTP client downloading slowly, the real agent
 * over real HTTP; the download is listed under {@code /v1/sessions?kind=ftp}, then ended through
 * the API. Skipped where root or Pure-FTPd is missing (the fixture says which).
 */
class PureFtpdSessionOverHttpTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final String FILE = "slow.bin";
  private static final long FILE_SIZE = 2L * 1024 * 1024;

  @TempDir Path dir;
  private PureFtpdServer ftp;
  private UserAccount account;
  private AgentOverHttp agent;

  @BeforeEach
  void start() throws Exception {
    ftp = PureFtpdServer.start(dir);
    account = UserAccount.create();
    account.addFile(FILE, FILE_SIZE);
    PureFtpdSettings settings =
        new PureFtpdSettings(
            ftp.pureFtpwho(),
            PureFtpdServer.SCOREBOARD,
            ProcessTable.DEFAULT_ROOT,
            Duration.ofSeconds(2),
            Duration.ofSeconds(10));
    agent = AgentOverHttp.serving(List.of(new PureFtpdSource(settings)), dir.resolve("audit.log"));
  }

  @AfterEach
  void stop() throws Exception {
    if (agent != null) {
      agent.close();
    }
    if (ftp != null) {
      ftp.close();
    }
    if (account != null) {
      account.close();
    }
  }

  private Optional<Session> listedDownload() throws Exception {
    SessionList list = agent.sessions(SessionKind.FTP);
    assertThat(list.errors()).isEmpty();
    return list.sessions().stream().filter(s -> account.user().equals(s.user())).findFirst();
  }

  private Session awaitDownloadWithProgress() throws Exception {
    return Await.value(
        account.user() + "'s download with progress in /v1/sessions",
        TIMEOUT,
        () ->
            listedDownload()
                .filter(
                    s ->
                        s.progress() != null
                            && s.progress() > 0
                            && s.transferRateBytesPerSecond() != null
                            && s.transferRateBytesPerSecond() > 0));
  }

  @Test
  void listsTheDownloadOverHttp() throws Exception {
    try (FtpDownload download =
        FtpDownload.start(ftp.port(), account.user(), account.password(), FILE)) {
      Session session = awaitDownloadWithProgress();

      assertThat(session.source()).isEqualTo("pure-ftpd");
      assertThat(session.clientAddress()).isEqualTo("127.0.0.1");
      assertThat(session.currentFile()).isEqualTo(FILE);
      assertThat(session.state()).isEqualTo("downloading");
      assertThat(session.transferRateBytesPerSecond()).isPositive();
      assertThat(download.bytesReceived()).isLessThan(FILE_SIZE);
    }
  }

  @Test
  void endThroughTheApiClosesTheConnection() throws Exception {
    try (FtpDownload download =
        FtpDownload.start(ftp.port(), account.user(), account.password(), FILE)) {
      Session session = awaitDownloadWithProgress();

      HttpResponse<String> response = agent.post("/v1/sessions/" + session.id() + "/end");

      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode outcome = Json.mapper().readTree(response.body());
      assertThat(outcome.get("sessionEnded").asBoolean()).isTrue();
      assertThat(download.awaitDataEnd(TIMEOUT)).as("the download broke off").isTrue();
      Await.until("the control connection to close", TIMEOUT, download::controlConnectionClosed);
      assertThat(listedDownload()).isEmpty();
      assertThat(agent.get("/v1/sessions/" + session.id()).statusCode()).isEqualTo(404);
    }
  }
}
