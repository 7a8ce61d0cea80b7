package dev.sessionwatch.agent.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionwatch.agent.os.ProcessTable;
import dev.sessionwatch.agent.source.ActionException;
import dev.sessionwatch.agent.source.ActionResult;
import dev.sessionwatch.agent.testing.Await;
import dev.sessionwatch.agent.testing.FtpDownload;
import dev.sessionwatch.agent.testing.ProftpdServer;
import dev.sessionwatch.agent.testing.UserAccount;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ProFTPD source against a real ProFTPD on loopback, with a real client downloading slowly.
 * Skipped where root or ProFTPD is missing.
 */
class ProftpdSourceServerTest {

  static final String FILE = "slow.bin";
  static final long FILE_SIZE = 2L * 1024 * 1024;
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  @TempDir Path dir;
  private ProftpdServer server;
  private UserAccount account;
  private ProftpdSource source;

  @BeforeEach
  void start() throws Exception {
    server = ProftpdServer.start(dir);
    account = UserAccount.create();
    account.addFile(FILE, FILE_SIZE);
    source = new ProftpdSource(settings(server));
  }

  static ProftpdSettings settings(ProftpdServer server) {
    return new ProftpdSettings(
        server.ftpwho(),
        server.scoreboardFile(),
        ProcessTable.DEFAULT_ROOT,
        Duration.ofSeconds(2),
        Duration.ofSeconds(10));
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

  private Optional<Session> listed() throws Exception {
    return source.list().stream().filter(s -> account.user().equals(s.user())).findFirst();
  }

  /** The user's session once ProFTPD reports some progress of the download. */
  private Session awaitDownloadWithProgress() throws Exception {
    return Await.value(
        "a download with progress by " + account.user(),
        TIMEOUT,
        () -> listed().filter(s -> s.progress() != null && s.progress() > 0));
  }

  @Test
  void isAvailableWhileTheServerRuns() {
    assertThat(source.status().available()).as(source.status().detail()).isTrue();
  }

  @Test
  void listsTheDownloadWithUserAddressFileAndProgress() throws Exception {
    try (FtpDownload download =
        FtpDownload.start(server.port(), account.user(), account.password(), FILE)) {
      Session session = awaitDownloadWithProgress();

      assertThat(session.id()).matches("proftpd:\\d+-\\d+");
      assertThat(session.clientAddress()).isEqualTo("127.0.0.1");
      assertThat(session.state()).isEqualTo("downloading");
      assertThat(session.currentCommand()).isEqualTo("RETR");
      assertThat(session.currentFile()).isEqualTo(FILE);
      assertThat(session.currentDirectory()).isEqualTo(account.home().toString());
      assertThat(session.progress()).isBetween(0.0, 1.0);
      assertThat(session.bytesSent()).isPositive();
      assertThat(session.loginTime()).isNotNull();
      assertThat(session.actions()).containsExactly(SessionAction.END);
      assertThat(download.bytesReceived()).isLessThan(FILE_SIZE);
    }
  }

  @Test
  void endClosesTheClientsConnection() throws Exception {
    try (FtpDownload download =
        FtpDownload.start(server.port(), account.user(), account.password(), FILE)) {
      Session session = awaitDownloadWithProgress();

      ActionResult result = source.perform(session, SessionAction.END);

      assertThat(result.sessionEnded()).as(result.message()).isTrue();
      assertThat(download.awaitDataEnd(TIMEOUT)).as("the download broke off").isTrue();
      assertThat(download.bytesReceived()).isLessThan(FILE_SIZE);
      Await.until("the control connection to close", TIMEOUT, download::controlConnectionClosed);
      assertThat(listed()).isEmpty();
    }
  }

  @Test
  void refusesToEndASessionThatEnded() throws Exception {
    try (FtpDownload download =
        FtpDownload.start(server.port(), account.user(), account.password(), FILE)) {
      Session session = awaitDownloadWithProgress();
      source.perform(session, SessionAction.END);

      assertThatThrownBy(() -> source.perform(session, SessionAction.END))
          .isInstanceOfSatisfying(
              ActionException.class,
              e -> assertThat(e.reason()).isEqualTo(ActionException.Reason.GONE));
    }
  }

  @Test
  void reportsAMissingScoreboardAsUnavailable() {
    ProftpdSource elsewhere =
        new ProftpdSource(
            new ProftpdSettings(
                server.ftpwho(),
                dir.resolve("no-such.scoreboard"),
                ProcessTable.DEFAULT_ROOT,
                Duration.ofSeconds(2),
                Duration.ofSeconds(10)));

    assertThat(elsewhere.status().available()).isFalse();
    assertThat(elsewhere.status().detail()).contains("no-such.scoreboard");
  }
}
