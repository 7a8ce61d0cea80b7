package dev.sessionwatch.bench;

import dev.sessionwatch.agent.ftp.FtpWhoBenchmark;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** The JMH micro-benchmarks, run in forked JVMs, as figures without targets. */
final class MicroBenchmarks {
  private static final List<Class<?>> BENCHMARKS =
      List.of(
          JsonBenchmark.class,
          UtmpBenchmark.class,
          FtpWhoBenchmark.class,
          FleetApplyBenchmark.class);

  private MicroBenchmarks() {}

  static List<Figure> run() throws RunnerException {
    OptionsBuilder options = new OptionsBuilder();
    for (Class<?> benchmark : BENCHMARKS) {
      options.include("^" + Pattern.quote(benchmark.getName()) + "\\.");
    }
    Options built =
        options
            .mode(Mode.AverageTime)
            .timeUnit(TimeUnit.MICROSECONDS)
            .warmupIterations(3)
            .warmupTime(TimeValue.seconds(1))
            .measurementIterations(5)
            .measurementTime(TimeValue.seconds(1))
            .forks(1)
            .build();
    Collection<RunResult> results = new Runner(built).run();
    List<Figure> figures = new ArrayList<>();
    results.stream()
        .sorted(Comparator.comparing(result -> result.getParams().getBenchmark()))
        .forEach(result -> figures.add(figure(result)));
    return figures;
  }

  private static Figure figure(RunResult result) {
    String benchmark = result.getParams().getBenchmark();
    String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
    String size =
        result.getParams().getParamsKeys().stream()
            .map(key -> result.getParams().getParam(key) + " " + key)
            .reduce((a, b) -> a + ", " + b)
            .orElse("");
    double micros = result.getPrimaryResult().getScore();
    return Figure.info("jmh " + method + " (" + size + ")", micros, "µs/op");
  }
}
