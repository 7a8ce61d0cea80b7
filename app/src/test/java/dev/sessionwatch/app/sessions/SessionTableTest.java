package dev.sessionwatch.app.sessions;

import static dev.sessionwatch.app.testing.SessionLists.answer;
import static dev.sessionwatch.app.testing.SessionLists.ftp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.testing.ManualClock;
import dev.sessionwatch.app.fleet.Fleet;
import dev.sessionwatch.app.fleet.SessionRow;
import dev.sessionwatch.app.settings.TableLayout;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.scene.control.TableColumn;
import javafx.scene.control.skin.TableViewSkin;
import javafx.scene.control.skin.VirtualFlow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The table control: the column layout a user arranged, captured and restored, its sorting and
 * where a search starts; needs the toolkit for the controls.
 */
class SessionTableTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private final Fleet fleet = new Fleet(new ManualClock(T0));
  private final SessionsViewModel sessions = new SessionsViewModel(fleet, new ManualClock(T0));

  @BeforeAll
  static void startToolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @Test
  void capturesEveryColumnInDisplayOrderWithWhetherItIsShown() throws Exception {
    SessionTable table = table(SessionKind.FTP);

    TableLayout layout = WaitForAsyncUtils.asyncFx(table::captureLayout).get();

    assertThat(layout.columns())
        .extracting(TableLayout.Column::id)
        .startsWith("server", "type", "status", "login")
        .endsWith("bytes-sent", "bytes-received", "command", "previous-command", "reply-code");
    assertThat(layout.columns())
        .filteredOn(column -> !column.visible())
        .extracting(TableLayout.Column::id)
        .containsExactly(
            "bytes-sent", "bytes-received", "command", "previous-command", "reply-code");
    assertThat(layout.columns()).allMatch(column -> column.width() > 0);
  }

  @Test
  void appliesASavedOrderWidthAndVisibilityIgnoringUnknownColumns() throws Exception {
    SessionTable table = table(SessionKind.PANEL);
    TableLayout saved =
        new TableLayout(
            List.of(
                new TableLayout.Column("login", 200, true),
                new TableLayout.Column("gone-column", 50, true),
                new TableLayout.Column("server", 90, true),
                new TableLayout.Column("type", 70, false),
                new TableLayout.Column("address", 150, true),
                new TableLayout.Column("idle-time", 80, true)));

    WaitForAsyncUtils.asyncFx(() -> table.applyLayout(saved)).get();

    List<TableColumn<?, ?>> columns = List.copyOf(table.node().getColumns());
    assertThat(columns)
        .extracting(TableColumn::getId)
        .containsExactly("login", "server", "panel", "type", "address", "logon-time", "idle-time");
    assertThat(columns.get(0).getPrefWidth()).isEqualTo(200);
    assertThat(columns.get(3).isVisible()).isFalse();
    assertThat(sessions.table(SessionKind.PANEL).visibleProperty("type").get()).isFalse();
    assertThat(columns.get(4).isVisible()).isTrue();
  }

  @Test
  void aCapturedLayoutRestoresTheSameArrangement() throws Exception {
    SessionTable arranged = table(SessionKind.TERMINAL);
    WaitForAsyncUtils.asyncFx(
            () -> {
              arranged.node().getColumns().add(0, arranged.node().getColumns().remove(3));
              arranged.node().getColumns().get(1).setVisible(false);
            })
        .get();
    TableLayout layout = WaitForAsyncUtils.asyncFx(arranged::captureLayout).get();
    SessionTable fresh =
        WaitForAsyncUtils.asyncFx(
                () ->
                    new SessionTable(
                        new SessionsViewModel(
                                new Fleet(new ManualClock(Instant.EPOCH)),
                                new ManualClock(Instant.EPOCH))
                            .table(SessionKind.TERMINAL)))
            .get();

    WaitForAsyncUtils.asyncFx(() -> fresh.applyLayout(layout)).get();

    assertThat(WaitForAsyncUtils.asyncFx(fresh::captureLayout).get().columns())
        .extracting(TableLayout.Column::id, TableLayout.Column::visible)
        .isEqualTo(
            layout.columns().stream()
                .map(column -> org.assertj.core.groups.Tuple.tuple(column.id(), column.visible()))
                .toList());
  }

  @Test
  void sortsItsRowsAsTheUserSortsTheColumns() throws Exception {
    fleet.apply(
        fleet.addHost("web01"),
        answer(T0, ftp("ftp:1", "bob"), ftp("ftp:2", "alice"), ftp("ftp:3", "carol")));
    SessionTable table = table(SessionKind.FTP);

    WaitForAsyncUtils.asyncFx(
            () -> {
              TableColumn<SessionRow, ?> login = column(table, "login");
              login.setSortType(TableColumn.SortType.DESCENDING);
              table.node().getSortOrder().setAll(List.of(login));
            })
        .get();

    assertThat(table.node().getItems())
        .extracting(row -> row.session().user())
        .containsExactly("carol", "bob", "alice");
  }

  @Test
  void aNewSearchStartsAtTheSelectedRow() throws Exception {
    SessionTable table = fiftyUsersTable();
    List<Integer> scrolledTo = new ArrayList<>();
    WaitForAsyncUtils.asyncFx(
            () -> {
              // Scrolling waits for a skin, which a table gets when shown.
              table.node().setSkin(new TableViewSkin<>(table.node()));
              table.node().getSelectionModel().select(40);
              table.node().setOnScrollTo(event -> scrolledTo.add(event.getScrollTarget()));
              sessions.searchTextProperty().set("user4");
            })
        .get();

    SessionRow selected = table.node().getSelectionModel().getSelectedItem();
    assertThat(selected.session().user()).isEqualTo("user40");
    assertThat(scrolledTo).containsExactly(table.node().getItems().indexOf(selected));
  }

  @Test
  void aNewSearchWithNothingSelectedStartsAtTheTop() throws Exception {
    SessionTable table = fiftyUsersTable();
    VirtualFlow<?> flow =
        WaitForAsyncUtils.asyncFx(
                () -> {
                  table.node().setSkin(new TableViewSkin<>(table.node()));
                  VirtualFlow<?> shown = (VirtualFlow<?>) table.node().lookup(".virtual-flow");
                  shown.setPosition(0.8);
                  sessions.searchTextProperty().set("user1");
                  return shown;
                })
            .get();

    assertThat(flow.getPosition()).isZero();
    assertThat(table.node().getItems()).hasSize(11);
  }

  /** The FTP table of one host with fifty sessions, of user0 to user49. */
  private SessionTable fiftyUsersTable() throws Exception {
    Session[] listed =
        IntStream.range(0, 50).mapToObj(n -> ftp("ftp:" + n, "user" + n)).toArray(Session[]::new);
    fleet.apply(fleet.addHost("web01"), answer(T0, listed));
    return table(SessionKind.FTP);
  }

  private static TableColumn<SessionRow, ?> column(SessionTable table, String id) {
    return table.node().getColumns().stream()
        .filter(column -> column.getId().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private SessionTable table(SessionKind kind) throws Exception {
    return WaitForAsyncUtils.asyncFx(() -> new SessionTable(sessions.table(kind))).get();
  }
}
