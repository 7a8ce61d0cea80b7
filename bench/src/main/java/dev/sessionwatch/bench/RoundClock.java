package dev.sessionwatch.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Times the console's polling rounds from outside, without touching its code: a scheduler that
 * notes when each host's k-th poll starts, and an FX executor that notes when the answer that poll
 * handed over was applied. Round k lasts from the first start of a k-th poll to the last k-th
 * answer applied.
 */
final class RoundClock {
  private final Map<Integer, List<Long>> starts = new ConcurrentHashMap<>();
  private final Map<Integer, List<Long>> applied = new ConcurrentHashMap<>();

  /**
   * Each schedule's rounds completed so far, kept as answers are applied: counting them from the
   * lists on each call cost the console's JVM a sizeable share of the CPU it measures.
   */
  private final Map<Integer, AtomicInteger> completed = new ConcurrentHashMap<>();

  private final AtomicInteger schedules = new AtomicInteger();
  private final ThreadLocal<int[]> polling = new ThreadLocal<>();

  /** The polling scheduler, with {@code threads} threads as the console's. */
  ScheduledThreadPoolExecutor scheduler(int threads, ThreadFactory factory) {
    return new ScheduledThreadPoolExecutor(threads, factory) {
      @Override
      public ScheduledFuture<?> scheduleAtFixedRate(
          Runnable command, long initialDelay, long period, TimeUnit unit) {
        int schedule = schedules.getAndIncrement();
        List<Long> runs = new ArrayList<>();
        starts.put(schedule, runs);
        applied.put(schedule, new ArrayList<>());
        completed.put(schedule, new AtomicInteger());
        return super.scheduleAtFixedRate(
            () -> {
              synchronized (runs) {
                polling.set(new int[] {schedule, runs.size()});
                runs.add(System.nanoTime());
              }
              try {
                command.run();
              } finally {
                polling.remove();
              }
            },
            initialDelay,
            period,
            unit);
      }
    };
  }

  /** Wraps the FX executor: an answer handed over by the k-th poll notes when it was applied. */
  Executor fxExecutor(Executor fx) {
    return task -> {
      int[] poll = polling.get();
      fx.execute(
          () -> {
            task.run();
            if (poll != null) {
              List<Long> times = applied.get(poll[0]);
              synchronized (times) {
                while (times.size() <= poll[1]) {
                  times.add(null);
                }
                times.set(poll[1], System.nanoTime());
                int complete = completed.get(poll[0]).get();
                while (complete < times.size() && times.get(complete) != null) {
                  complete++;
                }
                completed.get(poll[0]).set(complete);
              }
            }
          });
    };
  }

  /** How many rounds every host has completed. */
  int completeRounds() {
    return completed.values().stream().mapToInt(AtomicInteger::get).min().orElse(0);
  }

  /** Round {@code k}'s length in milliseconds; every host must have completed it. */
  double roundMillis(int k) {
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (int schedule : starts.keySet()) {
      List<Long> runs = starts.get(schedule);
      List<Long> done = applied.get(schedule);
      synchronized (runs) {
        first = Math.min(first, runs.get(k));
      }
      synchronized (done) {
        last = Math.max(last, done.get(k));
      }
    }
    return (last - first) / 1e6;
  }
}
