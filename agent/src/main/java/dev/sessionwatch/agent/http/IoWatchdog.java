package dev.sessionwatch.agent.http;

import java.io.Closeable;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Puts a deadline on blocking socket I/O against a client: the JDK server reads and writes an
 * exchange through a blocking {@code SocketChannel}, which has no read timeout; interrupting the
 * blocked thread closes the channel and ends the read or write with an {@link java.io.IOException}.
 *
 * <p>Only I/O is watched (reading a body, sending an answer, draining an unread body), never a
 * handler's work, so a slow source is never cut short by a client's deadline.
 */
final class IoWatchdog implements Closeable {
  private final ScheduledThreadPoolExecutor timer;

  IoWatchdog() {
    timer =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, "agent-http-watchdog");
              thread.setDaemon(true);
              return thread;
            });
    // A watch is nearly always closed in time: do not keep its cancelled task until the deadline.
    timer.setRemoveOnCancelPolicy(true);
  }

  /**
   * Watches the calling thread's I/O until the watch is closed.
   *
   * @param onExpiry runs on the watchdog's thread at the deadline, before the interrupt (e.g. to
   *     answer 408 while the connection is still open); it must not block
   */
  Watch watch(Duration limit, Runnable onExpiry) {
    Watch watch = new Watch(Thread.currentThread(), onExpiry);
    watch.deadline = timer.schedule(watch::expire, limit.toNanos(), TimeUnit.NANOSECONDS);
    return watch;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  /** One watched stretch of I/O; close it on the watched thread when the I/O is over. */
  static final class Watch implements AutoCloseable {
    private final Thread thread;
    private final Runnable onExpiry;
    private ScheduledFuture<?> deadline;
    private boolean closed;
    private boolean expired;

    private Watch(Thread thread, Runnable onExpiry) {
      this.thread = thread;
      this.onExpiry = onExpiry;
    }

    private synchronized void expire() {
      if (closed) {
        return;
      }
      expired = true;
      try {
        onExpiry.run();
      } finally {
        thread.interrupt();
      }
    }

    /** Whether the deadline passed before the watch was closed. */
    synchronized boolean expired() {
      return expired;
    }

    /**
     * Ends the watch; after an expiry, clears the thread's interrupt, so that what the thread does
     * next (writing the audit log through a {@code FileChannel}) is not cut short too.
     */
    @Override
    public synchronized void close() {
      closed = true;
      deadline.cancel(false);
      if (expired) {
        Thread.interrupted();
      }
    }
  }
}
