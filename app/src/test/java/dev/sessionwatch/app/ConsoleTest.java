package dev.sessionwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.demo.DemoHost;
import dev.sessionwatch.app.fleet.SessionKey;
import dev.sessionwatch.app.fleet.SessionRow;
import dev.sessionwatch.app.local.LocalAgent;
import dev.sessionwatch.app.testing.ShownConsole;
import dev.sessionwatch.protocol.SessionKind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main view against a real agent over loopback, serving a demo host whose clock stands still:
 * its sessions change only when the test logs one in.
 */
class ConsoleTest {
  private final FxRobot robot = new FxRobot();
  private final DemoHost demoHost =
      new DemoHost(
          "web01", 11, Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC), 0);
  private ShownConsole shown;
  private Console console;

  @BeforeEach
  void showConsole(@TempDir Path dir) throws Exception {
    for (int i = 0; i < 6; i++) {
      demoHost.addSession(SessionKind.FTP);
    }
    shown =
        ShownConsole.watching(
            List.of(LocalAgent.start("web01", demoHost.sources(), dir.resolve("audit.log"))));
    console = shown.console();
  }

  @AfterEach
  void closeConsole() throws Exception {
    shown.close();
  }

  @Test
  void selectionAndSortOrderSurviveARefreshThatAddsSessions() throws Exception {
    TableView<SessionRow> table = ftpTableWithRows(6);
    robot.clickOn(
        robot
            .lookup("#ftp-table .column-header .label")
            .match(LabeledMatchers.hasText("Login"))
            .queryLabeled());
    List<SessionRow> sorted = List.copyOf(table.getItems());
    robot.clickOn(cell(sorted.get(1).session().user()));
    robot
        .press(KeyCode.CONTROL)
        .clickOn(cell(sorted.get(4).session().user()))
        .release(KeyCode.CONTROL);
    List<SessionKey> selected = selectedKeys(table);
    assertThat(selected).hasSize(2);

    for (int i = 0; i < 4; i++) {
      demoHost.addSession(SessionKind.FTP);
    }
    robot.press(KeyCode.F5).release(KeyCode.F5);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 10);

    assertThat(selectedKeys(table)).containsExactlyInAnyOrderElementsOf(selected);
    assertThat(table.getItems())
        .extracting(row -> row.session().user())
        .isSortedAccordingTo(Comparator.naturalOrder());
  }

  private TableView<SessionRow> ftpTableWithRows(int rows) throws Exception {
    robot.clickOn("#ftp-tab");
    TableView<SessionRow> table = robot.lookup("#ftp-table").queryTableView();
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == rows);
    return table;
  }

  private javafx.scene.Node cell(String text) {
    return robot.lookup("#ftp-table .table-cell").match(LabeledMatchers.hasText(text)).query();
  }

  private static List<SessionKey> selectedKeys(TableView<SessionRow> table) throws Exception {
    return WaitForAsyncUtils.asyncFx(
            () ->
                table.getSelectionModel().getSelectedItems().stream().map(SessionRow::key).toList())
        .get();
  }
}
