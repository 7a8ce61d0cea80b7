package dev.sessionwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.demo.DemoHost;
import dev.sessionwatch.agent.source.SessionSource;
import dev.sessionwatch.app.fleet.SessionRow;
import dev.sessionwatch.app.local.LocalAgent;
import dev.sessionwatch.app.testing.ShownConsole;
import dev.sessionwatch.app.testing.WindowSnapshot;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionKind;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A picture of the main window for people to look at: three demo hosts, the first with its clock
 * stopped at a moment when several FTP transfers are under way, one of them selected.
 */
class MainWindowScreenshotTest {
  private final FxRobot robot = new FxRobot();

  /** Now, so that logon and idle times read as they would on a live host. */
  private final Clock demoClock = Clock.fixed(Instant.now(), ZoneOffset.UTC);

  private DemoHost demoHost;
  private ShownConsole shown;

  @AfterEach
  void closeConsole() throws Exception {
    if (shown != null) {
      shown.close();
    }
  }

  @Test
  void writesAScreenshotOfTheFtpTabWithTransfers(@TempDir Path dir) throws Exception {
    demoHost = busyDemoHost(3);
    shown =
        ShownConsole.watching(
            List.of(
                LocalAgent.start("web01", demoHost.sources(), dir.resolve("audit.log")),
                LocalAgent.demo("web02"),
                LocalAgent.demo("mail01")));
    Stage stage = shown.stage();
    robot.clickOn("#ftp-tab");
    TableView<SessionRow> table = robot.lookup("#ftp-table").queryTableView();
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () ->
            table.getItems().stream().filter(row -> row.session().progress() != null).count() >= 3);
    WaitForAsyncUtils.asyncFx(
            () ->
                table.getItems().stream()
                    .filter(row -> row.session().progress() != null)
                    .findFirst()
                    .ifPresent(
                        row -> {
                          table.requestFocus();
                          table.getSelectionModel().select(row);
                        }))
        .get();
    WaitForAsyncUtils.waitForFxEvents();

    Path png = WindowSnapshot.write(stage.getScene(), Path.of("target", "screenshot.png"));

    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo((int) stage.getScene().getWidth());
    assertThat(image.getHeight()).isEqualTo((int) stage.getScene().getHeight());
  }

  /** The first of the demo's simulations that has this many FTP transfers under way now. */
  private DemoHost busyDemoHost(int transfers) throws Exception {
    for (long seed = 1; seed <= 500; seed++) {
      DemoHost candidate = new DemoHost("web01", seed, demoClock, 30);
      SessionSource ftp =
          candidate.sources().stream()
              .filter(source -> source.kind() == SessionKind.FTP)
              .findFirst()
              .orElseThrow();
      List<Session> sessions = ftp.list();
      if (sessions.stream().filter(session -> session.progress() != null).count() >= transfers) {
        return candidate;
      }
    }
    throw new AssertionError("no simulation of 500 has " + transfers + " transfers at once");
  }
}
