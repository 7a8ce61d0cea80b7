package dev.sessionwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.source.FixtureSource;
import dev.sessionwatch.app.fleet.SessionRow;
import dev.sessionwatch.app.local.LocalAgent;
import dev.sessionwatch.app.testing.ContextMenus;
import dev.sessionwatch.app.testing.ShownConsole;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Sending a message from the console's context menu, against a real agent over loopback whose
 * source takes messages (as the rdp source's active sessions do) and records them.
 */
class ConsoleMessageTest {
  private final FxRobot robot = new FxRobot();
  private final FixtureSource rdp = new FixtureSource("rdp", SessionKind.TERMINAL);
  private Session alice;

  @TempDir Path dir;
  private ShownConsole shown;

  @BeforeEach
  void showConsole() throws Exception {
    alice =
        rdp.add(
            "3-1a2b3c4d",
            "alice",
            SessionAction.MESSAGE,
            SessionAction.DISCONNECT,
            SessionAction.LOGOUT);
    shown =
        ShownConsole.watching(
            List.of(LocalAgent.start("win01", List.of(rdp), dir.resolve("audit.log"))));
  }

  @AfterEach
  void closeConsole() throws Exception {
    if (shown != null) {
      shown.close();
    }
  }

  @Test
  void theMenuOffersSendMessageFirst() throws Exception {
    ContextMenu menu = ContextMenus.openOn(robot, aliceRow());

    assertThat(menu.getItems())
        .extracting(MenuItem::getId)
        .containsSubsequence("menu-message", "menu-disconnect", "menu-logout");
    ContextMenus.choose(menu, "menu-message"); // closes the menu; the dialog it opens is cancelled
    dialog();
    robot.clickOn("#cancel-action-button");
  }

  @Test
  void sendingAMessageReachesTheSessionsSourceAndTheSessionStays() throws Exception {
    ContextMenus.choose(ContextMenus.openOn(robot, aliceRow()), "menu-message");
    DialogPane dialog = dialog();
    assertThat(robot.from(dialog).lookup(".planned-session").queryAllAs(Label.class))
        .extracting(Label::getText)
        .anyMatch(text -> text.contains("alice"));

    robot.clickOn("#message-text").write("The server restarts at 18:00, please log off");
    robot.clickOn("#send-message-button");

    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !rdp.performed().isEmpty());
    assertThat(rdp.performed())
        .containsExactly(alice.id() + " message The server restarts at 18:00, please log off");
    assertThat(rdp.list()).extracting(Session::id).containsExactly(alice.id());
  }

  @Test
  void aTextTheAgentWouldRefuseCannotBeSentAndSaysWhy() throws Exception {
    ContextMenus.choose(ContextMenus.openOn(robot, aliceRow()), "menu-message");
    dialog();

    robot.clickOn("#message-text").write("say \"hi\"");

    Button send = robot.lookup("#send-message-button").queryButton();
    assertThat(send.isDisabled()).isTrue();
    assertThat(robot.lookup("#message-problem").queryAs(Label.class).getText())
        .contains("double quote");
    robot.clickOn("#cancel-action-button");
    assertThat(rdp.performed()).isEmpty();
  }

  @Test
  void anEmptyMessageCannotBeSent() throws Exception {
    ContextMenus.choose(ContextMenus.openOn(robot, aliceRow()), "menu-message");
    dialog();

    assertThat(robot.lookup("#send-message-button").queryButton().isDisabled()).isTrue();
    robot.clickOn("#cancel-action-button");
  }

  private Node aliceRow() throws Exception {
    robot.clickOn("#terminal-tab");
    TableView<SessionRow> table = robot.lookup("#terminal-table").queryTableView();
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () -> table.getItems().stream().anyMatch(row -> row.key().sessionId().equals(alice.id())));
    WaitForAsyncUtils.waitForFxEvents();
    return robot
        .lookup("#terminal-table .table-row-cell")
        .match(
            node ->
                node instanceof TableRow<?> row
                    && row.getItem() instanceof SessionRow item
                    && item.key().sessionId().equals(alice.id()))
        .query();
  }

  private DialogPane dialog() throws Exception {
    WaitForAsyncUtils.waitFor(
        5, TimeUnit.SECONDS, () -> robot.lookup("#message-dialog").tryQuery().isPresent());
    return robot.lookup("#message-dialog").queryAs(DialogPane.class);
  }
}
