package dev.sessionwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.testing.FtpClientSession;
import dev.sessionwatch.agent.testing.PureFtpdServer;
import dev.sessionwatch.agent.testing.UserAccount;
import dev.sessionwatch.app.fleet.SessionRow;
import dev.sessionwatch.app.local.LocalAgent;
import dev.sessionwatch.app.testing.ShownConsole;
import dev.sessionwatch.app.testing.WindowSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The FTP tab on a real source: a real Pure-FTPd on loopback, a real client downloading slowly, the
 * real agent over HTTP, the real console. Skipped where root or Pure-FTPd is missing.
 */
class ConsoleFtpServerTest {

  private static final String FILE = "slow.bin";

  private final FxRobot robot = new FxRobot();

  @TempDir Path dir;

  @Test
  void showsARealDownloadWithItsSpeedAndAProgressBar() throws Exception {
    try (PureFtpdServer ftp = PureFtpdServer.start(Files.createDirectory(dir.resolve("ftp")));
        UserAccount account = UserAccount.withFile(FILE, 2L * 1024 * 1024);
        FtpClientSession client =
            FtpClientSession.downloading(ftp.port(), account.user(), account.password(), FILE);
        ShownConsole shown =
            ShownConsole.watching(
                List.of(
                    LocalAgent.start(
                        "ftp01", List.of(ftp.newSource()), dir.resolve("audit.log"))))) {
      robot.clickOn("#ftp-tab");
      TableView<SessionRow> table = robot.lookup("#ftp-table").queryTableView();
      WaitForAsyncUtils.waitFor(
          30,
          TimeUnit.SECONDS,
          () ->
              table.getItems().stream()
                  .map(SessionRow::session)
                  .anyMatch(
                      s ->
                          account.user().equals(s.user())
                              && s.progress() != null
                              && s.progress() > 0
                              && s.transferRateBytesPerSecond() != null
                              && s.transferRateBytesPerSecond() > 0));
      WaitForAsyncUtils.waitForFxEvents();

      ProgressBar bar =
          robot.lookup("#ftp-table .progress-cell .progress-bar").queryAs(ProgressBar.class);
      assertThat(bar.isVisible()).isTrue();
      assertThat(bar.getProgress()).isBetween(0.0, 1.0).isPositive();
      assertThat(cellText("speed")).matches("[0-9.]+ (B|KB|MB)/s");
      assertThat(cellText("file")).isEqualTo(FILE);
      assertThat(cellText("login")).isEqualTo(account.user());
      assertThat(cellText("address")).isEqualTo("127.0.0.1");
      WindowSnapshot.write(shown.stage().getScene(), Path.of("target", "ftp-tab-real-server.png"));
    }
  }

  /** The text of the FTP table's first row in the column with this id. */
  private String cellText(String columnId) {
    return robot
        .lookup("#ftp-table .table-cell")
        .match(
            node ->
                node instanceof TableCell<?, ?> cell
                    && cell.getTableColumn() != null
                    && columnId.equals(cell.getTableColumn().getId())
                    && cell.getIndex() == 0)
        .queryAs(Labeled.class)
        .getText();
  }
}
