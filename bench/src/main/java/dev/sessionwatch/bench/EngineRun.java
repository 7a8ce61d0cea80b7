package dev.sessionwatch.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.sessionwatch.app.SessionwatchApp;
import dev.sessionwatch.app.agent.AgentClient;
import dev.sessionwatch.app.agent.AgentEndpoint;
import dev.sessionwatch.app.fleet.AnswersTogether;
import dev.sessionwatch.app.fleet.Fleet;
import dev.sessionwatch.app.fleet.HostPollers;
import dev.sessionwatch.app.fleet.SessionRow;
import dev.sessionwatch.app.fleet.WatchedHost;
import dev.sessionwatch.app.hosts.ServerListViewModel;
import dev.sessionwatch.app.hosts.StatusLineViewModel;
import dev.sessionwatch.app.sessions.SessionsViewModel;
import dev.sessionwatch.protocol.SessionKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javafx.collections.ObservableList;
import okhttp3.OkHttpClient;

/**
 * The console's engine at fleet scale: the fleet model, a poller per host and the view models the
 * window binds to (server list, status line, session tables), built as the console builds them and
 * fed on one thread standing in for the FX thread, polling {@code servers} agents every 2 s. The
 * agents run in another JVM, so this JVM's CPU time and heap are the console's alone.
 */
final class EngineRun {
  static final Duration INTERVAL = Duration.ofSeconds(2);

  private final int servers;
  private final int sessionsEach;
  private final Duration longestWarmUp;
  private final int measuredRounds;

  EngineRun(int servers, int sessionsEach, Duration longestWarmUp, int measuredRounds) {
    this.servers = servers;
    this.sessionsEach = sessionsEach;
    this.longestWarmUp = longestWarmUp;
    this.measuredRounds = measuredRounds;
  }

  /**
   * @param warmUp the rounds before the measured ones, until both JVMs' compilers went quiet
   * @param agentsCpuPercentOfOneCore the agents' JVM over the same rounds: on a 2-core machine they
   *     and the console share the cores, so a round can be no shorter than both need
   * @param rows the sessions shown at the end, to check the engine saw them all
   */
  record Result(
      int servers,
      WarmUp.Result warmUp,
      Percentiles roundMillis,
      double cpuPercentOfOneCore,
      double agentsCpuPercentOfOneCore,
      long heapBytes,
      int rows,
      int onlineHosts) {}

  Result run() throws Exception {
    try (ChildJvm agents =
        ChildJvm.start(
            AgentFleetProcess.class,
            List.of("-Xss256k"),
            List.of(String.valueOf(servers), String.valueOf(sessionsEach)))) {
      String token = agents.readLine().substring("TOKEN ".length());
      List<WatchedHost> hosts = new ArrayList<>();
      for (String line = agents.readLine(); !line.equals("READY"); line = agents.readLine()) {
        String[] words = line.split(" ");
        hosts.add(new WatchedHost(words[1], new AgentEndpoint(URI.create(words[2]), token)));
      }
      return measure(hosts, agents);
    }
  }

