package dev.sessionwatch.bench;

import dev.sessionwatch.agent.audit.AuditLog;
import dev.sessionwatch.agent.auth.TokenStore;
import dev.sessionwatch.protocol.Role;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The agent under many consoles: {@code clients} pollers, each with its own connection as a
 * separate console has, send {@code GET /v1/sessions} with the ETag of the list they last got and
 * {@code A-IM: changes}, as the console does, every {@code period}, starting at random moments.
 * Measures the time to the whole answer (status, headers and body read, not parsed), how many of
 * the answers were 304s and how many changes (226), how often the agent read its sources, and the
 * size of a 304 on the wire.
 */
final class AgentLatencyRun {
  private final int sessions;
  private final int clients;
  private final Duration period;
  private final Duration longestWarmUp;
  private final Duration measured;

  AgentLatencyRun(
      int sessions, int clients, Duration period, Duration longestWarmUp, Duration measured) {
    this.sessions = sessions;
    this.clients = clients;
    this.period = period;
    this.longestWarmUp = longestWarmUp;
    this.measured = measured;
  }

  /**
   * What one run measured.
   *
   * @param warmUp the polling before the measured, until the compilers went quiet
   */
  record Result(
      int sessions,
      WarmUp.Result warmUp,
      Percentiles latencyMillis,
      double notModifiedShare,
      double changesShare,
      long sourceReads,
      double secondsPolled,
      int notModifiedBytes,
      int fullBodyBytes) {}

  Result run() throws Exception {
    Path directory = Files.createTempDirectory("sessionwatch-bench-");
    TokenStore tokens = TokenStore.inMemory();
    String token = tokens.create("bench", Role.VIEWER);
    ExecutorService pollers = Executors.newFixedThreadPool(clients);
    OkHttpClient base = new OkHttpClient();
    try (AuditLog auditLog = AuditLog.open(directory.resolve("audit.log"));
        DemoAgent agent = DemoAgent.start("agent-bench", sessions, tokens, auditLog, 8)) {
      ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
      long start = System.nanoTime();
      Measured window = new Measured();
      List<Future<?>> running = new ArrayList<>();
      SplittableRandom random = new SplittableRandom(7);
      for (int client = 0; client < clients; client++) {
        OkHttpClient http = base.newBuilder().connectionPool(new ConnectionPool()).build();
        long phase = random.nextLong(period.toNanos());
        running.add(
            pollers.submit(() -> poll(http, agent.uri(), token, start + phase, window, samples)));
      }
      WarmUp.Result warmUp =
          WarmUp.until(longestWarmUp, WarmUp::compiledHere, () -> Thread.sleep(1000));
      long measureFrom = System.nanoTime();
      window.end = measureFrom + measured.toNanos();
      window.from = measureFrom;
      long readsBefore = agent.sourceReads();
      for (Future<?> poller : running) {
        poller.get(measured.toSeconds() + 60, TimeUnit.SECONDS);
      }
      long reads = agent.sourceReads() - readsBefore;
      double seconds = (System.nanoTime() - measureFrom) / 1e9;
      double[] millis = samples.stream().mapToDouble(Sample::millis).toArray();
      long notModified = samples.stream().filter(sample -> sample.status == 304).count();
      long changes = samples.stream().filter(sample -> sample.status == 226).count();
      return new Result(
          sessions,
          warmUp,
          new Percentiles(millis),
          (double) notModified / millis.length,
          (double) changes / millis.length,
          reads,
          seconds,
          notModifiedOnTheWire(base, agent.uri(), token),
          fullBodyBytes(base, agent.uri(), token));
    } finally {
      pollers.shutdownNow();
      base.dispatcher().executorService().shutdown();
      base.connectionPool().evictAll();
      Files.deleteIfExists(directory.resolve("audit.log"));
      Files.deleteIfExists(directory);
    }
  }

  private record Sample(double millis, int status) {}

  /** When the measured polling starts and ends; both unknown until the warm-up is over. */
  private static final class Measured {
    volatile long from = Long.MAX_VALUE;
    volatile long end = Long.MAX_VALUE;
  }

  private Void poll(
      OkHttpClient http,
      URI agent,
      String token,
      long firstAt,
      Measured window,
      ConcurrentLinkedQueue<Sample> samples)
      throws IOException, InterruptedException {
    String etag = null;
    long next = firstAt;
    try {
      while (next < window.end) {
        sleepUntil(next);
        Request.Builder request =
            new Request.Builder()
                .url(agent.resolve("/v1/sessions").toString())
                .header("Authorization", "Bearer " + token);
        if (etag != null) {
          // As the console asks: a 304 when unchanged, the changes when changed.
          request.header("If-None-Match", etag).header("A-IM", "changes");
        }
        long sent = System.nanoTime();
        try (Response response = http.newCall(request.build()).execute()) {
          response.body().bytes();
          long answered = System.nanoTime();
          if (response.code() == 200 || response.code() == 226) {
            etag = response.header("ETag");
          } else if (response.code() != 304) {
            throw new IOException("the agent answered HTTP " + response.code());
          }
          if (sent >= window.from) {
            samples.add(new Sample((answered - sent) / 1e6, response.code()));
          }
        }
        next += period.toNanos();
      }
      return null;
    } finally {
      http.connectionPool().evictAll();
    }
  }

  private static int fullBodyBytes(OkHttpClient http, URI agent, String token) throws IOException {
    try (Response response = http.newCall(sessionsRequest(agent, token)).execute()) {
      return response.body().bytes().length;
    }
  }

  private static Request sessionsRequest(URI agent, String token) {
    return new Request.Builder()
        .url(agent.resolve("/v1/sessions").toString())
        .header("Authorization", "Bearer " + token)
        .build();
  }

  /**
   * Every byte of a 304's status line and headers, as the agent sends them, read over a plain
   * socket; the request carries the ETag just received, so it falls in the same refresh window but
   * for a rare list that changed in between, which is asked again.
   */
  private static int notModifiedOnTheWire(OkHttpClient http, URI agent, String token)
      throws IOException {
    for (int attempt = 0; attempt < 5; attempt++) {
      String etag;
      try (Response response = http.newCall(sessionsRequest(agent, token)).execute()) {
        etag = response.header("ETag");
      }
      byte[] head = answerHead(agent, token, etag);
      if (new String(head, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 304")) {
        return head.length;
      }
    }
    throw new IOException("the agent never answered 304 to the ETag it had just sent");
  }

  private static byte[] answerHead(URI agent, String token, String etag) throws IOException {
    try (Socket socket = new Socket(agent.getHost(), agent.getPort())) {
      socket.setSoTimeout(10_000);
      String request =
          "GET /v1/sessions HTTP/1.1\r\n"
              + "Host: "
              + agent.getHost()
              + ":"
              + agent.getPort()
              + "\r\nAuthorization: Bearer "
              + token
              + "\r\nIf-None-Match: "
              + etag
              + "\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      while (!endsWithBlankLine(head.toByteArray())) {
        int read = in.read();
        if (read < 0) {
          break;
        }
        head.write(read);
      }
      return head.toByteArray();
    }
  }

  private static boolean endsWithBlankLine(byte[] bytes) {
    int n = bytes.length;
    return n >= 4
        && bytes[n - 4] == '\r'
        && bytes[n - 3] == '\n'
        && bytes[n - 2] == '\r'
        && bytes[n - 1] == '\n';
  }

  static void sleepUntil(long nanoTime) throws InterruptedException {
    long wait = nanoTime - System.nanoTime();
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }
}
