package dev.sessionwatch.agent.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.os.ProcessTable;
import dev.sessionwatch.agent.source.ActionResult;
import dev.sessionwatch.agent.source.SessionSource;
import dev.sessionwatch.agent.testing.Await;
import dev.sessionwatch.agent.testing.FtpClientSession;
import dev.sessionwatch.agent.testing.FtpServerUnderTest;
import dev.sessionwatch.agent.testing.VsftpdServer;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The vsftpd source against a real vsftpd with process titles: see {@link FtpServerContract}. */
class VsftpdSourceServerTest extends FtpServerContract {

  private VsftpdServer vsftpd;

  @Override
  FtpServerUnderTest startServer(Path dir) throws Exception {
    vsftpd = VsftpdServer.start(dir, true);
    return vsftpd;
  }

  /** vsftpd's titles name the command and file, and nothing of the transfer's progress. */
  @Override
  boolean showsTheTransfer(Session download) {
    return "downloading".equals(download.state()) && download.currentFile() != null;
  }

  @Test
  void listsTheCommandAndNoGuessedProgress() throws Exception {
    try (FtpClientSession client = download()) {
      Session session = awaitDownload();

      assertThat(session.currentCommand()).isEqualTo("RETR");
      assertThat(session.progress()).isNull();
      assertThat(session.transferRateBytesPerSecond()).isNull();
      assertThat(session.idleSince()).isNull();
    }
  }

  @Test
  void endsAnIdleSessionWhoseUserProcessIgnoresSigterm() throws Exception {
    try (FtpClientSession client =
        FtpClientSession.idle(server.port(), account.user(), account.password())) {
      Session session =
          Await.value(
              account.user() + "'s idle session",
              TIMEOUT,
              () -> listed().filter(s -> "idle".equals(s.state())));

      ActionResult result = source.perform(session, SessionAction.END);

      assertThat(result.sessionEnded()).as(result.message()).isTrue();
      Await.until("the control connection to close", TIMEOUT, client::controlConnectionClosed);
      assertThat(listed()).isEmpty();
    }
  }

  @Test
  void listsOnlyTheClientAddressWithoutProcessTitles() throws Exception {
    try (VsftpdServer untitled =
            VsftpdServer.start(Files.createDirectory(dir.resolve("b")), false);
        FtpClientSession client =
            FtpClientSession.downloading(
                untitled.port(), account.user(), account.password(), FILE)) {
      SessionSource titlesOff = untitled.newSource();
      Session session =
          Await.value("the untitled session", TIMEOUT, () -> titlesOff.list().stream().findFirst());

      assertThat(titlesOff.status().available()).isTrue();
      assertThat(titlesOff.status().detail())
          .contains("setproctitle_enable")
          .contains("client address only");
      assertThat(session.clientAddress()).isEqualTo("127.0.0.1");
      assertThat(session.user()).isNull();
      assertThat(session.currentFile()).isNull();
      assertThat(titlesOff.perform(session, SessionAction.END).sessionEnded()).isTrue();
      Await.until("the control connection to close", TIMEOUT, client::controlConnectionClosed);
    }
  }

  @Test
  void reportsAMissingVsftpdAsUnavailable() {
    VsftpdSource elsewhere =
        new VsftpdSource(
            new VsftpdSettings(
                dir.resolve("vsftpd"),
                vsftpd.config(),
                ProcessTable.DEFAULT_ROOT,
                Duration.ofSeconds(2)));

    assertThat(elsewhere.status().available()).isFalse();
    assertThat(elsewhere.status().detail()).contains("package vsftpd");
  }
}
