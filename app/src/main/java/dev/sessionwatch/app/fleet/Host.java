package dev.sessionwatch.app.fleet;

import dev.sessionwatch.protocol.SourceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One server the console watches, as the views see it. Only the {@link Fleet} changes it, on the FX
 * thread.
 */
public final class Host {
  private final ReadOnlyStringWrapper name;
  private final boolean demo;
  private final ReadOnlyObjectWrapper<HostStatus> status =
      new ReadOnlyObjectWrapper<>(this, "status", HostStatus.connecting());
  private final ReadOnlyObjectWrapper<Instant> lastRefresh =
      new ReadOnlyObjectWrapper<>(this, "lastRefresh");
  private final ReadOnlyObjectWrapper<Duration> latency =
      new ReadOnlyObjectWrapper<>(this, "latency");
  private final ReadOnlyObjectWrapper<List<SourceStatus>> sources =
      new ReadOnlyObjectWrapper<>(this, "sources");

  Host(String name, boolean demo) {
    this.name = new ReadOnlyStringWrapper(this, "name", Objects.requireNonNull(name, "name"));
    this.demo = demo;
  }

  /** The name the console shows in the Server column. */
  public ReadOnlyStringProperty nameProperty() {
    return name.getReadOnlyProperty();
  }

  public String name() {
    return name.get();
  }

  /** A simulated server inside the console, where nothing real happens. */
  public boolean demo() {
    return demo;
  }

  public ReadOnlyObjectProperty<HostStatus> statusProperty() {
    return status.getReadOnlyProperty();
  }

  public HostStatus status() {
    return status.get();
  }

  /** When the host last answered with its sessions, on the console's clock; null before. */
  public ReadOnlyObjectProperty<Instant> lastRefreshProperty() {
    return lastRefresh.getReadOnlyProperty();
  }

  /** How long the last successful request took; null before the first. */
  public ReadOnlyObjectProperty<Duration> latencyProperty() {
    return latency.getReadOnlyProperty();
  }

  /** Each source of the host's agent and whether it works; null until the agent said. */
  public ReadOnlyObjectProperty<List<SourceStatus>> sourcesProperty() {
    return sources.getReadOnlyProperty();
  }

  public List<SourceStatus> sources() {
    return sources.get();
  }

  void described(List<SourceStatus> newSources) {
    sources.set(List.copyOf(newSources));
  }

  void answered(HostStatus newStatus, Duration newLatency, Instant at) {
    if (!newStatus.equals(status.get())) {
      status.set(newStatus); // every listener of the hosts hears of each answer once, not twice
    }
    latency.set(newLatency);
    lastRefresh.set(at);
  }

  void failed(HostStatus newStatus) {
    status.set(newStatus);
  }

  @Override
  public String toString() {
    return "Host[" + name() + "]";
  }
}
