package dev.sessionwatch.agent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionwatch.agent.AgentIdentity;
import dev.sessionwatch.agent.audit.AuditLog;
import dev.sessionwatch.agent.auth.TokenStore;
import dev.sessionwatch.agent.ftp.ProftpdSettings;
import dev.sessionwatch.agent.ftp.ProftpdSource;
import dev.sessionwatch.agent.http.AgentServer;
import dev.sessionwatch.agent.os.ProcessTable;
import dev.sessionwatch.agent.source.SessionCatalog;
import dev.sessionwatch.agent.testing.Await;
import dev.sessionwatch.agent.testing.FtpAccount;
import dev.sessionwatch.agent.testing.FtpDownload;
import dev.sessionwatch.agent.testing.ProftpdServer;
import dev.sessionwatch.protocol.Json;
import dev.sessionwatch.protocol.Role;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionList;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
 * End to end: a real ProFTPD on loopback, a real FTP client downloading slowly, the real agent over
 * real HTTP; the download is listed under {@code /v1/sessions?kind=ftp}, then ended through the
 * API. Skipped where root or ProFTPD is missing (the fixture says which).
 */
class ProftpdSessionOverHttpTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final String FILE = "slow.bin";
  private static final long FILE_SIZE = 2L * 1024 * 1024;

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private ProftpdServer ftp;
  private FtpAccount account;
  private AgentServer agent;
  private AuditLog auditLog;
  private String token;

  @BeforeEach
  void start() throws Exception {
    ftp = ProftpdServer.start(dir);
    account = FtpAccount.create(FILE, FILE_SIZE);
    TokenStore tokens = TokenStore.inMemory();
    token = tokens.create("e2e", Role.OPERATOR);
    auditLog = AuditLog.open(dir.resolve("audit.log"));
    ProftpdSettings settings =
        new ProftpdSettings(
            ftp.ftpwho(),
            ftp.scoreboardFile(),
            ProcessTable.DEFAULT_ROOT,
            Duration.ofSeconds(2),
            Duration.ofSeconds(10));
    agent =
        AgentServer.builder()
            .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .catalog(new SessionCatalog(List.of(new ProftpdSource(settings))))
            .tokens(tokens)
            .auditLog(auditLog)
            .identity(AgentIdentity.ofThisHost())
            .build()
            .start();
  }

  @AfterEach
  void stop() throws Exception {
    if (agent != null) {
      agent.close();
    }
    if (auditLog != null) {
      auditLog.close();
    }
    if (ftp != null) {
      ftp.close();
    }
    if (account != null) {
      account.close();
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(
        request.header("Authorization", "Bearer " + token).timeout(TIMEOUT).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private Optional<Session> listedDownload() throws Exception {
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(agent.uri().resolve("/v1/sessions?kind=ftp")));
    assertThat(response.statusCode()).isEqualTo(200);
    SessionList list = Json.mapper().readValue(response.body(), SessionList.class);
    assertThat(list.errors()).isEmpty();
    return list.sessions().stream().filter(s -> account.user().equals(s.user())).findFirst();
  }

  private Session awaitDownloadWithProgress() throws Exception {
    return Await.value(
        account.user() + "'s download with progress in /v1/sessions",
        TIMEOUT,
        () -> listedDownload().filter(s -> s.progress() != null && s.progress() > 0));
  }

  @Test
  void listsTheDownloadOverHttp() throws Exception {
    try (FtpDownload download =
        FtpDownload.start(ftp.port(), account.user(), account.password(), FILE)) {
      Session session = awaitDownloadWithProgress();

      assertThat(session.source()).isEqualTo("proftpd");
      assertThat(session.clientAddress()).isEqualTo("127.0.0.1");
      assertThat(session.currentFile()).isEqualTo(FILE);
      assertThat(session.state()).isEqualTo("downloading");
      assertThat(download.bytesReceived()).isLessThan(FILE_SIZE);
    }
  }

  @Test
  void endThroughTheApiClosesTheConnection() throws Exception {
    try (FtpDownload download =
        FtpDownload.start(ftp.port(), account.user(), account.password(), FILE)) {
      Session session = awaitDownloadWithProgress();

      HttpResponse<String> response =
          send(
              HttpRequest.newBuilder(agent.uri().resolve("/v1/sessions/" + session.id() + "/end"))
                  .POST(HttpRequest.BodyPublishers.noBody()));

      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode outcome = Json.mapper().readTree(response.body());
      assertThat(outcome.get("sessionEnded").asBoolean()).isTrue();
      assertThat(download.awaitDataEnd(TIMEOUT)).as("the download broke off").isTrue();
      Await.until("the control connection to close", TIMEOUT, download::controlConnectionClosed);
      assertThat(listedDownload()).isEmpty();
      HttpResponse<String> gone =
          send(HttpRequest.newBuilder(agent.uri().resolve("/v1/sessions/" + session.id())));
      assertThat(gone.statusCode()).isEqualTo(404);
    }
  }
}
