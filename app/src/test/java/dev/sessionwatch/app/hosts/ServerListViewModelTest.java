package dev.sessionwatch.app.hosts;

import static dev.sessionwatch.app.testing.SessionLists.answer;
import static dev.sessionwatch.app.testing.SessionLists.ftp;
import static dev.sessionwatch.app.testing.SessionLists.panel;
import static dev.sessionwatch.app.testing.SessionLists.terminal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.testing.ManualClock;
import dev.sessionwatch.app.agent.AgentResponse;
import dev.sessionwatch.app.fleet.Fleet;
import dev.sessionwatch.app.fleet.Host;
import dev.sessionwatch.app.fleet.HostStatus;
import dev.sessionwatch.app.fleet.SessionRow;
import dev.sessionwatch.protocol.SessionKind;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

class ServerListViewModelTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private final Fleet fleet = new Fleet(new ManualClock(T0));
  private final Host web01 = fleet.addHost("web01");
  private final Host mail01 = fleet.addHost("mail01", true);
  private final ServerListViewModel list =
      new ServerListViewModel(fleet.hosts(), sessionsOf(fleet), ZoneOffset.UTC);

  private static Map<SessionKind, ObservableList<SessionRow>> sessionsOf(Fleet fleet) {
    Map<SessionKind, ObservableList<SessionRow>> sessions = new EnumMap<>(SessionKind.class);
    for (SessionKind kind : SessionKind.values()) {
      sessions.put(kind, fleet.sessions(kind));
    }
    return sessions;
  }

  @Test
  void listsAllServersFirstThenEachHost() {
    assertThat(list.items())
        .extracting(item -> item.titleProperty().get())
        .containsExactly("All servers", "web01", "mail01");
    assertThat(list.itemOf(mail01).isDemo()).isTrue();
    assertThat(list.itemOf(web01).isDemo()).isFalse();
  }

  @Test
  void showsAnOnlineHostWithLatencyRefreshTimeAndCountsPerKind() {
    fleet.apply(web01, answer(T0, terminal("t1", "alice"), ftp("f1", "bob"), ftp("f2", "carol")));

    ServerListItem item = list.itemOf(web01);
    assertThat(item.stateProperty().get()).isEqualTo(HostStatus.State.ONLINE);
    assertThat(item.statusProperty().get()).isEqualTo("online");
    assertThat(item.detailProperty().get()).isEqualTo("12 ms · refreshed 10:00:00");
    assertThat(item.countsProperty().get()).isEqualTo("Panel 0 · FTP 2 · Terminal 1");
  }

  @Test
  void countsFollowSessionsThatComeAndGo() {
    fleet.apply(web01, answer(T0, ftp("f1", "bob"), ftp("f2", "carol")));

    fleet.apply(web01, answer(T0.plusSeconds(2), ftp("f2", "carol"), terminal("t1", "alice")));

    assertThat(list.itemOf(web01).countsProperty().get()).isEqualTo("Panel 0 · FTP 1 · Terminal 1");
    assertThat(list.allServers().countsProperty().get()).isEqualTo("Panel 0 · FTP 1 · Terminal 1");
  }

  @Test
  void showsWhyAHostIsUnreachable() {
    fleet.apply(web01, new AgentResponse.Unreachable<>("connection refused by 10.0.0.5:7878"));

    ServerListItem item = list.itemOf(web01);
    assertThat(item.stateProperty().get()).isEqualTo(HostStatus.State.UNREACHABLE);
    assertThat(item.detailProperty().get()).isEqualTo("connection refused by 10.0.0.5:7878");
    assertThat(item.countsProperty().get()).isEmpty();
  }

  @Test
  void showsAHostNotYetAnsweredAsConnecting() {
    assertThat(list.itemOf(mail01).statusProperty().get()).isEqualTo("connecting");
  }

  @Test
  void allServersCountsOnlineHostsAndEverySession() {
    fleet.apply(web01, answer(T0, terminal("t1", "alice"), panel("p1", "admin")));
    fleet.apply(mail01, new AgentResponse.Unauthorized<>("the agent does not accept this token"));

    ServerListItem all = list.allServers();
    assertThat(all.statusProperty().get()).isEqualTo("1 of 2 online");
    assertThat(all.countsProperty().get()).isEqualTo("Panel 1 · FTP 0 · Terminal 1");
  }

  @Test
  void showsEverySessionUntilServersAreSelected() {
    fleet.apply(web01, answer(T0, terminal("t1", "alice")));
    fleet.apply(mail01, answer(T0, terminal("t2", "bob")));

    assertThat(users(list.visibleSessions(SessionKind.TERMINAL))).containsExactly("alice", "bob");
    assertThat(list.visibleHosts()).containsExactly(web01, mail01);
  }

  @Test
  void selectingServersShowsOnlyTheirSessions() {
    fleet.apply(web01, answer(T0, terminal("t1", "alice")));
    fleet.apply(mail01, answer(T0, terminal("t2", "bob")));

    list.select(List.of(list.itemOf(mail01)));

    assertThat(users(list.visibleSessions(SessionKind.TERMINAL))).containsExactly("bob");
    assertThat(list.visibleHosts()).containsExactly(mail01);
    assertThat(list.selectedHostProperty().get()).isSameAs(mail01);
  }

  @Test
  void newSessionsOfAnUnselectedServerStayHidden() {
    list.select(List.of(list.itemOf(mail01)));

    fleet.apply(web01, answer(T0, terminal("t1", "alice")));

    assertThat(list.visibleSessions(SessionKind.TERMINAL)).isEmpty();
  }

  @Test
  void choosingAllServersAmongOthersShowsEveryHost() {
    list.select(List.of(list.itemOf(mail01)));

    list.select(List.of(list.allServers(), list.itemOf(mail01)));

    assertThat(list.selectedHosts()).isEmpty();
    assertThat(list.visibleHosts()).containsExactly(web01, mail01);
    assertThat(list.selectedHostProperty().get()).isNull();
  }

  @Test
  void removingTheOnlySelectedServerShowsAllAgain() {
    Host web02 = fleet.addHost("web02");
    list.select(List.of(list.itemOf(web02)));

    fleet.removeHost(web02);

    assertThat(list.selectedHosts()).isEmpty();
    assertThat(list.visibleHosts()).containsExactly(web01, mail01);
    assertThat(list.items()).hasSize(3);
  }

  @Test
  void keepsAHostsEntryAcrossRefreshes() {
    ServerListItem before = list.itemOf(web01);

    fleet.apply(web01, answer(T0, terminal("t1", "alice")));
    fleet.addHost("web02");

    assertThat(list.itemOf(web01)).isSameAs(before);
    assertThat(list.items().get(1)).isSameAs(before);
  }

  private static List<String> users(List<SessionRow> rows) {
    return rows.stream().map(row -> row.session().user()).toList();
  }
}
