package dev.sessionwatch.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs every benchmark and prints the table of docs/performance.md: figure, value, target, result.
 *
 * <p>{@code java -jar bench/target/benchmarks.jar [--quick] [--only agent,memory,engine,ui,jmh]
 * [--servers 50,200,500]}; {@code --quick} runs tiny sizes for a few seconds (the smoke test's),
 * whose figures mean nothing.
 */
public final class BenchmarkMain {
  private static final double MB = 1024.0 * 1024.0;

  private BenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    boolean quick = List.of(args).contains("--quick");
    Set<String> only = Set.of("agent", "memory", "engine", "ui", "jmh");
    for (int index = 0; index < args.length - 1; index++) {
      if (args[index].equals("--only")) {
        only = Set.of(args[index + 1].split(","));
      }
    }
    Scale scale = quick ? Scale.QUICK : Scale.FULL;
    for (int index = 0; index < args.length - 1; index++) {
      if (args[index].equals("--servers")) {
        scale =
            scale.withServers(Stream.of(args[index + 1].split(",")).map(Integer::valueOf).toList());
      }
    }
    List<Figure> figures = run(scale, only);
    System.out.println();
    System.out.print(ResultTable.format(figures));
    long failed = figures.stream().filter(f -> f.verdict() == Figure.Verdict.FAIL).count();
    System.out.println();
    System.out.println(failed == 0 ? "Every target met." : failed + " target(s) not met.");
    System.exit(0);
  }

  /** The sizes and durations of one run. */
  record Scale(
      List<Integer> agentSessions,
      int agentTargetSessions,
      Duration agentLongestWarmUp,
      Duration agentMeasured,
      List<Integer> memorySessions,
      Duration memoryPolling,
      List<Integer> servers,
      Duration engineLongestWarmUp,
      int engineMeasuredRounds,
      Duration uiLongestWarmUp,
      int uiRefreshes) {
    Scale withServers(List<Integer> sizes) {
      return new Scale(
          agentSessions,
          agentTargetSessions,
          agentLongestWarmUp,
          agentMeasured,
          memorySessions,
          memoryPolling,
          sizes,
          engineLongestWarmUp,
          engineMeasuredRounds,
          uiLongestWarmUp,
          uiRefreshes);
    }

    static final Scale FULL =
        new Scale(
            List.of(250, 1000, 4000),
            1000,
            Duration.ofSeconds(60),
            Duration.ofSeconds(10),
            List.of(2500, 5000, 10000),
            Duration.ofSeconds(4),
            List.of(50, 200, 500),
            Duration.ofSeconds(150),
            10,
            Duration.ofSeconds(60),
            30);
    static final Scale QUICK =
        new Scale(
            List.of(20),
            20,
            Duration.ZERO,
            Duration.ofSeconds(1),
            List.of(50),
            Duration.ofSeconds(1),
            List.of(2),
            Duration.ZERO,
            1,
            Duration.ZERO,
            2);
  }

  static List<Figure> run(Scale scale, Set<String> only) throws Exception {
    List<Figure> figures = new ArrayList<>();
    if (only.contains("agent")) {
      for (int sessions : scale.agentSessions()) {
        progress("agent latency, " + sessions + " sessions");
        figures.addAll(
            agent(
                new AgentLatencyRun(
                        sessions,
                        50,
                        Duration.ofMillis(100),
                        scale.agentLongestWarmUp(),
                        scale.agentMeasured())
                    .run(),
                sessions == scale.agentTargetSessions()));
      }
    }
    if (only.contains("memory")) {
      List<Integer> sizes = scale.memorySessions();
      for (int sessions : sizes) {
        progress("agent memory, " + sessions + " sessions");
        figures.add(
            memory(
                new AgentMemoryRun(sessions, scale.memoryPolling()).run(),
                sessions == sizes.get(sizes.size() - 1)));
      }
    }
    if (only.contains("engine")) {
      for (int servers : scale.servers()) {
        progress("console engine, " + servers + " servers");
        figures.addAll(
            engine(
                new EngineRun(
                        servers, 100, scale.engineLongestWarmUp(), scale.engineMeasuredRounds())
                    .run()));
      }
    }
    if (only.contains("ui")) {
      for (int servers : scale.servers()) {
        progress("UI, " + servers * 100 + " rows");
        figures.addAll(ui(new UiRun(servers, scale.uiLongestWarmUp(), scale.uiRefreshes()).run()));
      }
    }
    if (only.contains("jmh") && scale.agentSessions().size() > 1) {
      progress("JMH micro-benchmarks");
      figures.addAll(MicroBenchmarks.run());
    }
    return figures;
  }

  private static List<Figure> agent(AgentLatencyRun.Result result, boolean targeted) {
    String at = ", " + result.sessions() + " sessions";
    double median = result.latencyMillis().median();
    double p99 = result.latencyMillis().at(99);
    return List.of(
        warmUp("agent warm-up", at, result.warmUp()),
        targeted
            ? Figure.under("agent GET /v1/sessions median, 50 clients" + at, median, 2, "ms")
            : Figure.info("agent GET /v1/sessions median, 50 clients" + at, median, "ms"),
        targeted
            ? Figure.under("agent GET /v1/sessions p99, 50 clients" + at, p99, 10, "ms")
            : Figure.info("agent GET /v1/sessions p99, 50 clients" + at, p99, "ms"),
        Figure.info("agent answers that were 304" + at, 100 * result.notModifiedShare(), "%"),
        Figure.info("agent answers that were changes (226)" + at, 100 * result.changesShare(), "%"),
        // Once per 1 s window: at most one more read than whole seconds polled.
        Figure.atMost(
            "agent source reads in " + Math.round(result.secondsPolled()) + " s, 50 clients" + at,
            result.sourceReads(),
            Math.floor(result.secondsPolled()) + 1,
            "reads"),
        Figure.under("agent 304 on the wire" + at, result.notModifiedBytes(), 300, "bytes"),
        Figure.info("agent 200 body" + at, result.fullBodyBytes() / 1024.0, "KiB"));
  }

  private static Figure memory(AgentMemoryRun.Result result, boolean targeted) {
    String name =
        "agent heap after GC, "
            + result.sessions()
            + " sessions (-Xmx"
            + AgentMemoryRun.HEAP_LIMIT_MB
            + "m)";
    if (result.heapBytes() < 0) {
      return new Figure(
          name,
          "died: " + result.failure(),
          "< " + AgentMemoryRun.HEAP_LIMIT_MB + " MB",
          Figure.Verdict.FAIL);
    }
    double mb = result.heapBytes() / MB;
    return targeted
        ? Figure.under(name, mb, AgentMemoryRun.HEAP_LIMIT_MB, "MB")
        : Figure.info(name, mb, "MB");
  }

  private static List<Figure> engine(EngineRun.Result result) {
    String at = ", " + result.servers() + " servers x 100 sessions";
    return List.of(
        warmUp("console and agents warm-up", at, result.warmUp()),
        Figure.under("console round time, max" + at, result.roundMillis().max(), 500, "ms"),
        Figure.info("console round time, median" + at, result.roundMillis().median(), "ms"),
        Figure.under("console CPU, % of one core" + at, result.cpuPercentOfOneCore(), 25, "%"),
        Figure.info(
            "agents' CPU (their own JVM), % of one core" + at,
            result.agentsCpuPercentOfOneCore(),
            "%"),
        Figure.under("console heap after GC" + at, result.heapBytes() / MB, 300, "MB"),
        Figure.holds(
            "console shows every server online and its sessions" + at,
            result.onlineHosts() == result.servers() && result.rows() > 0,
            result.servers() + " online, rows shown (" + result.rows() + ")"));
  }

  private static List<Figure> ui(UiRun.Result result) {
    String at = ", " + result.rows() + " rows";
    return List.of(
        Figure.under(
            "UI apply a 1%-changed refresh, FX thread, median" + at,
            result.refreshMillis().median(),
            16,
            "ms"),
        Figure.info(
            "UI apply a 1%-changed refresh, FX thread, max" + at,
            result.refreshMillis().max(),
            "ms"),
        Figure.under(
            "UI filter by a search term, median" + at, result.filterMillis().median(), 50, "ms"),
        Figure.holds("UI selection survives refreshes" + at, result.selectionKept(), "kept"),
        Figure.holds("UI scroll position survives refreshes" + at, result.scrollKept(), "kept"),
        Figure.holds("UI sort order survives refreshes" + at, result.sortKept(), "kept"));
  }

  /** How long the warm-up took, and whether the compilers went quiet or it ran out of time. */
  private static Figure warmUp(String what, String at, WarmUp.Result warmUp) {
    String until = warmUp.settled() ? " until the JIT went quiet" : ", stopped: JIT still busy";
    return Figure.info(what + until + at, warmUp.took().toMillis() / 1000.0, "s");
  }

  private static void progress(String what) {
    System.err.println("[bench] " + what + " ...");
  }
}
