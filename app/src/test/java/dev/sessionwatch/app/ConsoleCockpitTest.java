package dev.sessionwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.panel.CockpitSettings;
import dev.sessionwatch.agent.panel.CockpitSource;
import dev.sessionwatch.agent.testing.CockpitServer;
import dev.sessionwatch.agent.testing.UserAccount;
import dev.sessionwatch.app.fleet.SessionRow;
import dev.sessionwatch.app.local.LocalAgent;
import dev.sessionwatch.app.testing.ContextMenus;
import dev.sessionwatch.app.testing.ShownConsole;
import dev.sessionwatch.app.testing.WindowSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Panel tab on a real source: a real Cockpit on loopback with a browser-like login, the real
 * agent over HTTP, the real console; the operator ends the login from the table. Skipped where root
 * or Cockpit is missing.
 */
class ConsoleCockpitTest {

  private final FxRobot robot = new FxRobot();

  @TempDir Path dir;

  @Test
  void showsARealCockpitLoginAndEndsItFromTheTable() throws Exception {
    try (CockpitServer cockpit = CockpitServer.start(Files.createDirectory(dir.resolve("c")));
        UserAccount account = UserAccount.create();
        CockpitServer.Login login = cockpit.logIn(account.user(), account.password());
        ShownConsole shown =
            ShownConsole.watching(
                List.of(
                    LocalAgent.start(
                        "panel01",
                        List.of(new CockpitSource(CockpitSettings.defaults())),
                        dir.resolve("audit.log"))))) {
      robot.clickOn("#panel-tab");
      TableView<SessionRow> table = robot.lookup("#panel-table").queryTableView();
      WaitForAsyncUtils.waitFor(
          30,
          TimeUnit.SECONDS,
          () -> table.getItems().stream().anyMatch(row -> isLogin(row, account)));
      WaitForAsyncUtils.waitForFxEvents();
      SessionRow row =
          table.getItems().stream().filter(r -> isLogin(r, account)).findFirst().orElseThrow();
      assertThat(row.session().clientAddress()).isEqualTo("127.0.0.1");
      WindowSnapshot.write(shown.stage().getScene(), Path.of("target", "panel-tab-cockpit.png"));

      ContextMenus.choose(ContextMenus.openOn(robot, rowNode(account)), "menu-end");
      robot.clickOn("#confirm-action-button");

      assertThat(login.awaitClosedByServer(Duration.ofSeconds(30)))
          .as("the websocket's close code")
          .isPositive();
      WaitForAsyncUtils.waitFor(
          30,
          TimeUnit.SECONDS,
          () -> table.getItems().stream().noneMatch(r -> isLogin(r, account)));
    }
  }

  private static boolean isLogin(SessionRow row, UserAccount account) {
    return account.user().equals(row.session().user());
  }

  private Node rowNode(UserAccount account) {
    return robot
        .lookup("#panel-table .table-row-cell")
        .match(
            node ->
                node instanceof TableRow<?> tableRow
                    && tableRow.getItem() instanceof SessionRow item
                    && isLogin(item, account))
        .query();
  }
}
