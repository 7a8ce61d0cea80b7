package dev.sessionwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.demo.DemoHost;
import dev.sessionwatch.agent.source.SessionSource;
import dev.sessionwatch.agent.source.SourceException;
import dev.sessionwatch.app.actions.UnavailableReason;
import dev.sessionwatch.app.fleet.SessionRow;
import dev.sessionwatch.app.local.LocalAgent;
import dev.sessionwatch.app.testing.ContextMenus;
import dev.sessionwatch.app.testing.ShownConsole;
import dev.sessionwatch.protocol.Role;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionKind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Details, context menus, confirmation and actions in the main view, against a real agent over
 * loopback serving a demo host whose clock stands still: its sessions change only when the test
 * logs one in or ends one.
 */
class ConsoleActionsTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private final FxRobot robot = new FxRobot();

  /** Three sessions to start with, one of each kind: the terminal one is root on tty1. */
  private final DemoHost demoHost = new DemoHost("web01", 5, Clock.fixed(T0, ZoneOffset.UTC), 3);

  @TempDir Path dir;
  private ShownConsole shown;
  private Console console;

  /** Shows the console watching the demo host through a token of {@code role}. */
  private void showConsole(Role role) throws Exception {
    shown =
        ShownConsole.watching(
            List.of(LocalAgent.start("web01", demoHost.sources(), dir.resolve("audit.log"), role)));
    console = shown.console();
  }

  @AfterEach
  void closeConsole() throws Exception {
    if (shown != null) {
      shown.close();
    }
  }

  @Test
  void doubleClickOpensTheDetailsOfTheSession() throws Exception {
    Session ftp = demoHost.addSession(SessionKind.FTP);
    showConsole(Role.OPERATOR);
    Node row = rowOf(SessionKind.FTP, ftp);

    robot.doubleClickOn(row);

    DialogPane details = dialog("#session-details");
    assertThat(labels(details)).contains("Session id", ftp.id(), "Domain", ftp.domain());
    assertThat(details.lookup("#details-end-button")).isNotNull();
  }

  @Test
  void enterOpensTheDetailsOfTheSelectedSession() throws Exception {
    Session ftp = demoHost.addSession(SessionKind.FTP);
    showConsole(Role.OPERATOR);
    robot.clickOn(rowOf(SessionKind.FTP, ftp));

    robot.type(KeyCode.ENTER);

    assertThat(labels(dialog("#session-details"))).contains(ftp.id());
  }

  @Test
  void aConsoleLoginOffersOnlyLogOut() throws Exception {
    showConsole(Role.OPERATOR);
    Session console = onTerminalLine("tty1");

    ContextMenu menu = ContextMenus.openOn(robot, rowOf(SessionKind.TERMINAL, console));

    assertThat(actionLabels(menu)).containsExactly("Log out");
    assertThat(itemTexts(menu))
        .containsSubsequence(
            "Details…", "Copy", "Copy IP address", "Filter by this user", "Filter by this IP");
  }

  @Test
  void aRemoteLoginOffersDisconnectAndLogOut() throws Exception {
    Session remote = demoHost.addSession(SessionKind.TERMINAL);
    showConsole(Role.OPERATOR);

    ContextMenu menu = ContextMenus.openOn(robot, rowOf(SessionKind.TERMINAL, remote));

    assertThat(actionLabels(menu)).containsExactly("Disconnect", "Log out");
  }

  @Test
  void anFtpSessionOffersEndSession() throws Exception {
    Session ftp = demoHost.addSession(SessionKind.FTP);
    showConsole(Role.OPERATOR);

    ContextMenu menu = ContextMenus.openOn(robot, rowOf(SessionKind.FTP, ftp));

    assertThat(actionLabels(menu)).containsExactly("End session");
  }

  @Test
  void theToolbarOffersTheActionsOfTheSelection() throws Exception {
    showConsole(Role.OPERATOR);
    robot.clickOn(rowOf(SessionKind.TERMINAL, onTerminalLine("tty1")));

    assertThat(robot.lookup("#disconnect-button").queryButton().isDisabled()).isTrue();
    assertThat(robot.lookup("#logout-button").queryButton().isDisabled()).isFalse();
    assertThat(robot.lookup("#end-button").queryButton().isDisabled()).isTrue();
  }

  @Test
  void cancelLeavesTheSession() throws Exception {
    Session ftp = demoHost.addSession(SessionKind.FTP);
    showConsole(Role.OPERATOR);
    ContextMenus.choose(ContextMenus.openOn(robot, rowOf(SessionKind.FTP, ftp)), "menu-end");
    DialogPane confirmation = dialog("#confirm-action-dialog");
    assertThat(labels(confirmation)).anyMatch(text -> text.contains(ftp.user()));

    robot.clickOn("#cancel-action-button");

    refreshAndSettle();
    assertThat(table(SessionKind.FTP).getItems()).anyMatch(row -> isRowOf(row, ftp));
    assertThat(demoHostLists(ftp)).isTrue();
  }

  @Test
  void enterDoesNotConfirm() throws Exception {
    Session ftp = demoHost.addSession(SessionKind.FTP);
    showConsole(Role.OPERATOR);
    robot.clickOn(rowOf(SessionKind.FTP, ftp));
    robot.clickOn("#end-button");
    dialog("#confirm-action-dialog");

    robot.type(KeyCode.ENTER);

    WaitForAsyncUtils.waitFor(
        5, TimeUnit.SECONDS, () -> robot.lookup("#confirm-action-dialog").tryQuery().isEmpty());
    refreshAndSettle();
    assertThat(demoHostLists(ftp)).isTrue();
  }

  @Test
  void confirmingEndsTheSessionOnTheAgentAndTheRowDisappears() throws Exception {
    Session ftp = demoHost.addSession(SessionKind.FTP);
    showConsole(Role.OPERATOR);
    ContextMenus.choose(ContextMenus.openOn(robot, rowOf(SessionKind.FTP, ftp)), "menu-end");
    dialog("#confirm-action-dialog");

    robot.clickOn("#confirm-action-button");

    TableView<SessionRow> table = table(SessionKind.FTP);
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> table.getItems().stream().noneMatch(row -> isRowOf(row, ftp)));
    assertThat(demoHostLists(ftp)).isFalse();
    WaitForAsyncUtils.waitFor(
        5, TimeUnit.SECONDS, () -> robot.lookup(".notification-bar").tryQuery().isPresent());
    assertThat(robot.lookup(".notification-bar .label").queryAllAs(Label.class))
        .extracting(Label::getText)
        .anyMatch(text -> text.contains(ftp.user()) && text.contains("ended"));
  }

  @Test
  void deleteEndsEverySelectedSessionAtOnce() throws Exception {
    List<Session> added =
        List.of(
            demoHost.addSession(SessionKind.FTP),
            demoHost.addSession(SessionKind.FTP),
            demoHost.addSession(SessionKind.FTP));
    showConsole(Role.OPERATOR);
    robot.clickOn(rowOf(SessionKind.FTP, added.get(0)));
    robot.press(KeyCode.CONTROL);
    robot.clickOn(rowOf(SessionKind.FTP, added.get(1)));
    robot.clickOn(rowOf(SessionKind.FTP, added.get(2)));
    robot.release(KeyCode.CONTROL);

    robot.type(KeyCode.DELETE);
    DialogPane confirmation = dialog("#confirm-action-dialog");
    assertThat(confirmation.getHeaderText()).isEqualTo("End these 3 sessions?");
    robot.clickOn("#confirm-action-button");

    TableView<SessionRow> table = table(SessionKind.FTP);
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () ->
            table.getItems().stream()
                .noneMatch(row -> added.stream().anyMatch(s -> isRowOf(row, s))));
    assertThat(added).noneMatch(this::demoHostLists);
  }

  @Test
  void aViewerTokensActionsAreShownUnavailableBeforeAnyClick() throws Exception {
    Session ftp = demoHost.addSession(SessionKind.FTP);
    showConsole(Role.VIEWER);
    Node row = rowOf(SessionKind.FTP, ftp);

    robot.clickOn(row);

    assertThat(robot.lookup("#end-button").queryButton().isDisabled()).isTrue();
    Node holder = robot.lookup("#end-button-holder").query();
    assertThat(UnavailableReason.tooltipOf(holder).getText())
        .isEqualTo("Not available: the token for web01 is a viewer token: it may read, not act");
    MenuItem end = ContextMenus.item(ContextMenus.openOn(robot, row), "menu-end");
    assertThat(end.isDisable()).isTrue();
    assertThat(end.getText()).startsWith("End session (not available: ").contains("viewer token");
    assertThat(demoHostLists(ftp)).isTrue();
  }

  @Test
  void theReasonShowsWhenPointingAtTheDisabledButton() throws Exception {
    Session ftp = demoHost.addSession(SessionKind.FTP);
    showConsole(Role.VIEWER);
    robot.clickOn(rowOf(SessionKind.FTP, ftp));

    robot.moveTo("#end-button");

    Tooltip tooltip = UnavailableReason.tooltipOf(robot.lookup("#end-button-holder").query());
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, tooltip::isShowing);
    assertThat(tooltip.getText()).contains("viewer token");
  }

  @Test
  void aViewerTokensDetailsOfferNoActiveActionButton() throws Exception {
    Session ftp = demoHost.addSession(SessionKind.FTP);
    showConsole(Role.VIEWER);

    robot.doubleClickOn(rowOf(SessionKind.FTP, ftp));

    DialogPane details = dialog("#session-details");
    assertThat(details.lookup("#details-end-button").isDisabled()).isTrue();
  }

  @Test
  void theSearchBoxFiltersAndSortingStillWorks() throws Exception {
    for (int i = 0; i < 6; i++) {
      demoHost.addSession(SessionKind.FTP);
    }
    showConsole(Role.OPERATOR);
    TableView<SessionRow> table = table(SessionKind.FTP);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() >= 7);
    String user = table.getItems().get(0).session().user();
    robot.clickOn(
        robot
            .lookup("#ftp-table .column-header .label")
            .match(LabeledMatchers.hasText("Login"))
            .queryLabeled());

    robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
    robot.write(user.toUpperCase(Locale.ROOT));

    assertThat(robot.lookup("#search-field").queryAs(TextField.class).isFocused()).isTrue();
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(table.getItems()).isNotEmpty().allMatch(row -> user.equals(row.session().user()));
    assertThat(table.getItems())
        .extracting(row -> row.session().user())
        .isSortedAccordingTo(Comparator.naturalOrder());
  }

  @Test
  void filterByThisUserSetsTheSearch() throws Exception {
    Session ftp = demoHost.addSession(SessionKind.FTP);
    showConsole(Role.OPERATOR);

    ContextMenus.choose(
        ContextMenus.openOn(robot, rowOf(SessionKind.FTP, ftp)), "menu-filter-user");

    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#search-field").queryAs(TextField.class).getText())
        .isEqualTo(ftp.user());
    assertThat(table(SessionKind.FTP).getItems())
        .isNotEmpty()
        .allMatch(row -> row.session().user().equals(ftp.user()));
  }

  @Test
  void ctrlCCopiesTheSelectedRowAsText() throws Exception {
    Session ftp = demoHost.addSession(SessionKind.FTP);
    showConsole(Role.OPERATOR);
    robot.clickOn(rowOf(SessionKind.FTP, ftp));

    robot.press(KeyCode.CONTROL).type(KeyCode.C).release(KeyCode.CONTROL);

    String copied =
        WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
    assertThat(copied.split("\t")).contains("web01", ftp.user(), ftp.domain(), ftp.clientAddress());
  }

  private Session onTerminalLine(String line) throws Exception {
    TableView<SessionRow> table = table(SessionKind.TERMINAL);
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () -> table.getItems().stream().anyMatch(row -> line.equals(row.session().line())));
    return table.getItems().stream()
        .map(SessionRow::session)
        .filter(session -> line.equals(session.line()))
        .findFirst()
        .orElseThrow();
  }

  /** Shows the kind's tab, waits for the session's row and answers it. */
  private Node rowOf(SessionKind kind, Session session) throws Exception {
    TableView<SessionRow> table = table(kind);
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () -> table.getItems().stream().anyMatch(row -> isRowOf(row, session)));
    WaitForAsyncUtils.asyncFx(
            () ->
                table.scrollTo(
                    table.getItems().stream()
                        .filter(row -> isRowOf(row, session))
                        .findFirst()
                        .orElseThrow()))
        .get();
    WaitForAsyncUtils.waitForFxEvents();
    return robot
        .lookup("#" + kind.wireName() + "-table .table-row-cell")
        .match(
            node ->
                node instanceof TableRow<?> row
                    && row.getItem() instanceof SessionRow item
                    && isRowOf(item, session))
        .query();
  }

  private TableView<SessionRow> table(SessionKind kind) {
    robot.clickOn("#" + kind.wireName() + "-tab");
    return robot.lookup("#" + kind.wireName() + "-table").queryTableView();
  }

  private static boolean isRowOf(SessionRow row, Session session) {
    return row.key().sessionId().equals(session.id());
  }

  /** Whether the agent's demo host still has the session, read from its source directly. */
  private boolean demoHostLists(Session session) {
    for (SessionSource source : demoHost.sources()) {
      if (source.kind() != session.kind()) {
        continue;
      }
      try {
        if (source.list().stream().anyMatch(listed -> listed.id().equals(session.id()))) {
          return true;
        }
      } catch (SourceException e) {
        throw new IllegalStateException("a demo source does not fail", e);
      }
    }
    return false;
  }

  private static List<String> actionLabels(ContextMenu menu) {
    return menu.getItems().stream()
        .filter(
            item -> item.getId() != null && item.getId().matches("menu-(end|disconnect|logout)"))
        .map(MenuItem::getText)
        .toList();
  }

  private static List<String> itemTexts(ContextMenu menu) {
    return menu.getItems().stream().map(MenuItem::getText).filter(Objects::nonNull).toList();
  }

  private DialogPane dialog(String id) throws Exception {
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(id).tryQuery().isPresent());
    return robot.lookup(id).queryAs(DialogPane.class);
  }

  private List<String> labels(DialogPane pane) {
    return robot.from(pane).lookup(".label").queryAllAs(Label.class).stream()
        .map(Label::getText)
        .toList();
  }

  private void refreshAndSettle() throws Exception {
    WaitForAsyncUtils.asyncFx(() -> console.refreshNow()).get();
    Thread.sleep(300);
    WaitForAsyncUtils.waitForFxEvents();
  }
}
