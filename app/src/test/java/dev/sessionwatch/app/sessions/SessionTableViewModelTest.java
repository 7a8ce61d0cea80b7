package dev.sessionwatch.app.sessions;

import static dev.sessionwatch.app.testing.SessionLists.answer;
import static dev.sessionwatch.app.testing.SessionLists.ftp;
import static dev.sessionwatch.app.testing.SessionLists.panel;
import static dev.sessionwatch.app.testing.SessionLists.terminal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.testing.ManualClock;
import dev.sessionwatch.app.agent.AgentResponse;
import dev.sessionwatch.app.fleet.Fleet;
import dev.sessionwatch.app.fleet.Host;
import dev.sessionwatch.app.fleet.SessionRow;
import dev.sessionwatch.app.settings.TableLayout;
import dev.sessionwatch.protocol.HostInfo;
import dev.sessionwatch.protocol.Role;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionKind;
import dev.sessionwatch.protocol.SourceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.collections.transformation.FilteredList;
import org.junit.jupiter.api.Test;

class SessionTableViewModelTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private final ManualClock clock = new ManualClock(T0);
  private final Fleet fleet = new Fleet(clock);
  private final Host web01 = fleet.addHost("web01");
  private final SessionsViewModel sessions = new SessionsViewModel(fleet, clock);
  private final SessionTableViewModel ftpTable = sessions.table(SessionKind.FTP);

  @Test
  void titlesEachTabWithItsCount() {
    fleet.apply(web01, answer(T0, ftp("proftpd:1", "alice"), ftp("proftpd:2", "bob")));

    assertThat(sessions.tables())
        .extracting(table -> table.titleProperty().get())
        .containsExactly("Panel (0)", "FTP (2)", "Terminal (0)");
  }

  @Test
  void updatesTheCountWhenSessionsEnd() {
    fleet.apply(web01, answer(T0, ftp("proftpd:1", "alice"), ftp("proftpd:2", "bob")));
    fleet.apply(web01, answer(T0.plusSeconds(5), ftp("proftpd:2", "bob")));

    assertThat(ftpTable.titleProperty().get()).isEqualTo("FTP (1)");
  }

  @Test
  void showsThePanelColumnsServerFirst() {
    assertThat(titles(SessionKind.PANEL))
        .containsExactly(
            "Server", "Panel", "Type", "Login", "IP address", "Logon time", "Idle time");
  }

  @Test
  void showsTheFtpColumnsServerFirst() {
    assertThat(ftpTable.visibleColumns())
        .extracting(SessionColumn::title)
        .containsExactly(
            "Server",
            "Type",
            "Status",
            "Login",
            "Domain",
            "Current location",
            "File",
            "Speed",
            "Progress",
            "IP address",
            "Logon time",
            "Idle time");
  }

  @Test
  void hidesFtpProtocolColumnsByDefault() {
    assertThat(ftpTable.columns())
        .filteredOn(column -> !ftpTable.visibleProperty(column.id()).get())
        .extracting(SessionColumn::title)
        .containsExactly("Sent", "Received", "Command", "Previous command", "Last reply");
  }

  @Test
  void readsFtpProtocolColumnsAsPeopleRead() {
    fleet.apply(
        web01,
        answer(
            T0,
            ftp("proftpd:1", "alice").toBuilder()
                .bytesSent(1_234_567L)
                .bytesReceived(512L)
                .currentCommand("RETR")
                .previousCommand("LIST")
                .lastReplyCode(150)
                .build()));
    SessionRow row = ftpTable.rows().get(0);

    assertThat(List.of("bytes-sent", "bytes-received", "command", "previous-command", "reply-code"))
        .extracting(id -> ftpTable.column(id).textOf(row))
        .containsExactly("1.2 MB", "512 B", "RETR", "LIST", "150");
  }

  @Test
  void showsTheTerminalColumnsServerFirst() {
    assertThat(titles(SessionKind.TERMINAL))
        .containsExactly("Server", "Status", "Session", "User", "From", "Logon time", "Idle time");
  }

  @Test
  void readsAnFtpTransferAsPeopleRead() {
    Session upload =
        ftp("proftpd:1", "alice").toBuilder()
            .userType("ftp user")
            .state("uploading")
            .domain("example.com")
            .currentDirectory("/httpdocs")
            .currentFile("site.tar.gz")
            .transferRateBytesPerSecond(1_230_000L)
            .progress(0.42)
            .clientAddress("203.0.113.7")
            .loginTime(Instant.parse("2026-03-01T09:15:30Z"))
            .idleSince(T0.minusSeconds(192))
            .build();
    fleet.apply(web01, answer(T0, upload));

    assertThat(texts(ftpTable, ftpTable.rows().get(0)))
        .containsExactly(
            "web01",
            "ftp user",
            "uploading",
            "alice",
            "example.com",
            "/httpdocs",
            "site.tar.gz",
            "1.2 MB/s",
            "42 %",
            "203.0.113.7",
            "1 Mar 09:15",
            "3m 12s");
  }

  @Test
  void leavesUnknownValuesEmpty() {
    fleet.apply(web01, answer(T0, ftp("proftpd:1", "alice")));

    assertThat(texts(ftpTable, ftpTable.rows().get(0)))
        .containsExactly("web01", "", "", "alice", "", "", "", "", "", "", "", "");
  }

  @Test
  void idleTimeMovesOnWithTheClockBetweenRefreshes() {
    fleet.apply(web01, answer(T0, ftp("proftpd:1", "alice").toBuilder().idleSince(T0).build()));
    SessionColumn<?> idle = ftpTable.column("idle-time");
    var idleValue = idle.value().apply(ftpTable.rows().get(0));

    clock.advance(Duration.ofSeconds(75));
    sessions.tick();

    assertThat(idleValue.getValue()).isEqualTo(Duration.ofSeconds(75));
    assertThat(idle.textOf(ftpTable.rows().get(0))).isEqualTo("1m 15s");
  }

  @Test
  void terminalFromIsTheRemoteHostElseTheAddress() {
    fleet.apply(
        web01,
        answer(
            T0,
            terminal("utmp:1", "alice").toBuilder()
                .remoteHost("laptop.example")
                .clientAddress("192.0.2.1")
                .build(),
            terminal("utmp:2", "bob").toBuilder().clientAddress("192.0.2.2").build()));
    SessionTableViewModel table = sessions.table(SessionKind.TERMINAL);
    SessionColumn<?> from = table.column("from");

    assertThat(table.rows())
        .extracting(from::textOf)
        .containsExactly("laptop.example", "192.0.2.2");
  }

  @Test
  void marksSessionsIdleFromTheThresholdOn() {
    SessionTableViewModel table = sessions.table(SessionKind.PANEL);
    table.idleThresholdProperty().set(Duration.ofMinutes(10));
    fleet.apply(
        web01,
        answer(
            T0,
            panel("plesk:1", "admin").toBuilder().idleSince(T0.minusSeconds(599)).build(),
            panel("plesk:2", "client").toBuilder().idleSince(T0.minusSeconds(600)).build(),
            panel("plesk:3", "reseller")));

    assertThat(table.rows()).extracting(table::isIdle).containsExactly(false, true, false);
  }

  @Test
  void saysItIsWaitingBeforeAnyServerAnswered() {
    assertThat(ftpTable.emptyTextProperty().get()).isEqualTo("Waiting for the servers to answer…");
  }

  @Test
  void saysNoOneIsLoggedInWhenTheServersAnsweredWithNone() {
    fleet.apply(web01, answer(T0, terminal("utmp:1", "alice")));

    assertThat(ftpTable.emptyTextProperty().get())
        .isEqualTo("No one is logged in over FTP on web01.");
  }

  @Test
  void saysNoOneIsLoggedInOnTheServersThatAnsweredWhenOthersDidNot() {
    Host web02 = fleet.addHost("web02");
    fleet.apply(web01, answer(T0));
    fleet.apply(web02, new AgentResponse.Unreachable<>("no answer within 4 s"));

    assertThat(ftpTable.emptyTextProperty().get())
        .isEqualTo("No one is logged in over FTP on the servers that answered.");
  }

  @Test
  void saysSoWhenNoSourceOfTheKindIsEnabled() {
    fleet.apply(web01, answer(T0));
    fleet.apply(web01, described(SourceStatus.available("utmp", SessionKind.TERMINAL)));

    assertThat(ftpTable.emptyTextProperty().get()).isEqualTo("No FTP source is enabled on web01.");
  }

  @Test
  void namesTheSourcesThatDoNotWorkAndWhy() {
    fleet.apply(web01, answer(T0));
    fleet.apply(
        web01,
        described(
            SourceStatus.unavailable(
                "utmp", SessionKind.TERMINAL, "no utmp file at /var/run/utmp")));

    assertThat(sessions.table(SessionKind.TERMINAL).emptyTextProperty().get())
        .isEqualTo("No terminal source works on web01: utmp (no utmp file at /var/run/utmp)");
  }

  @Test
  void saysNoOneIsLoggedInWhenASourceOfTheKindWorks() {
    fleet.apply(web01, answer(T0));
    fleet.apply(
        web01,
        described(
            SourceStatus.unavailable("pure-ftpd", SessionKind.FTP, "pure-ftpwho not found"),
            SourceStatus.available("proftpd", SessionKind.FTP)));

    assertThat(ftpTable.emptyTextProperty().get())
        .isEqualTo("No one is logged in over FTP on web01.");
  }

  @Test
  void saysNothingMatchesWhenTheSearchHidesEveryRow() {
    fleet.apply(web01, answer(T0, ftp("proftpd:1", "alice")));

    sessions.searchTextProperty().set(" mallory ");

    assertThat(ftpTable.rows()).isEmpty();
    assertThat(ftpTable.emptyTextProperty().get()).isEqualTo("No FTP session matches “mallory”.");
    // Once the last session is gone, the search is no longer why the table is empty.
    fleet.apply(web01, answer(T0.plusSeconds(2)));
    assertThat(ftpTable.emptyTextProperty().get())
        .isEqualTo("No one is logged in over FTP on web01.");
  }

  @Test
  void saysWhyWhenNoServerAnswered() {
    fleet.apply(web01, new AgentResponse.Unreachable<>("connection refused by web01:7878"));

    assertThat(ftpTable.emptyTextProperty().get())
        .isEqualTo("No server answered: web01: unreachable (connection refused by web01:7878)");
  }

  @Test
  void rowsAreSortable() {
    fleet.apply(web01, answer(T0, ftp("proftpd:1", "carol"), ftp("proftpd:2", "alice")));

    ftpTable.comparatorProperty().set((a, b) -> a.session().user().compareTo(b.session().user()));

    assertThat(ftpTable.rows())
        .extracting(row -> row.session().user())
        .containsExactly("alice", "carol");
  }

  @Test
  void filtersRowsByAnyVisibleColumnIgnoringCase() {
    fleet.apply(
        web01,
        answer(
            T0,
            ftp("proftpd:1", "alice").toBuilder().domain("Example.COM").build(),
            ftp("proftpd:2", "bob").toBuilder().domain("example.net").build()));

    sessions.searchTextProperty().set("example.com");

    assertThat(ftpTable.rows()).extracting(row -> row.session().user()).containsExactly("alice");
    assertThat(ftpTable.titleProperty().get()).isEqualTo("FTP (1)");
  }

  @Test
  void searchesTheServerColumnToo() {
    Host web02 = fleet.addHost("web02");
    fleet.apply(web01, answer(T0, ftp("proftpd:1", "alice")));
    fleet.apply(web02, answer(T0, ftp("proftpd:1", "bob")));

    sessions.searchTextProperty().set("WEB02");

    assertThat(ftpTable.rows()).extracting(row -> row.session().user()).containsExactly("bob");
  }

  @Test
  void searchesOnlyTheVisibleColumns() {
    fleet.apply(
        web01, answer(T0, ftp("proftpd:1", "alice").toBuilder().currentCommand("RETR").build()));
    sessions.searchTextProperty().set("retr");
    assertThat(ftpTable.rows()).isEmpty();

    ftpTable.visibleProperty("command").set(true);

    assertThat(ftpTable.rows()).extracting(row -> row.session().user()).containsExactly("alice");
  }

  @Test
  void searchFindsWhatARefreshChangedInARow() {
    fleet.apply(web01, answer(T0, ftp("proftpd:1", "alice").toBuilder().domain("a.test").build()));
    sessions.searchTextProperty().set("b.test");
    assertThat(ftpTable.rows()).isEmpty();

    fleet.apply(
        web01,
        answer(T0.plusSeconds(2), ftp("proftpd:1", "alice").toBuilder().domain("b.test").build()));

    assertThat(ftpTable.rows()).extracting(row -> row.session().user()).containsExactly("alice");
  }

  @Test
  void searchesTheIdleTimeAsShown() {
    fleet.apply(
        web01,
        answer(
            T0,
            ftp("proftpd:1", "alice").toBuilder().idleSince(T0.minusSeconds(7200)).build(),
            ftp("proftpd:2", "bob").toBuilder().idleSince(T0).build()));
    String aliceIdle =
        ftpTable.columns().stream()
            .filter(column -> column.id().equals("idle-time"))
            .findFirst()
            .orElseThrow()
            .textOf(fleet.sessions(SessionKind.FTP).get(0));

    sessions.searchTextProperty().set(aliceIdle);

    assertThat(ftpTable.rows()).extracting(row -> row.session().user()).containsExactly("alice");
  }

  @Test
  void aClearedSearchShowsEveryRowAgain() {
    fleet.apply(web01, answer(T0, ftp("proftpd:1", "alice"), ftp("proftpd:2", "bob")));
    sessions.searchTextProperty().set("alice");

    sessions.searchTextProperty().set("");

    assertThat(ftpTable.rows()).hasSize(2);
  }

  @Test
  void combinesTheSearchWithTheChosenServers() {
    Host web02 = fleet.addHost("web02");
    fleet.apply(web01, answer(T0, ftp("proftpd:1", "alice"), ftp("proftpd:2", "bob")));
    fleet.apply(web02, answer(T0, ftp("proftpd:1", "alice")));

    SessionsViewModel ofWeb02 =
        new SessionsViewModel(
            fleet.hosts(),
            kind -> new FilteredList<>(fleet.sessions(kind), row -> row.host() == web02),
            clock);

    ofWeb02.searchTextProperty().set("ali");

    assertThat(ofWeb02.table(SessionKind.FTP).rows())
        .singleElement()
        .extracting(SessionRow::host)
        .isSameAs(web02);
  }

  @Test
  void marksASessionSeenArrivingAsNewForFiveSeconds() {
    fleet.apply(web01, answer(T0, ftp("proftpd:1", "alice")));
    fleet.apply(web01, answer(T0, ftp("proftpd:1", "alice"), ftp("proftpd:2", "bob")));
    SessionRow arrived = ftpTable.rows().get(1);
    assertThat(ftpTable.isNew(arrived)).isTrue();

    clock.advance(Duration.ofSeconds(5));
    sessions.tick();

    assertThat(ftpTable.isNew(arrived)).isFalse();
  }

  @Test
  void doesNotMarkTheSessionsOfAHostsFirstAnswerAsNew() {
    fleet.apply(web01, answer(T0, ftp("proftpd:1", "alice")));

    assertThat(ftpTable.isNew(ftpTable.rows().get(0))).isFalse();
  }

  @Test
  void copiesTheVisibleColumnsOfRowsTabSeparated() {
    fleet.apply(
        web01,
        answer(
            T0,
            panel("plesk:1", "admin").toBuilder()
                .panel("plesk")
                .userType("admin")
                .clientAddress("192.0.2.1")
                .build(),
            panel("plesk:2", "client")));
    SessionTableViewModel table = sessions.table(SessionKind.PANEL);

    assertThat(table.copyText(table.rows()))
        .isEqualTo("web01\tplesk\tadmin\tadmin\t192.0.2.1\t\t\nweb01\t\t\tclient\t\t\t");
  }

  @Test
  void ordersColumnsAsTheLayoutSaysIgnoringUnknownOnes() {
    SessionTableViewModel table = sessions.table(SessionKind.PANEL);
    TableLayout layout =
        new TableLayout(
            List.of(
                new TableLayout.Column("idle-time", 80, true),
                new TableLayout.Column("no-such-column", 80, true),
                new TableLayout.Column("login", 80, true),
                new TableLayout.Column("server", 80, true),
                new TableLayout.Column("type", 80, true),
                new TableLayout.Column("address", 80, true),
                new TableLayout.Column("logon-time", 80, true)));

    assertThat(table.columnOrder(layout))
        .containsExactly("idle-time", "login", "server", "panel", "type", "address", "logon-time");
  }

  @Test
  void placesAColumnTheLayoutDoesNotNameAfterItsDefaultNeighbour() {
    SessionTableViewModel table = sessions.table(SessionKind.PANEL);
    TableLayout saved =
        new TableLayout(
            List.of(
                new TableLayout.Column("login", 80, true),
                new TableLayout.Column("server", 80, true),
                new TableLayout.Column("address", 80, true),
                new TableLayout.Column("idle-time", 80, true)));

    assertThat(table.columnOrder(saved))
        .containsExactly("login", "server", "panel", "type", "address", "logon-time", "idle-time");
  }

  private static HostInfo described(SourceStatus... sources) {
    return new HostInfo("web01", "0.1.0", 1, "Linux", T0, Role.OPERATOR, List.of(sources), null);
  }

  private List<String> titles(SessionKind kind) {
    return sessions.table(kind).columns().stream().map(SessionColumn::title).toList();
  }

  private static List<String> texts(SessionTableViewModel table, SessionRow row) {
    return table.visibleColumns().stream().map(column -> column.textOf(row)).toList();
  }
}
