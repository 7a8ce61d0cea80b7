package dev.sessionwatch.agent.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.os.ProcessTable;
import dev.sessionwatch.agent.testing.FtpClientSession;
import dev.sessionwatch.agent.testing.FtpServerUnderTest;
import dev.sessionwatch.agent.testing.ProftpdServer;
import dev.sessionwatch.protocol.Session;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The ProFTPD source against a real ProFTPD: see {@link FtpServerContract}. */
class ProftpdSourceServerTest extends FtpServerContract {

  private ProftpdServer proftpd;

  @Override
  FtpServerUnderTest startServer(Path dir) throws Exception {
    proftpd = ProftpdServer.start(dir);
    return proftpd;
  }

  /** ProFTPD reports progress, but only once some of the file went out. */
  @Override
  boolean showsTheTransfer(Session download) {
    return download.progress() != null && download.progress() > 0;
  }

  @Test
  void listsTheCommandDirectoryProgressAndBytes() throws Exception {
    try (FtpClientSession client = download()) {
      Session session = awaitDownload();

      assertThat(session.currentCommand()).isEqualTo("RETR");
      assertThat(session.currentDirectory()).isEqualTo(account.home().toString());
      assertThat(session.progress()).isBetween(0.0, 1.0);
      assertThat(session.bytesSent()).isPositive();
    }
  }

  @Test
  void reportsAMissingScoreboardAsUnavailable() {
    ProftpdSource elsewhere =
        new ProftpdSource(
            new ProftpdSettings(
                proftpd.ftpwho(),
                dir.resolve("no-such.scoreboard"),
                ProcessTable.DEFAULT_ROOT,
                Duration.ofSeconds(2),
                Duration.ofSeconds(10)));

    assertThat(elsewhere.status().available()).isFalse();
    assertThat(elsewhere.status().detail()).contains("no-such.scoreboard");
  }
}
