package dev.sessionwatch.agent.http;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that answer requests, with a cap on the requests in flight (being answered or waiting
 * for a thread).
 *
 * <p>The JDK server hands each exchange over before it has read the request, so a request over the
 * cap cannot be answered without reading it: it goes to two spare threads, on which the server
 * answers 503 at once ({@link #shedding}). When even their queue is full the JDK server closes the
 * connection unanswered.
 */
final class RequestPool implements Executor {
  private static final int SHEDDING_THREADS = 2;

  private final int maxInFlight;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final ThreadPoolExecutor workers;
  private final ThreadPoolExecutor shedder;
  private final ThreadLocal<Boolean> shedding = ThreadLocal.withInitial(() -> false);

  RequestPool(int threads, int maxInFlight) {
    if (threads < 1 || maxInFlight < 1) {
      throw new IllegalArgumentException("threads and the request cap must be at least 1");
    }
    this.maxInFlight = maxInFlight;
    this.workers =
        new ThreadPoolExecutor(
            threads,
            threads,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            daemons("agent-http-"));
    this.shedder =
        new ThreadPoolExecutor(
            SHEDDING_THREADS,
            SHEDDING_THREADS,
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(maxInFlight),
            daemons("agent-http-busy-"));
  }

  /**
   * Runs an exchange on a worker, or, over the cap, on a shedding thread.
   *
   * @throws java.util.concurrent.RejectedExecutionException when the shedding queue is full too
   */
  @Override
  public void execute(Runnable exchange) {
    if (inFlight.incrementAndGet() > maxInFlight) {
      inFlight.decrementAndGet();
      shedder.execute(
          () -> {
            shedding.set(true);
            try {
              exchange.run();
            } finally {
              shedding.set(false);
            }
          });
      return;
    }
    try {
      workers.execute(
          () -> {
            try {
              exchange.run();
            } finally {
              inFlight.decrementAndGet();
            }
          });
    } catch (RuntimeException e) {
      inFlight.decrementAndGet();
      throw e;
    }
  }

  /** Whether the calling thread answers a request over the cap: it must answer 503 at once. */
  boolean shedding() {
    return shedding.get();
  }

  int maxInFlight() {
    return maxInFlight;
  }

  void shutdownNow() {
    workers.shutdownNow();
    shedder.shutdownNow();
  }

  private static ThreadFactory daemons(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
