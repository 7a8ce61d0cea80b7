package dev.sessionwatch.agent.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import dev.sessionwatch.agent.source.ActionException;
import dev.sessionwatch.agent.source.ActionResult;
import dev.sessionwatch.agent.source.SessionSource;
import dev.sessionwatch.agent.source.SourceException;
import dev.sessionwatch.agent.testing.ManualClock;
import dev.sessionwatch.protocol.Json;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import dev.sessionwatch.protocol.SourceStatus;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DemoHostTest {
  private static final Instant START = Instant.parse("2025-03-03T09:00:00Z");
  private static final long SEED = 20250303L;

  private final ManualClock clock = new ManualClock(START);

  @Test
  void sameSeedGivesTheSameSessionsHoweverOftenListed() throws Exception {
    ManualClock otherClock = new ManualClock(START);
    DemoHost listedOften = new DemoHost("demo", SEED, clock);
    DemoHost listedOnce = new DemoHost("demo", SEED, otherClock);
    for (int minute = 0; minute < 30; minute++) {
      clock.advance(Duration.ofMinutes(1));
      listAll(listedOften);
    }
    otherClock.advance(Duration.ofMinutes(30));

    assertThat(json(listAll(listedOnce))).isEqualTo(json(listAll(listedOften)));
  }

  @Test
  void differentSeedsGiveDifferentSessions() throws Exception {
    List<Session> one = listAll(new DemoHost("demo", 1, clock));
    List<Session> other = listAll(new DemoHost("demo", 2, clock));

    assertThat(json(one)).isNotEqualTo(json(other));
  }

  @Test
  void offersOneAvailableSourcePerKind() {
    List<SourceStatus> statuses =
        new DemoHost("demo", SEED, clock).sources().stream().map(SessionSource::status).toList();

    assertThat(statuses)
        .containsExactly(
            new SourceStatus("demo-panel", SessionKind.PANEL, true, "simulated sessions"),
            new SourceStatus("demo-ftp", SessionKind.FTP, true, "simulated sessions"),
            new SourceStatus("demo-terminal", SessionKind.TERMINAL, true, "simulated sessions"));
  }

  @Test
  void everySourceListsSessionsOfItsOwnKind() throws Exception {
    for (SessionSource source : new DemoHost("demo", SEED, clock).sources()) {
      assertThat(source.list())
          .isNotEmpty()
          .allSatisfy(
              session -> {
                assertThat(session.kind()).isEqualTo(source.kind());
                assertThat(session.source()).isEqualTo(source.name());
              });
    }
  }

  @Test
  void idsArePrefixedBySourceNameAndUnique() throws Exception {
    List<Session> sessions = listAll(new DemoHost("demo", SEED, clock, 300));

    assertThat(sessions)
        .allSatisfy(session -> assertThat(session.id()).matches(session.source() + ":\\d+"));
    assertThat(sessions.stream().map(Session::id)).doesNotHaveDuplicates();
  }

  @Test
  void listIsByteIdenticalAtTheSameInstant() throws Exception {
    DemoHost host = new DemoHost("demo", SEED, clock);
    clock.advance(Duration.ofMinutes(7));

    assertThat(json(listAll(host))).isEqualTo(json(listAll(host)));
  }

  @Test
  void idleSinceOnlyMovesForwardAndNeverPassesTheClock() throws Exception {
    DemoHost host = new DemoHost("demo", SEED, clock);
    Map<String, Session> before = byId(listAll(host));
    clock.advance(Duration.ofMinutes(10));
    List<Session> after = listAll(host);

    List<Session> survivors =
        after.stream().filter(session -> before.containsKey(session.id())).toList();
    assertThat(survivors).isNotEmpty();
    assertThat(survivors)
        .allSatisfy(
            session -> {
              assertThat(session.idleSince())
                  .isAfterOrEqualTo(before.get(session.id()).idleSince())
                  .isBeforeOrEqualTo(clock.instant());
            });
    assertThat(survivors)
        .anySatisfy(
            session ->
                assertThat(session.idleSince()).isAfter(before.get(session.id()).idleSince()));
  }

  @Test
  void panelAndTerminalSessionsIdleAfterAMinuteWithoutActivity() throws Exception {
    DemoHost host = new DemoHost("demo", SEED, clock, 100);

    assertThat(listAll(host))
        .filteredOn(session -> session.kind() != SessionKind.FTP)
        .allSatisfy(
            session -> {
              Duration idle = Duration.between(session.idleSince(), clock.instant());
              assertThat(session.state())
                  .isEqualTo(idle.compareTo(Duration.ofMinutes(1)) < 0 ? "active" : "idle");
            })
        .extracting(Session::state)
        .contains("active", "idle");
  }

  @Test
  void transferProgressAndBytesGrowWithTheClock() throws Exception {
    DemoHost host = new DemoHost("demo", SEED, clock, 30);
    Session transfer = awaitTransferInProgress(host);
    clock.advance(Duration.ofSeconds(1));

    Session later = byId(source(host, SessionKind.FTP).list()).get(transfer.id());

    assertThat(later).isNotNull();
    assertThat(transferred(later)).isGreaterThan(transferred(transfer));
    if (later.progress() != null) {
      assertThat(later.progress()).isGreaterThan(transfer.progress());
    } else {
      assertThat(later.previousCommand()).isEqualTo(transfer.currentCommand());
    }
  }

  @Test
  void transferFinishesAndStaysCounted() throws Exception {
    DemoHost host = new DemoHost("demo", SEED, clock, 30);
    Map<String, Session> underway = Map.of();
    Session before = null;
    Session after = null;
    // Half-second steps: a finished transfer is followed by at least a second of idling. Some
    // clients log out mid-transfer, so the first transfer seen to finish is the one checked.
    for (int step = 0; step < 7200 && after == null; step++) {
      clock.advance(Duration.ofMillis(500));
      Map<String, Session> now = byId(source(host, SessionKind.FTP).list());
      for (Session running : underway.values()) {
        Session later = now.get(running.id());
        if (later != null && later.progress() == null) {
          before = running;
          after = later;
        }
      }
      underway = new HashMap<>(now);
      underway.values().removeIf(session -> session.progress() == null);
    }

    assertThat(after).as("a transfer finished within an hour").isNotNull();
    assertThat(after.state()).isEqualTo("idle");
    assertThat(after.currentCommand()).isNull();
    assertThat(after.previousCommand()).isEqualTo(before.currentCommand());
    assertThat(after.lastReplyCode()).isEqualTo(226);
    assertThat(transferred(after)).isGreaterThanOrEqualTo(transferred(before));
  }

  @Test
  void newFtpSessionAuthenticatesThenIdles() {
    DemoHost host = new DemoHost("demo", SEED, clock, 0);
    Session added = host.addSession(SessionKind.FTP);
    assertThat(added.state()).isEqualTo("authenticating");

    Session next = added;
    for (int step = 0; step < 50 && next.state().equals("authenticating"); step++) {
      clock.advance(Duration.ofMillis(100));
      next = onlySession(host, SessionKind.FTP);
    }

    assertThat(next.state()).isEqualTo("idle");
    assertThat(next.previousCommand()).isEqualTo("PASS");
    assertThat(next.lastReplyCode()).isEqualTo(230);
  }

  @Test
  void ftpSessionsShowEveryServerState() throws Exception {
    DemoHost host = new DemoHost("demo", SEED, clock, 100);
    Set<String> states = new HashSet<>();
    for (int second = 0; second < 600; second++) {
      clock.advance(Duration.ofSeconds(1));
      source(host, SessionKind.FTP).list().forEach(session -> states.add(session.state()));
    }

    assertThat(states)
        .containsExactlyInAnyOrder("idle", "downloading", "uploading", "authenticating");
  }

  @Test
  void sessionsComeAndGoOverSimulatedTime() throws Exception {
    DemoHost host = new DemoHost("demo", SEED, clock);
    Set<String> first = byId(listAll(host)).keySet();
    clock.advance(Duration.ofHours(3));
    Set<String> later = byId(listAll(host)).keySet();

    assertThat(first).as("logged out").filteredOn(id -> !later.contains(id)).isNotEmpty();
    assertThat(later).as("logged in").filteredOn(id -> !first.contains(id)).isNotEmpty();
  }

  @Test
  void sessionKeepsItsIdentityWhileItLives() throws Exception {
    DemoHost host = new DemoHost("demo", SEED, clock);
    Map<String, Session> firstSeen = new HashMap<>();
    for (int minute = 0; minute < 180; minute++) {
      clock.advance(Duration.ofMinutes(1));
      for (Session session : listAll(host)) {
        Session first = firstSeen.putIfAbsent(session.id(), session);
        if (first != null) {
          assertThat(identity(session)).isEqualTo(identity(first));
        }
      }
    }
    assertThat(firstSeen).hasSizeGreaterThan(3 * DemoHost.DEFAULT_SESSION_COUNT);
  }

  @Test
  void endedSessionIdIsNeverSeenAgain() throws Exception {
    DemoHost host = new DemoHost("demo", SEED, clock);
    Set<String> ended = new HashSet<>();
    Set<String> previous = Set.of();
    for (int minute = 0; minute < 180; minute++) {
      clock.advance(Duration.ofMinutes(1));
      Set<String> current = byId(listAll(host)).keySet();
      assertThat(current).noneMatch(ended::contains);
      previous.stream().filter(id -> !current.contains(id)).forEach(ended::add);
      previous = current;
    }
    assertThat(ended).isNotEmpty();
  }

  @Test
  void populationStaysNearTheTarget() throws Exception {
    DemoHost host = new DemoHost("demo", SEED, clock, 100);
    for (int hour = 0; hour < 6; hour++) {
      clock.advance(Duration.ofHours(1));
      assertThat(listAll(host)).hasSizeBetween(60, 150);
    }
  }

  @Test
  void hostWithoutTargetStaysEmpty() throws Exception {
    DemoHost host = new DemoHost("demo", SEED, clock, 0);
    clock.advance(Duration.ofHours(2));

    assertThat(listAll(host)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("offeredActions")
  void actionRemovesTheSession(SessionKind kind, SessionAction action) throws Exception {
    DemoHost host = new DemoHost("demo", SEED, clock);
    SessionSource source = source(host, kind);
    Session target = firstAllowing(source, action);

    ActionResult result = source.perform(target, action);

    assertThat(result.sessionEnded()).isTrue();
    assertThat(result.message()).contains(target.id());
    assertThat(source.list()).extracting(Session::id).doesNotContain(target.id());
  }

  @ParameterizedTest
  @MethodSource("offeredActions")
  void secondAttemptFindsTheSessionGone(SessionKind kind, SessionAction action) throws Exception {
    DemoHost host = new DemoHost("demo", SEED, clock);
    SessionSource source = source(host, kind);
    Session target = firstAllowing(source, action);
    source.perform(target, action);

    assertThatThrownBy(() -> source.perform(target, action))
        .isInstanceOf(ActionException.class)
        .extracting(thrown -> ((ActionException) thrown).reason())
        .isEqualTo(ActionException.Reason.GONE);
  }

  static Stream<Arguments> offeredActions() {
    return Stream.of(
        Arguments.of(SessionKind.PANEL, SessionAction.END),
        Arguments.of(SessionKind.FTP, SessionAction.END),
        Arguments.of(SessionKind.TERMINAL, SessionAction.DISCONNECT),
        Arguments.of(SessionKind.TERMINAL, SessionAction.LOGOUT));
  }

  @Test
  void actionNotOfferedIsRefusedAndChangesNothing() throws Exception {
    DemoHost host = new DemoHost("demo", SEED, clock);
    SessionSource panel = source(host, SessionKind.PANEL);
    Session target = panel.list().get(0);

    assertThatThrownBy(() -> panel.perform(target, SessionAction.DISCONNECT))
        .isInstanceOf(ActionException.class)
        .extracting(thrown -> ((ActionException) thrown).reason())
        .isEqualTo(ActionException.Reason.NOT_OFFERED);
    assertThat(panel.list()).contains(target);
  }

  @Test
  void consoleLoginOffersOnlyLogout() throws Exception {
    List<Session> terminals =
        source(new DemoHost("demo", SEED, clock), SessionKind.TERMINAL).list();

    assertThat(terminals)
        .filteredOn(session -> "tty1".equals(session.line()))
        .singleElement()
        .satisfies(
            console -> {
              assertThat(console.actions()).containsExactly(SessionAction.LOGOUT);
              assertThat(console.clientAddress()).isNull();
              assertThat(console.remoteHost()).isNull();
            });
    assertThat(terminals)
        .filteredOn(session -> session.line().startsWith("pts/"))
        .isNotEmpty()
        .allSatisfy(
            session ->
                assertThat(session.actions())
                    .containsExactly(SessionAction.DISCONNECT, SessionAction.LOGOUT));
  }

  @Test
  void everyClientAddressIsInADocumentationRange() throws Exception {
    DemoHost host = new DemoHost("demo", SEED, clock, 1000);
    clock.advance(Duration.ofMinutes(30));
    List<String> addresses = new ArrayList<>();
    for (Session session : listAll(host)) {
      addresses.add(session.clientAddress());
      addresses.add(session.remoteHost());
    }

    assertThat(addresses.stream().filter(address -> address != null))
        .isNotEmpty()
        .allSatisfy(address -> assertThat(isDocumentationAddress(address)).as(address).isTrue())
        .anySatisfy(address -> assertThat(address).startsWith("2001:db8:"))
        .anySatisfy(address -> assertThat(address).startsWith("203.0.113."));
  }

  @Test
  void listsAThousandSessionsQuickly() {
    DemoHost host =
        assertTimeout(Duration.ofSeconds(10), () -> new DemoHost("demo", SEED, clock, 1000));
    clock.advance(Duration.ofHours(1));

    List<Session> sessions = assertTimeout(Duration.ofSeconds(10), () -> listAll(host));

    assertThat(sessions).hasSizeBetween(800, 1200);
    assertThat(sessions).extracting(Session::kind).contains(SessionKind.values());
  }

  @Test
  void addedSessionIsListedByItsSourceAsAnswered() throws Exception {
    DemoHost host = new DemoHost("demo", SEED, clock);
    for (SessionSource source : host.sources()) {
      Session added = host.addSession(source.kind());

      assertThat(added.id()).startsWith(source.name() + ":");
      assertThat(added.loginTime()).isEqualTo(clock.instant());
      assertThat(source.list()).contains(added);
    }
  }

  @Test
  void addedTerminalSessionIsARemoteLogin() {
    Session added = new DemoHost("demo", SEED, clock, 0).addSession(SessionKind.TERMINAL);

    assertThat(added.line()).isEqualTo("pts/0");
    assertThat(added.remoteHost()).isEqualTo(added.clientAddress()).isNotNull();
    assertThat(added.actions()).containsExactly(SessionAction.DISCONNECT, SessionAction.LOGOUT);
  }

  @Test
  void concurrentListsActionsAndLoginsKeepIdsUnique() throws Exception {
    DemoHost host = new DemoHost("demo", SEED, clock, 100);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    List<Future<?>> work = new ArrayList<>();
    for (SessionSource source : host.sources()) {
      work.add(
          threads.submit(
              () -> {
                for (int i = 0; i < 200; i++) {
                  host.addSession(source.kind());
                  Session target = source.list().get(0);
                  try {
                    source.perform(target, target.actions().get(0));
                  } catch (ActionException e) {
                    assertThat(e.reason()).isEqualTo(ActionException.Reason.GONE);
                  }
                }
                return null;
              }));
    }
    work.add(
        threads.submit(
            () -> {
              for (int i = 0; i < 200; i++) {
                clock.advance(Duration.ofSeconds(1));
              }
            }));
    threads.shutdown();
    assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    for (Future<?> done : work) {
      done.get(); // rethrows what failed in a thread
    }

    assertThat(listAll(host).stream().map(Session::id)).doesNotHaveDuplicates();
  }

  private Session awaitTransferInProgress(DemoHost host) throws SourceException {
    for (int second = 0; second < 600; second++) {
      for (Session session : source(host, SessionKind.FTP).list()) {
        if (session.progress() != null && session.progress() < 0.5) {
          return session;
        }
      }
      clock.advance(Duration.ofSeconds(1));
    }
    throw new AssertionError("no transfer under way within 10 simulated minutes");
  }

  private static long transferred(Session ftp) {
    return ftp.bytesSent() + ftp.bytesReceived();
  }

  private static List<Object> identity(Session session) {
    return Arrays.asList(
        session.kind(),
        session.source(),
        session.user(),
        session.userType(),
        session.clientAddress(),
        session.loginTime(),
        session.panel(),
        session.domain(),
        session.line(),
        session.actions());
  }

  private static boolean isDocumentationAddress(String literal) {
    byte[] bytes;
    try {
      bytes = InetAddress.getByName(literal).getAddress(); // a literal: no name lookup
    } catch (Exception e) {
      return false;
    }
    int a = bytes[0] & 0xff;
    int b = bytes[1] & 0xff;
    int c = bytes[2] & 0xff;
    if (bytes.length == 4) {
      return a == 192 && b == 0 && c == 2
          || a == 198 && b == 51 && c == 100
          || a == 203 && b == 0 && c == 113;
    }
    return a == 0x20 && b == 0x01 && c == 0x0d && (bytes[3] & 0xff) == 0xb8;
  }

  private static Session onlySession(DemoHost host, SessionKind kind) {
    try {
      List<Session> sessions = source(host, kind).list();
      assertThat(sessions).hasSize(1);
      return sessions.get(0);
    } catch (SourceException e) {
      throw new AssertionError(e);
    }
  }

  private static Session firstAllowing(SessionSource source, SessionAction action)
      throws SourceException {
    return source.list().stream()
        .filter(session -> session.allows(action))
        .findFirst()
        .orElseThrow(() -> new AssertionError(source.name() + " lists nobody offering " + action));
  }

  private static SessionSource source(DemoHost host, SessionKind kind) {
    return host.sources().stream()
        .filter(source -> source.kind() == kind)
        .findFirst()
        .orElseThrow();
  }

  private static List<Session> listAll(DemoHost host) throws SourceException {
    List<Session> sessions = new ArrayList<>();
    for (SessionSource source : host.sources()) {
      sessions.addAll(source.list());
    }
    return sessions;
  }

  private static Map<String, Session> byId(List<Session> sessions) {
    Map<String, Session> byId = new HashMap<>();
    sessions.forEach(session -> byId.put(session.id(), session));
    return byId;
  }

  private static String json(List<Session> sessions) throws Exception {
    return Json.mapper().writeValueAsString(sessions);
  }
}
