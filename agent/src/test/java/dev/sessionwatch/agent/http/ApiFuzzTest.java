package dev.sessionwatch.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.auth.LockoutSettings;
import dev.sessionwatch.agent.source.FixtureSource;
import dev.sessionwatch.agent.source.SourceException;
import dev.sessionwatch.agent.testing.AgentOverHttp;
import dev.sessionwatch.agent.testing.RawHttp;
import dev.sessionwatch.protocol.Role;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the agent's HTTP API over real loopback connections: at least {@value #REQUESTS} generated
 * requests from several clients at once, plus slow senders. The agent must never answer 500, never
 * stop answering, keep its memory bounded, and still serve a normal request afterwards.
 *
 * <p>Reproduce a run with {@code mvn -pl agent test -Dtest=ApiFuzzTest
 * -Dsessionwatch.fuzz.seed=SEED} (the seed is printed); each client's requests follow from the seed
 * alone.
 */
class ApiFuzzTest {
  private static final int REQUESTS = 20_000;
  private static final int CLIENTS = 6;
  private static final int SLOW_SENDERS = 6;
  private static final Duration DEADLINE = Duration.ofSeconds(50);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(15);
  private static final long HEAP_GROWTH_BOUND = 64L << 20;
  private static final RequestLimits LIMITS =
      RequestLimits.DEFAULTS.withRequestTimeout(Duration.ofSeconds(2));
  private static final List<String> IDS =
      List.of("tty:100-1", "tty:200-2", "ftpd:300-3", "web:1-1");

  @TempDir Path dir;

  private final FixtureSource terminals = new FixtureSource("tty", SessionKind.TERMINAL);
  private final FixtureSource ftp = new FixtureSource("ftpd", SessionKind.FTP);
  private final FixtureSource panel = new FixtureSource("web", SessionKind.PANEL);
  private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();

  @Test
  void fuzzedRequestsNeverBreakTheAgent() throws Exception {
    long seed = Long.getLong("sessionwatch.fuzz.seed", System.nanoTime());
    System.out.println(
        "ApiFuzzTest seed " + seed + " (rerun with -Dsessionwatch.fuzz.seed=" + seed + ")");
    Path auditLog = dir.resolve("audit.log");
    try (AgentOverHttp agent =
        AgentOverHttp.serving(
            List.of(terminals, ftp, panel),
            auditLog,
            builder ->
                builder
                    .limits(LIMITS)
                    // Wrong tokens must reach the handlers all run long, not a lockout.
                    .lockout(
                        new LockoutSettings(
                            1_000_000, Duration.ofMinutes(1), Duration.ofMinutes(1), 1000)))) {
      List<String> tokens =
          List.of(
              agent.tokens().create("fuzz-operator", Role.OPERATOR),
              agent.tokens().create("fuzz-viewer", Role.VIEWER),
              agent
                  .tokens()
                  .create(
                      "fuzz-ftp",
                      Role.OPERATOR,
                      EnumSet.of(SessionKind.FTP),
                      EnumSet.of(SessionAction.END)));
      restoreSessions();
      fuzz(agent, seed, tokens, 300, Duration.ofSeconds(20)); // warm up before measuring the heap
      long heapBefore = usedHeapAfterGc();
      long started = System.nanoTime();
      statuses.clear();

      long sent = runClients(agent, seed, tokens);

      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      long heapAfter = usedHeapAfterGc();
      report(sent, millis, heapBefore, heapAfter);
      assertThat(sent).as("requests sent before the deadline").isGreaterThanOrEqualTo(REQUESTS);
      assertThat(statuses).as("answers by status").doesNotContainKey(500);
      assertThat(statuses).as("requests the agent never answered in time").doesNotContainKey(0);
      assertThat(heapAfter - heapBefore).as("heap growth").isLessThan(HEAP_GROWTH_BOUND);
      assertStillServes(agent);
      String log = Files.readString(auditLog);
      tokens.forEach(token -> assertThat(log).doesNotContain(token));
    }
  }

