package dev.sessionwatch.app.fleet;

import dev.sessionwatch.app.agent.AgentClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;

/**
 * The fleet's hosts together with a poller each: adding a host starts polling it, removing it stops
 * that. All hosts share one auto-refresh interval. Use it on the FX thread.
 */
public final class HostPollers implements AutoCloseable {
  private final Fleet fleet;
  private final OkHttpClient http;
  private final ScheduledExecutorService scheduler;
  private final Executor fxExecutor;
  private final Clock clock;
  private final Duration timeout;
  private final Map<Host, HostPoller> pollers = new LinkedHashMap<>();
  private Duration interval;
  private boolean running;

  /**
   * @param http shared by every host's client
   * @param scheduler where hosts are polled (blocking I/O)
   * @param fxExecutor where answers reach the fleet: in the console, {@link AnswersTogether} over
   *     {@code Platform::runLater}
   * @param timeout for each request to one host
   * @param interval how often every host is polled; null for only on request
   */
  public HostPollers(
      Fleet fleet,
      OkHttpClient http,
      ScheduledExecutorService scheduler,
      Executor fxExecutor,
      Clock clock,
      Duration timeout,
      Duration interval) {
    this.fleet = Objects.requireNonNull(fleet, "fleet");
    this.http = Objects.requireNonNull(http, "http");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.fxExecutor = Objects.requireNonNull(fxExecutor, "fxExecutor");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.interval = interval;
  }

  public Fleet fleet() {
    return fleet;
  }

  /** Adds a host to the fleet; once {@link #start started}, it is polled right away. */
  public Host add(WatchedHost watched) {
    return poll(fleet.addHost(watched.name(), watched.demo()), watched);
  }

  /** Watches {@code watched} in {@code old}'s place in the fleet, and stops polling {@code old}. */
  public Host replace(Host old, WatchedHost watched) {
    HostPoller oldPoller = pollers.remove(old);
    if (oldPoller != null) {
      oldPoller.close();
    }
    return poll(fleet.replaceHost(old, watched.name(), watched.demo()), watched);
  }

  private Host poll(Host host, WatchedHost watched) {
    HostPoller poller =
        new HostPoller(
            host,
            new AgentClient(http, watched.endpoint(), timeout, clock),
            fleet,
            scheduler,
            fxExecutor);
    pollers.put(host, poller);
    if (running) {
      schedule(poller);
    }
    return host;
  }

  /** Stops polling a host and removes it and its sessions from the fleet. */
  public void remove(Host host) {
    HostPoller poller = pollers.remove(host);
    if (poller != null) {
      poller.close();
    }
    fleet.removeHost(host);
  }

  /** The hosts polled, in the fleet's order. */
  public List<Host> hosts() {
    return fleet.hosts().stream().filter(pollers::containsKey).toList();
  }

  /** Polls every host now and then on the timer. */
  public void start() {
    running = true;
    pollers.values().forEach(this::schedule);
  }

  /**
   * Polls every host every {@code newInterval} from now on, starting now; null for only on request
   * (F5).
   */
  public void setInterval(Duration newInterval) {
    interval = newInterval;
    if (running) {
      pollers.values().forEach(this::schedule);
    }
  }

  public Duration interval() {
    return interval;
  }

  /** Polls every host now (F5). */
  public void refreshNow() {
    pollers.values().forEach(HostPoller::refreshNow);
  }

  /** The client talking to this host's agent, while the host is watched. */
  public Optional<AgentClient> client(Host host) {
    return Optional.ofNullable(pollers.get(host)).map(HostPoller::client);
  }

  /** Polls one host now, e.g. right after one of its sessions was ended. */
  public void refreshNow(Host host) {
    HostPoller poller = pollers.get(host);
    if (poller != null) {
      poller.refreshNow();
    }
  }

  @Override
  public void close() {
    running = false;
    pollers.values().forEach(HostPoller::close);
  }

  private void schedule(HostPoller poller) {
    if (interval == null) {
      poller.stopTimer();
      poller.refreshNow();
    } else {
      poller.start(interval);
    }
  }
}