  private Result measure(List<WatchedHost> hosts, ChildJvm agents) throws Exception {
    RoundClock rounds = new RoundClock();
    ExecutorService fx = Executors.newSingleThreadExecutor(named("engine-fx"));
    ScheduledThreadPoolExecutor scheduler =
        rounds.scheduler(SessionwatchApp.POLLING_THREADS, named("engine-poll"));
    OkHttpClient http = AgentClient.newSharedHttpClient();
    Clock clock = Clock.systemDefaultZone();
    try {
      Engine engine =
          fx.submit(
                  () -> {
                    Fleet fleet = new Fleet(clock);
                    Engine built =
                        new Engine(
                            fleet,
                            http,
                            scheduler,
                            rounds.fxExecutor(new AnswersTogether(fleet, fx)),
                            clock);
                    hosts.forEach(built.pollers::add);
                    built.pollers.start();
                    return built;
                  })
              .get(60, TimeUnit.SECONDS);
      WarmUp.Result warmUp =
          WarmUp.until(
              longestWarmUp,
              () -> WarmUp.compiledHere() + compiled(agents),
              () -> awaitRounds(rounds, rounds.completeRounds() + 1));
      int warmUpRounds = rounds.completeRounds();
      OperatingSystemMXBean os =
          (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long cpuBefore = os.getProcessCpuTime();
      Duration agentsCpuBefore = agents.cpuTime();
      long wallBefore = System.nanoTime();
      int completed = awaitRounds(rounds, warmUpRounds + measuredRounds);
      long cpu = os.getProcessCpuTime() - cpuBefore;
      long agentsCpu = agents.cpuTime().minus(agentsCpuBefore).toNanos();
      long wall = System.nanoTime() - wallBefore;
      double[] lengths = new double[Math.max(1, completed - warmUpRounds)];
      for (int k = 0; k < lengths.length; k++) {
        lengths[k] = rounds.roundMillis(Math.min(warmUpRounds, completed - 1) + k);
      }
      long heap = AgentMemoryProbe.heapAfterCollection();
      int[] shown =
          fx.submit(
                  () ->
                      new int[] {
                        engine.rows(),
                        (int)
                            engine.fleet.hosts().stream()
                                .filter(host -> host.status().isOnline())
                                .count()
                      })
              .get(60, TimeUnit.SECONDS);
      fx.submit(engine.pollers::close).get(60, TimeUnit.SECONDS);
      return new Result(
          hosts.size(),
          warmUp,
          new Percentiles(lengths),
          100.0 * cpu / wall,
          100.0 * agentsCpu / wall,
          heap,
          shown[0],
          shown[1]);
    } finally {
      scheduler.shutdownNow();
      fx.shutdownNow();
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  private static long compiled(ChildJvm agents) {
    try {
      return Long.parseLong(agents.ask(AgentFleetProcess.COMPILED));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Waits until every host has completed {@code count} rounds, or until twice the time that should
   * take; answers how many rounds every host completed. A round that cannot keep up with the
   * interval shows as long rounds in the result.
   */
  private static int awaitRounds(RoundClock rounds, int count) throws InterruptedException {
    long deadline = System.nanoTime() + INTERVAL.multipliedBy(2L * count + 10).toNanos();
    while (rounds.completeRounds() < count && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    int completed = rounds.completeRounds();
    if (completed == 0) {
      throw new IllegalStateException("the console never completed a round");
    }
    return completed;
  }

  /** What the console builds around its fleet, but the controls. */
  private static final class Engine {
    private final Fleet fleet;
    private final HostPollers pollers;
    private final SessionsViewModel sessions;
    private final StatusLineViewModel statusLine;

    Engine(
        Fleet fleet,
        OkHttpClient http,
        ScheduledThreadPoolExecutor scheduler,
        java.util.concurrent.Executor fxExecutor,
        Clock clock) {
      this.fleet = fleet;
      this.pollers =
          new HostPollers(
              fleet, http, scheduler, fxExecutor, clock, Duration.ofSeconds(10), INTERVAL);
      Map<SessionKind, ObservableList<SessionRow>> all = new EnumMap<>(SessionKind.class);
      for (SessionKind kind : SessionKind.values()) {
        all.put(kind, fleet.sessions(kind));
      }
      ServerListViewModel serverList = new ServerListViewModel(fleet.hosts(), all, clock.getZone());
      this.sessions =
          new SessionsViewModel(serverList.visibleHosts(), serverList::visibleSessions, clock);
      this.statusLine = new StatusLineViewModel(fleet.hosts(), clock.getZone());
    }

    /** The rows the three tables show, reading their titles as the window does. */
    int rows() {
      statusLine.summaryProperty().get();
      int rows = 0;
      for (var table : sessions.tables()) {
        table.titleProperty().get();
        rows += table.rows().size();
      }
      return rows;
    }
  }

  static java.util.concurrent.ThreadFactory named(String prefix) {
    java.util.concurrent.atomic.AtomicInteger count =
        new java.util.concurrent.atomic.AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
