package dev.sessionwatch.agent.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.os.ProcessTable;
import dev.sessionwatch.agent.testing.FtpClientSession;
import dev.sessionwatch.agent.testing.FtpServerUnderTest;
import dev.sessionwatch.agent.testing.PureFtpdServer;
import dev.sessionwatch.protocol.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Pure-FTPd source against a real Pure-FTPd: see {@link FtpServerContract}. */
class PureFtpdSourceServerTest extends FtpServerContract {

  private PureFtpdServer pureFtpd;

  @Override
  FtpServerUnderTest startServer(Path dir) throws Exception {
    pureFtpd = PureFtpdServer.start(dir);
    return pureFtpd;
  }

  /** Pure-FTPd reports progress and a rate, both 0 at first. */
  @Override
  boolean showsTheTransfer(Session download) {
    return download.progress() != null
        && download.progress() > 0
        && download.transferRateBytesPerSecond() != null
        && download.transferRateBytesPerSecond() > 0;
  }

  private PureFtpdSource reading(Path pureFtpwho, Path scoreboard) {
    return new PureFtpdSource(
        new PureFtpdSettings(
            pureFtpwho,
            scoreboard,
            ProcessTable.DEFAULT_ROOT,
            Duration.ofSeconds(2),
            Duration.ofSeconds(10)));
  }

  @Test
  void listsProgressRateAndBytes() throws Exception {
    try (FtpClientSession client = download()) {
      Session session = awaitDownload();

      assertThat(session.progress()).isBetween(0.0, 1.0);
      assertThat(session.bytesSent()).isPositive();
      assertThat(session.transferRateBytesPerSecond()).isPositive();
    }
  }

  @Test
  void namesTheUserOwnedSessionProcessNotThePrivHelper() throws Exception {
    try (FtpClientSession client = download()) {
      Session session = awaitDownload();
      long pid = Long.parseLong(session.attributes().get("pid"));

      assertThat(Files.getOwner(Path.of("/proc", Long.toString(pid))).getName())
          .isEqualTo(account.user());
    }
  }

  @Test
  void reportsAMissingScoreboardAsUnavailable() {
    PureFtpdSource elsewhere = reading(pureFtpd.pureFtpwho(), dir.resolve("no-such-scoreboard"));

    assertThat(elsewhere.status().available()).isFalse();
    assertThat(elsewhere.status().detail()).contains("no-such-scoreboard");
  }

  @Test
  void reportsAMissingPureFtpwhoAsUnavailable() {
    PureFtpdSource elsewhere = reading(dir.resolve("pure-ftpwho"), PureFtpdServer.SCOREBOARD);

    assertThat(elsewhere.status().available()).isFalse();
    assertThat(elsewhere.status().detail()).contains("pure-ftpwho").contains("package pure-ftpd");
  }
}
