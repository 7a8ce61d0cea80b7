package dev.sessionwatch.app.fleet;

import dev.sessionwatch.app.agent.AgentClient;
import dev.sessionwatch.app.agent.AgentResponse;
import dev.sessionwatch.app.agent.SessionSnapshot;
import dev.sessionwatch.protocol.HostInfo;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Polls one host's agent off the FX thread and hands each answer to the fleet on the FX thread. It
 * never touches a control.
 *
 * <p>Requests for one host never overlap: a refresh asked for while a poll is under way runs once
 * more right after it, however many were asked for.
 */
public final class HostPoller implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(HostPoller.class.getName());

  /**
   * How often the host's description (which sources work) is fetched along with its sessions: it
   * changes rarely and, carrying the agent's time, is never answered with a 304.
   */
  static final Duration DESCRIBE_EVERY = Duration.ofMinutes(1);

  private final Host host;
  private final AgentClient client;
  private final Fleet fleet;
  private final ScheduledExecutorService scheduler;
  private final Executor fxExecutor;

  /** The host's listings, diffed here so that the FX thread only touches what changed. */
  private final ListingDiff listings = new ListingDiff();

  /** Polls asked for and not yet served; the thread that raises it from zero does the polling. */
  private final AtomicInteger pending = new AtomicInteger();

  private volatile boolean described;

  /** When the host's description was last fetched, by System.nanoTime. */
  private volatile long describedAt;

  private ScheduledFuture<?> schedule;
  private volatile boolean closed;

  /**
   * @param scheduler where requests run (blocking I/O); shared by every host's poller
   * @param fxExecutor where answers are applied to the fleet: {@code Platform::runLater} in the
   *     console, the calling thread in tests
   */
  public HostPoller(
      Host host,
      AgentClient client,
      Fleet fleet,
      ScheduledExecutorService scheduler,
      Executor fxExecutor) {
    this.host = Objects.requireNonNull(host, "host");
    this.client = Objects.requireNonNull(client, "client");
    this.fleet = Objects.requireNonNull(fleet, "fleet");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.fxExecutor = Objects.requireNonNull(fxExecutor, "fxExecutor");
  }

  public Host host() {
    return host;
  }

  /** The host's agent client, also for actions on its sessions. */
  public AgentClient client() {
    return client;
  }

  /**
   * Polls now and then every {@code interval}, replacing any earlier schedule. At a fixed rate, so
   * hosts started together are polled together, in rounds, whatever each one's latency; a poll
   * longer than the interval delays the next, never overlaps it.
   */
  public synchronized void start(Duration interval) {
    stopSchedule();
    if (!closed) {
      schedule =
          scheduler.scheduleAtFixedRate(this::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Stops polling on the timer; {@link #refreshNow} still polls. */
  public synchronized void stopTimer() {
    stopSchedule();
  }

  /** Polls as soon as possible, keeping the schedule. */
  public void refreshNow() {
    if (!closed) {
      scheduler.execute(this::poll);
    }
  }

  /** Stops polling; an answer still under way is dropped. */
  @Override
  public synchronized void close() {
    closed = true;
    stopSchedule();
  }

  private void stopSchedule() {
    if (schedule != null) {
      schedule.cancel(false);
      schedule = null;
    }
  }

  private void poll() {
    if (pending.getAndIncrement() != 0) {
      return; // the thread polling now will poll once more for this request
    }
    int served;
    do {
      served = pending.get();
      pollOnce();
    } while (pending.addAndGet(-served) != 0);
  }

  private ListingChanges changesOf(AgentResponse<SessionSnapshot> sessions) {
    if (!(sessions instanceof AgentResponse.Success<SessionSnapshot> success)) {
      return null;
    }
    SessionSnapshot snapshot = success.value();
    return snapshot.modified() ? listings.next(snapshot) : listings.unchanged();
  }

  private boolean descriptionDue() {
    return !described || System.nanoTime() - describedAt >= DESCRIBE_EVERY.toNanos();
  }

  private void pollOnce() {
    if (closed) {
      return;
    }
    try {
      AgentResponse<SessionSnapshot> sessions = client.sessions();
      ListingChanges changes = changesOf(sessions);
      AgentResponse<HostInfo> description =
          sessions instanceof AgentResponse.Success<SessionSnapshot> && descriptionDue()
              ? client.hostInfo()
              : null;
      if (description instanceof AgentResponse.Success<HostInfo>) {
        describedAt = System.nanoTime();
        described = true;
      }
      if (!closed) {
        fxExecutor.execute(
            () -> {
              fleet.apply(host, sessions, changes);
              if (description instanceof AgentResponse.Success<HostInfo> info) {
                fleet.apply(host, info.value());
              }
            });
      }
    } catch (RuntimeException e) {
      // A bug must not end the schedule: a scheduled task that throws is never run again.
      LOG.log(System.Logger.Level.ERROR, "polling " + host.name() + " failed", e);
    }
  }
}
