package dev.sessionwatch.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.source.FixtureSource;
import dev.sessionwatch.agent.source.SessionCatalog;
import dev.sessionwatch.agent.testing.Await;
import dev.sessionwatch.agent.testing.ManualClock;
import dev.sessionwatch.protocol.ActionRequest;
import dev.sessionwatch.protocol.Json;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionChanges;
import dev.sessionwatch.protocol.SessionKind;
import dev.sessionwatch.protocol.SessionList;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SessionListCacheTest {
  private static final Set<SessionKind> ALL = EnumSet.allOf(SessionKind.class);

  private static final Duration WINDOW = Duration.ofSeconds(1);

  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T10:00:00Z"));
  private final FixtureSource terminals = new FixtureSource("tty", SessionKind.TERMINAL);
  private final FixtureSource ftp = new FixtureSource("ftpd", SessionKind.FTP);
  private final SessionCatalog catalog = new SessionCatalog(List.of(terminals, ftp), clock);
  private final SessionListCache cache = new SessionListCache(catalog, "web01", clock, WINDOW);
  private final ExecutorService callers = Executors.newFixedThreadPool(8);

  @AfterEach
  void stopCallers() {
    callers.shutdownNow();
  }

  private static SessionList list(SessionListCache.Answer answer) throws IOException {
    return Json.mapper().readValue(answer.body(), SessionList.class);
  }

  @Test
  void pollsWithinTheWindowReadTheSourcesOnce() {
    terminals.add("1", "alice");

    for (int poll = 0; poll < 20; poll++) {
      cache.answer(ALL);
      clock.advance(Duration.ofMillis(40));
    }

    assertThat(terminals.listings()).isEqualTo(1);
  }

  @Test
  void changesAreToTheAnswerTheyWereAskedForEvenWhenANewerReadCameMeanwhile() throws IOException {
    terminals.add("1", "alice");
    SessionListCache.Answer base = cache.answer(ALL);
    SessionListCache.Answer older = nextReadAfterLogin("2", "bob");
    SessionListCache.Answer newer = nextReadAfterLogin("3", "carol");

    SessionChanges toOlder = changes(cache.changesSince(ALL, older, base.etag()).orElseThrow());
    SessionChanges toNewer = changes(cache.changesSince(ALL, newer, base.etag()).orElseThrow());

    assertThat(toOlder.changed()).extracting(Session::user).containsExactly("bob");
    assertThat(toNewer.changed()).extracting(Session::user).containsExactly("bob", "carol");
  }

  /** The answer of the next window's read, after {@code user} logged in. */
  private SessionListCache.Answer nextReadAfterLogin(String idSuffix, String user) {
    clock.advance(WINDOW);
    terminals.add(idSuffix, user);
    return cache.answer(ALL);
  }

  private static SessionChanges changes(byte[] body) throws IOException {
    return Json.mapper().readValue(body, SessionChanges.class);
  }

  @Test
  void aPollAfterTheWindowReadsTheSourcesAgain() throws IOException {
    terminals.add("1", "alice");
    cache.answer(ALL);
    terminals.add("2", "bob");

    clock.advance(WINDOW);

    assertThat(list(cache.answer(ALL)).sessions()).extracting(Session::user).contains("bob");
    assertThat(terminals.listings()).isEqualTo(2);
  }

  @Test
  void callersDuringAReadWaitForItAndShareIt() throws Exception {
    terminals.add("1", "alice");
    CountDownLatch released = new CountDownLatch(1);
    terminals.holdListingsUntil(released);
    List<Future<SessionListCache.Answer>> answers = new ArrayList<>();
    for (int caller = 0; caller < 8; caller++) {
      answers.add(callers.submit(() -> cache.answer(ALL)));
    }
    Await.until("a read under way", Duration.ofSeconds(5), () -> terminals.listings() > 0);

    released.countDown();

    List<SessionListCache.Answer> received = new ArrayList<>();
    for (Future<SessionListCache.Answer> answer : answers) {
      received.add(answer.get(10, TimeUnit.SECONDS));
    }
    assertThat(received).allSatisfy(answer -> assertThat(answer).isSameAs(received.get(0)));
    assertThat(terminals.listings()).isEqualTo(1);
  }

  @Test
  void anActionEndsTheWindowAtOnce() throws Exception {
    Session alice = terminals.add("1", "alice", SessionAction.LOGOUT);
    terminals.add("2", "bob");
    cache.answer(ALL);

    catalog.perform(alice, SessionAction.LOGOUT, ActionRequest.NONE);

    assertThat(list(cache.answer(ALL)).sessions()).extracting(Session::user).containsOnly("bob");
  }

  @Test
  void everyKindIsAnsweredFromOneReadWithOnlyItsOwnSessionsAndErrors() throws IOException {
    terminals.add("1", "alice");
    ftp.failWith("ftpwho exited with status 1");

    SessionList all = list(cache.answer(ALL));
    SessionList terminalOnly = list(cache.answer(EnumSet.of(SessionKind.TERMINAL)));
    SessionList ftpOnly = list(cache.answer(EnumSet.of(SessionKind.FTP)));

    assertThat(all.sessions()).hasSize(1);
    assertThat(all.errors()).hasSize(1);
    assertThat(terminalOnly.sessions()).hasSize(1);
    assertThat(terminalOnly.errors()).isEmpty();
    assertThat(ftpOnly.sessions()).isEmpty();
    assertThat(ftpOnly.errors()).extracting("source").containsExactly("ftpd");
    assertThat(terminals.listings()).isEqualTo(1);
    assertThat(ftp.listings()).isEqualTo(1);
  }

  @Test
  void anUnchangedListKeepsItsEtagAcrossReads() throws IOException {
    terminals.add("1", "alice");
    SessionListCache.Answer first = cache.answer(ALL);

    clock.advance(WINDOW);
    SessionListCache.Answer second = cache.answer(ALL);

    assertThat(second.etag()).isEqualTo(first.etag());
    assertThat(list(second).collectedAt()).isAfter(list(first).collectedAt());
  }

  @Test
  void everyChangeGetsANewEtagAndARestartedAgentNeverGivesAnEarlierOne() {
    Session alice = terminals.add("1", "alice");
    SessionListCache.Answer first = cache.answer(ALL);
    SessionListCache.Answer second = nextReadAfterLogin("2", "bob");
    clock.advance(WINDOW);
    terminals.remove(alice.id());
    SessionListCache.Answer third = cache.answer(ALL);
    SessionListCache restarted = new SessionListCache(catalog, "web01", clock, WINDOW);

    assertThat(List.of(first.etag(), second.etag(), third.etag(), restarted.answer(ALL).etag()))
        .doesNotHaveDuplicates();
  }

  @Test
  void aSetOfKindsKeepsItsEtagWhileItsOwnSessionsStayTheSame() {
    Set<SessionKind> terminalOnly = EnumSet.of(SessionKind.TERMINAL);
    terminals.add("1", "alice");
    SessionListCache.Answer first = cache.answer(terminalOnly);
    clock.advance(WINDOW);
    ftp.add("7", "carol");
    SessionListCache.Answer second = cache.answer(terminalOnly);

    assertThat(second.etag()).isEqualTo(first.etag());
    assertThat(cache.answer(ALL).etag()).isNotEqualTo(second.etag());
  }

  @Test
  void anEtagItNeverGaveHasNoChangesAndLeavesTheRememberedOnesAlone() throws IOException {
    terminals.add("1", "alice");
    SessionListCache.Answer base = cache.answer(ALL);
    SessionListCache.Answer now = nextReadAfterLogin("2", "bob");

    for (int guess = 0; guess < 100; guess++) {
      assertThat(cache.changesSince(ALL, now, "\"guess-" + guess + "\"")).isEmpty();
    }
    SessionChanges changes = changes(cache.changesSince(ALL, now, base.etag()).orElseThrow());

    assertThat(changes.changed()).extracting(Session::user).containsExactly("bob");
  }
}