  /** Runs the clients and the slow senders at once; the number of requests they sent. */
  private long runClients(AgentOverHttp agent, long seed, List<String> tokens) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + SLOW_SENDERS);
    try {
      List<Future<Long>> done = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        long clientSeed = seed + i;
        done.add(
            clients.submit(
                () -> fuzz(agent, clientSeed, tokens, REQUESTS / CLIENTS + 1, DEADLINE)));
      }
      for (int i = 0; i < SLOW_SENDERS; i++) {
        int sender = i;
        done.add(clients.submit(() -> sendSlowly(agent, tokens.get(0), sender)));
      }
      long sent = 0;
      for (Future<Long> client : done) {
        sent += client.get(DEADLINE.toSeconds() + 60, TimeUnit.SECONDS);
      }
      return sent;
    } finally {
      clients.shutdownNow();
    }
  }

  /** Sends up to {@code count} fuzzed requests, one connection each, until the deadline. */
  private long fuzz(
      AgentOverHttp agent, long seed, List<String> tokens, int count, Duration deadline)
      throws IOException, SourceException {
    RequestFuzzer fuzzer = new RequestFuzzer(seed, tokens, IDS, LIMITS.maxBodyBytes());
    long end = System.nanoTime() + deadline.toNanos();
    long sent = 0;
    for (int i = 0; i < count && System.nanoTime() < end; i++) {
      if (i % 100 == 0) {
        restoreSessions();
      }
      RequestFuzzer.FuzzedRequest request = fuzzer.next();
      count(exchange(agent, request.bytes()));
      sent++;
    }
    return sent;
  }

  /** The status answered; -1 when the connection closed unanswered, 0 when nothing came in time. */
  private static int exchange(AgentOverHttp agent, byte[] request) throws IOException {
    try (RawHttp http = RawHttp.connect(agent.port(), READ_TIMEOUT)) {
      try {
        http.send(request);
        http.shutdownOutput();
      } catch (IOException refusedMidway) {
        // The agent answered and closed before taking all of it (e.g. 431): read what it said.
      }
      return http.answer().status();
    } catch (SocketTimeoutException e) {
      return 0;
    }
  }

  /**
   * A client that trickles its request: now a well-formed one a few bytes at a time, now a body
   * that stops halfway, which the agent answers with 408 after its request timeout.
   */
  private long sendSlowly(AgentOverHttp agent, String token, int sender) throws Exception {
    String head =
        (sender % 2 == 0 ? "GET /v1/sessions" : "POST /v1/sessions/ftpd:300-3/end")
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            + token
            + "\r\nConnection: close\r\n";
    String request =
        sender % 2 == 0
            ? head + "\r\n"
            : head + "Content-Length: 64\r\n\r\n" + "x".repeat(8); // 56 bytes never come
    try (RawHttp http = RawHttp.connect(agent.port(), READ_TIMEOUT)) {
      http.sendSlowly(request.getBytes(StandardCharsets.ISO_8859_1), 8, Duration.ofMillis(60));
      count(http.answer().status());
    } catch (SocketTimeoutException e) {
      count(0);
    }
    return 1;
  }

  private void count(int status) {
    statuses.computeIfAbsent(status, unused -> new AtomicLong()).incrementAndGet();
  }

  /** Puts back the sessions the fuzzed actions ended, so that later actions find some. */
  private void restoreSessions() throws SourceException {
    restore(terminals, "tty:100-1", "100-1", SessionAction.DISCONNECT, SessionAction.LOGOUT);
    restore(terminals, "tty:200-2", "200-2", SessionAction.LOGOUT);
    restore(ftp, "ftpd:300-3", "300-3", SessionAction.END);
    restore(panel, "web:1-1", "1-1", SessionAction.END);
  }

  private static synchronized void restore(
      FixtureSource source, String id, String suffix, SessionAction... actions)
      throws SourceException {
    if (source.list().stream().map(Session::id).noneMatch(id::equals)) {
      source.add(suffix, "user-" + suffix, actions);
    }
  }

  private void assertStillServes(AgentOverHttp agent) throws Exception {
    restoreSessions();
    assertThat(agent.get("/healthz", null).statusCode()).isEqualTo(200);
    assertThat(agent.get("/v1/sessions").statusCode()).isEqualTo(200);
    assertThat(agent.post("/v1/sessions/ftpd:300-3/end").statusCode()).isEqualTo(200);
  }

  private void report(long sent, long millis, long heapBefore, long heapAfter) {
    Map<Integer, Long> byStatus = new TreeMap<>();
    statuses.forEach((status, count) -> byStatus.put(status, count.get()));
    System.out.println(
        "ApiFuzzTest: "
            + sent
            + " requests in "
            + millis
            + " ms; by status (-1: closed unanswered, 0: no answer in time): "
            + byStatus
            + "; heap after GC "
            + (heapBefore >> 20)
            + " MiB before, "
            + (heapAfter >> 20)
            + " MiB after");
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
