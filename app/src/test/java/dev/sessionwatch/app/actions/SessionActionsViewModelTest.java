package dev.sessionwatch.app.actions;

import static dev.sessionwatch.app.testing.SessionLists.answer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.demo.DemoHost;
import dev.sessionwatch.agent.source.FixtureSource;
import dev.sessionwatch.agent.testing.ManualClock;
import dev.sessionwatch.app.agent.AgentClient;
import dev.sessionwatch.app.agent.AgentResponse;
import dev.sessionwatch.app.fleet.Fleet;
import dev.sessionwatch.app.fleet.Host;
import dev.sessionwatch.app.fleet.SessionRow;
import dev.sessionwatch.app.local.LocalAgent;
import dev.sessionwatch.protocol.HostInfo;
import dev.sessionwatch.protocol.Role;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionActionsViewModelTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private final Fleet fleet = new Fleet(new ManualClock(T0));
  private final Host web01 = fleet.addHost("web01");
  private final List<Host> refreshed = new ArrayList<>();
  private final OkHttpClient http = new OkHttpClient();
  private final List<LocalAgent> agents = new ArrayList<>();

  @AfterEach
  void stopAgents() {
    agents.forEach(LocalAgent::close);
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  @Test
  void offersOnlyLogOutForAConsoleLogin() {
    List<SessionRow> rows = rows(console("utmp:1"));

    assertThat(SessionActionsViewModel.choicesFor(rows))
        .extracting(ActionChoice::label)
        .containsExactly("Log out");
  }

  @Test
  void offersDisconnectAndLogOutForARemoteLogin() {
    List<SessionRow> rows = rows(remote("utmp:1", "pts/0"));

    assertThat(SessionActionsViewModel.choicesFor(rows))
        .extracting(ActionChoice::label)
        .containsExactly("Disconnect", "Log out");
  }

  @Test
  void offersEndSessionForAnFtpSession() {
    List<SessionRow> rows = rows(ftp("proftpd:1"));

    assertThat(SessionActionsViewModel.choicesFor(rows))
        .extracting(ActionChoice::label)
        .containsExactly("End session");
  }

  @Test
  void offersEachActionOfAMultiSelectionForTheSessionsThatAllowIt() {
    List<SessionRow> rows =
        rows(remote("utmp:1", "pts/0"), remote("utmp:2", "pts/1"), console("utmp:3"));

    List<ActionChoice> choices = SessionActionsViewModel.choicesFor(rows);

    assertThat(choices)
        .extracting(ActionChoice::label)
        .containsExactly("Disconnect (2)", "Log out (3)");
    assertThat(choices.get(0).plan().steps())
        .extracting(step -> step.session().id())
        .containsExactly("utmp:1", "utmp:2");
  }

  @Test
  void offersNothingWithoutASelection() {
    assertThat(SessionActionsViewModel.choicesFor(List.of())).isEmpty();
  }

  @Test
  void deleteEndsEachSessionTheMostThoroughWayItAllows() {
    SessionActionsViewModel actions = viewModel(host -> Optional.empty());
    actions.selection().setAll(rows(remote("utmp:1", "pts/0"), ftp("proftpd:1")));

    ActionPlan plan = actions.endPlan().orElseThrow();

    assertThat(plan.steps())
        .extracting(PlannedAction::action)
        .containsExactly(SessionAction.LOGOUT, SessionAction.END);
  }

  @Test
  void deleteEndsNothingWhenNoSelectedSessionCanBeEnded() {
    SessionActionsViewModel actions = viewModel(host -> Optional.empty());
    actions.selection().setAll(rows(Session.builder("x:1", SessionKind.PANEL, "x").build()));

    assertThat(actions.endPlan()).isEmpty();
  }

  @Test
  void confirmationNamesTheSessionAndWhatItIsDoing() {
    ActionPlan plan =
        SessionActionsViewModel.planFor(
            rows(remote("utmp:1", "pts/0")).get(0), SessionAction.LOGOUT);

    assertThat(plan.title()).isEqualTo("Log out");
    assertThat(plan.question()).isEqualTo("Log out this session?");
    assertThat(plan.lines())
        .containsExactly("web01 · alice from 192.0.2.1 · terminal pts/0, active");
  }

  @Test
  void confirmationOfAnFtpTransferNamesDomainFileAndCommand() {
    Session transfer =
        ftp("proftpd:1").toBuilder()
            .state("downloading")
            .currentFile("site-export.zip")
            .currentCommand("RETR")
            .build();

    ActionPlan plan = SessionActionsViewModel.planFor(rows(transfer).get(0), SessionAction.END);

    assertThat(plan.lines())
        .containsExactly(
            "web01 · examplecom from 203.0.113.7 · FTP example.com, downloading site-export.zip (RETR)");
  }

  @Test
  void confirmationOfAPanelLoginNamesThePanel() {
    Session panel =
        Session.builder("plesk:1", SessionKind.PANEL, "plesk")
            .user("admin")
            .userType("admin")
            .panel("plesk")
            .clientAddress("198.51.100.4")
            .actions(SessionAction.END)
            .build();

    ActionPlan plan = SessionActionsViewModel.planFor(rows(panel).get(0), SessionAction.END);

    assertThat(plan.lines())
        .containsExactly("web01 · admin from 198.51.100.4 · plesk panel, admin");
  }

  @Test
  void confirmationOfSeveralSessionsCountsThem() {
    ActionPlan plan =
        SessionActionsViewModel.choicesFor(rows(ftp("proftpd:1"), ftp("proftpd:2"))).get(0).plan();

    assertThat(plan.title()).isEqualTo("End session (2)");
    assertThat(plan.question()).isEqualTo("End these 2 sessions?");
    assertThat(plan.lines()).hasSize(2);
  }

  @Test
  void confirmationOfMixedActionsNamesEachOnesAction() {
    SessionActionsViewModel actions = viewModel(host -> Optional.empty());
    actions.selection().setAll(rows(console("utmp:1"), ftp("proftpd:1")));

    ActionPlan plan = actions.endPlan().orElseThrow();

    assertThat(plan.title()).isEqualTo("End sessions (2)");
    assertThat(plan.lines())
        .containsExactly(
            "Log out: web01 · root · terminal tty1, active",
            "End session: web01 · examplecom from 203.0.113.7 · FTP example.com");
  }

  @Test
  void endsTheSessionsOnTheAgentAndRefreshesTheirHost(@TempDir Path dir) throws Exception {
    DemoHost demoHost = stoppedDemoHost();
    Session first = demoHost.addSession(SessionKind.FTP);
    Session second = demoHost.addSession(SessionKind.FTP);
    AgentClient client = client(start(demoHost, dir, Role.OPERATOR));
    fleet.apply(web01, client.sessions());
    SessionActionsViewModel actions = viewModel(host -> Optional.of(client));
    actions
        .selection()
        .setAll(fleet.sessions(SessionKind.FTP).filtered(row -> isOneOf(row, first, second)));

    ActionReport report =
        actions
            .perform(actions.choice(SessionAction.END).orElseThrow().plan())
            .get(10, TimeUnit.SECONDS);

    assertThat(report.succeeded())
        .extracting(StepOutcome::message)
        .containsExactly("ended", "ended");
    assertThat(actions.lastReportProperty().get()).isEqualTo(report);
    assertThat(refreshed).containsExactly(web01);
    fleet.apply(web01, client.sessions());
    assertThat(fleet.sessions(SessionKind.FTP)).noneMatch(row -> isOneOf(row, first, second));
  }

  @Test
  void offersAMessageFirstWhereTheSessionTakesOne() {
    Session rdp =
        Session.builder("rdp:3-1a2b3c4d", SessionKind.TERMINAL, "rdp")
            .user("alice")
            .line("rdp-tcp#3")
            .state("active")
            .actions(SessionAction.MESSAGE, SessionAction.DISCONNECT, SessionAction.LOGOUT)
            .build();

    assertThat(SessionActionsViewModel.choicesFor(rows(rdp)))
        .extracting(ActionChoice::label)
        .containsExactly("Send message", "Disconnect", "Log out");
  }

  @Test
  void sendsTheMessageTextToTheAgentAndTheSessionStays(@TempDir Path dir) throws Exception {
    FixtureSource rdp = new FixtureSource("rdp", SessionKind.TERMINAL);
    Session alice = rdp.add("3-1a2b3c4d", "alice", SessionAction.MESSAGE, SessionAction.LOGOUT);
    LocalAgent agent = LocalAgent.start("web01", List.of(rdp), dir.resolve("audit.log"));
    agents.add(agent);
    AgentClient client = client(agent);
    fleet.apply(web01, client.sessions());
    SessionActionsViewModel actions = viewModel(host -> Optional.of(client));
    SessionRow row = fleet.sessions(SessionKind.TERMINAL).filtered(r -> isOneOf(r, alice)).get(0);

    ActionReport report =
        actions
            .perform(
                SessionActionsViewModel.planFor(row, SessionAction.MESSAGE)
                    .withText("Restart at 18:00, please log off"))
            .get(10, TimeUnit.SECONDS);

    assertThat(report.succeeded()).extracting(StepOutcome::message).containsExactly("message sent");
    assertThat(rdp.performed())
        .containsExactly("rdp:3-1a2b3c4d message Restart at 18:00, please log off");
    assertThat(rdp.list()).extracting(Session::id).containsExactly(alice.id());
  }

  @Test
  void reportsAViewerTokensRefusal(@TempDir Path dir) throws Exception {
    DemoHost demoHost = stoppedDemoHost();
    Session ftp = demoHost.addSession(SessionKind.FTP);
    AgentClient client = client(start(demoHost, dir, Role.VIEWER));
    fleet.apply(web01, client.sessions());
    SessionActionsViewModel actions = viewModel(host -> Optional.of(client));
    SessionRow row = fleet.sessions(SessionKind.FTP).filtered(r -> isOneOf(r, ftp)).get(0);

    ActionReport report =
        actions
            .perform(SessionActionsViewModel.planFor(row, SessionAction.END))
            .get(10, TimeUnit.SECONDS);

    assertThat(report.failed())
        .singleElement()
        .extracting(StepOutcome::message)
        .asString()
        .startsWith("not permitted: ")
        .contains("viewer token");
  }

  @Test
  void viewerTokenShowsEachActionAsUnavailableWithTheReason() {
    List<SessionRow> rows = rows(remote("utmp:1", "pts/0"));
    fleet.apply(web01, described(Role.VIEWER, List.of()));

    List<ActionChoice> choices = SessionActionsViewModel.choicesFor(rows);

    assertThat(choices).extracting(ActionChoice::label).containsExactly("Disconnect", "Log out");
    assertThat(choices).noneMatch(ActionChoice::available);
    assertThat(choices.get(0).unavailable())
        .isEqualTo("the token for web01 is a viewer token: it may read, not act");
  }

  @Test
  void tokenLimitedToSomeActionsOffersOnlyThose() {
    List<SessionRow> rows = rows(remote("utmp:1", "pts/0"));
    fleet.apply(web01, described(Role.OPERATOR, List.of(SessionAction.DISCONNECT)));

    List<ActionChoice> choices = SessionActionsViewModel.choicesFor(rows);

    assertThat(choices.get(0).available()).isTrue();
    assertThat(choices.get(1).unavailable())
        .isEqualTo("the token for web01 is limited to: disconnect");
  }

  @Test
  void deleteTakesOnlyWhatTheTokenPermits() {
    SessionActionsViewModel actions = viewModel(host -> Optional.empty());
    actions.selection().setAll(rows(remote("utmp:1", "pts/0")));

    fleet.apply(web01, described(Role.OPERATOR, List.of(SessionAction.DISCONNECT)));
    ActionPlan limited = actions.endPlan().orElseThrow();
    fleet.apply(web01, described(Role.VIEWER, List.of()));

    assertThat(limited.steps())
        .extracting(PlannedAction::action)
        .containsExactly(SessionAction.DISCONNECT);
    assertThat(actions.endPlan()).isEmpty();
  }

  @Test
  void anAgentsViewerRoleMakesItsActionsUnavailable(@TempDir Path dir) throws Exception {
    DemoHost demoHost = stoppedDemoHost();
    Session ftp = demoHost.addSession(SessionKind.FTP);
    AgentClient client = client(start(demoHost, dir, Role.VIEWER));
    fleet.apply(web01, client.sessions());
    SessionActionsViewModel actions = viewModel(host -> Optional.of(client));
    actions.selection().setAll(fleet.sessions(SessionKind.FTP).filtered(r -> isOneOf(r, ftp)));
    assertThat(actions.choice(SessionAction.END).orElseThrow().available()).isTrue();

    fleet.apply(web01, ((AgentResponse.Success<HostInfo>) client.hostInfo()).value());

    assertThat(actions.choice(SessionAction.END).orElseThrow().unavailable())
        .contains("viewer token");
  }

  @Test
  void reportsAServerNoLongerWatched() throws Exception {
    SessionActionsViewModel actions = viewModel(host -> Optional.empty());
    ActionPlan plan =
        SessionActionsViewModel.planFor(rows(ftp("proftpd:1")).get(0), SessionAction.END);

    ActionReport report = actions.perform(plan).get(10, TimeUnit.SECONDS);

    assertThat(report.failed())
        .extracting(StepOutcome::message)
        .containsExactly("the server web01 is no longer watched");
  }

  @Test
  void isBusyWhileCarryingOutAPlan() {
    List<Runnable> queued = new ArrayList<>();
    SessionActionsViewModel actions =
        new SessionActionsViewModel(
            host -> Optional.empty(), refreshed::add, queued::add, Runnable::run);

    actions.perform(
        SessionActionsViewModel.planFor(rows(ftp("proftpd:1")).get(0), SessionAction.END));
    boolean busyBefore = actions.busyProperty().get();
    queued.forEach(Runnable::run);

    assertThat(busyBefore).isTrue();
    assertThat(actions.busyProperty().get()).isFalse();
  }

  private SessionActionsViewModel viewModel(Function<Host, Optional<AgentClient>> clients) {
    return new SessionActionsViewModel(clients, refreshed::add, Runnable::run, Runnable::run);
  }

  private List<SessionRow> rows(Session... sessions) {
    fleet.apply(web01, answer(T0, sessions));
    List<SessionRow> rows = new ArrayList<>();
    for (Session session : sessions) {
      rows.addAll(
          fleet
              .sessions(session.kind())
              .filtered(row -> row.key().sessionId().equals(session.id())));
    }
    return rows;
  }

  private static HostInfo described(Role role, List<SessionAction> permitted) {
    return new HostInfo("web01", "0.2.0", 1, "Linux", T0, role, List.of(), permitted);
  }

  private static boolean isOneOf(SessionRow row, Session... sessions) {
    for (Session session : sessions) {
      if (row.key().sessionId().equals(session.id())) {
        return true;
      }
    }
    return false;
  }

  private static Session console(String id) {
    return Session.builder(id, SessionKind.TERMINAL, "utmp")
        .user("root")
        .line("tty1")
        .state("active")
        .actions(SessionAction.LOGOUT)
        .build();
  }

  private static Session remote(String id, String line) {
    return Session.builder(id, SessionKind.TERMINAL, "utmp")
        .user("alice")
        .line(line)
        .clientAddress("192.0.2.1")
        .state("active")
        .actions(SessionAction.DISCONNECT, SessionAction.LOGOUT)
        .build();
  }

  private static Session ftp(String id) {
    return Session.builder(id, SessionKind.FTP, "proftpd")
        .user("examplecom")
        .domain("example.com")
        .clientAddress("203.0.113.7")
        .actions(SessionAction.END)
        .build();
  }

  /** Logs nobody in or out unless a test says so. */
  private static DemoHost stoppedDemoHost() {
    return new DemoHost("web01", 3, Clock.fixed(T0, ZoneOffset.UTC), 0);
  }

  private LocalAgent start(DemoHost demoHost, Path dir, Role role) throws IOException {
    LocalAgent agent =
        LocalAgent.start("web01", demoHost.sources(), dir.resolve("audit.log"), role);
    agents.add(agent);
    return agent;
  }

  private AgentClient client(LocalAgent agent) {
    return new AgentClient(http, agent.host().endpoint(), Duration.ofSeconds(5), Clock.systemUTC());
  }
}
