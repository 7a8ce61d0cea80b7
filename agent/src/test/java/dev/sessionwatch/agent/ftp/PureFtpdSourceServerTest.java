package dev.sessionwatch.agent.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionwatch.agent.os.ProcessTable;
import dev.sessionwatch.agent.source.ActionException;
import dev.sessionwatch.agent.source.ActionResult;
import dev.sessionwatch.agent.testing.Await;
import dev.sessionwatch.agent.testing.FtpDownload;
import dev.sessionwatch.agent.testing.PureFtpdServer;
import dev.sessionwatch.agent.testing.UserAccount;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Pure-FTPd source against a real Pure-FTPd on loopback, with a real client downloading slowly.
 * Skipped where root or Pure-FTPd is missing.
 */
class PureFtpdSourceServerTest {

  private static final String FILE = "slow.bin";
  private static final long FILE_SIZE = 2L * 1024 * 1024;
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  @TempDir Path dir;
  private PureFtpdServer server;
  private UserAccount account;
  private PureFtpdSource source;

  @BeforeEach
  void start() throws Exception {
    server = PureFtpdServer.start(dir);
    account = UserAccount.create();
    account.addFile(FILE, FILE_SIZE);
    source = new PureFtpdSource(settings(server.pureFtpwho(), PureFtpdServer.SCOREBOARD));
  }

  private static PureFtpdSettings settings(Path pureFtpwho, Path scoreboard) {
    return new PureFtpdSettings(
        pureFtpwho,
        scoreboard,
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

  /**
   * The user's session once Pure-FTPd reports progress and a rate for the download (the rate is 0
   * at first).
   */
  private Session awaitDownloadWithProgress() throws Exception {
    return Await.value(
        "a download with progress by " + account.user(),
        TIMEOUT,
        () ->
            listed()
                .filter(
                    s ->
                        s.progress() != null
                            && s.progress() > 0
                            && s.transferRateBytesPerSecond() != null
                            && s.transferRateBytesPerSecond() > 0));
  }

  @Test
  void isAvailableWhileTheServerRuns() {
    assertThat(source.status().available()).as(source.status().detail()).isTrue();
  }

  @Test
  void listsTheDownloadWithUserAddressFileRateAndProgress() throws Exception {
    try (FtpDownload download =
        FtpDownload.start(server.port(), account.user(), account.password(), FILE)) {
      Session session = awaitDownloadWithProgress();

      assertThat(session.id()).matches("pure-ftpd:\\d+-\\d+");
      assertThat(session.clientAddress()).isEqualTo("127.0.0.1");
      assertThat(session.state()).isEqualTo("downloading");
      assertThat(session.currentFile()).isEqualTo(FILE);
      assertThat(session.progress()).isBetween(0.0, 1.0);
      assertThat(session.bytesSent()).isPositive();
      assertThat(session.transferRateBytesPerSecond()).isPositive();
      assertThat(session.loginTime()).isNotNull();
      assertThat(session.actions()).containsExactly(SessionAction.END);
      assertThat(download.bytesReceived()).isLessThan(FILE_SIZE);
    }
  }

  @Test
  void namesTheUserOwnedSessionProcessNotThePrivHelper() throws Exception {
    try (FtpDownload download =
        FtpDownload.start(server.port(), account.user(), account.password(), FILE)) {
      Session session = awaitDownloadWithProgress();
      long pid = Long.parseLong(session.attributes().get("pid"));

      assertThat(Files.getOwner(Path.of("/proc", Long.toString(pid))).getName())
          .isEqualTo(account.user());
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
    PureFtpdSource elsewhere =
        new PureFtpdSource(settings(server.pureFtpwho(), dir.resolve("no-such-scoreboard")));

    assertThat(elsewhere.status().available()).isFalse();
    assertThat(elsewhere.status().detail()).contains("no-such-scoreboard");
  }

  @Test
  void reportsAMissingPureFtpwhoAsUnavailable() {
    PureFtpdSource elsewhere =
        new PureFtpdSource(settings(dir.resolve("pure-ftpwho"), PureFtpdServer.SCOREBOARD));

    assertThat(elsewhere.status().available()).isFalse();
    assertThat(elsewhere.status().detail()).contains("pure-ftpwho").contains("package pure-ftpd");
  }
}
