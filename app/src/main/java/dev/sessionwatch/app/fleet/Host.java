package dev.sessionwatch.app.fleet;

import dev.sessionwatch.app.agent.AgentClock;
import dev.sessionwatch.app.agent.PresentedCertificate;
import dev.sessionwatch.protocol.HostInfo;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SourceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
  private final ReadOnlyObjectWrapper<PresentedCertificate> untrustedCertificate =
      new ReadOnlyObjectWrapper<>(this, "untrustedCertificate");
  private final ReadOnlyObjectWrapper<TokenAccess> access =
      new ReadOnlyObjectWrapper<>(this, "access");

  /**
   * The agent's clock as of the host's latest listing, which its rows measure idle times on; null
   * before the first. Any moment seen on both clocks gives the same agent time, so a newer one only
   * follows a clock the agent's host has since set.
   */
  private AgentClock listingClock;

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

  /**
   * The certificate the host's agent presented and the operator has yet to trust; null while the
   * host is not refused for its certificate.
   */
  public ReadOnlyObjectProperty<PresentedCertificate> untrustedCertificateProperty() {
    return untrustedCertificate.getReadOnlyProperty();
  }

  public PresentedCertificate untrustedCertificate() {
    return untrustedCertificate.get();
  }

  /** What the console's token may do here; null until the agent said. */
  public ReadOnlyObjectProperty<TokenAccess> accessProperty() {
    return access.getReadOnlyProperty();
  }

  /**
   * Why the console's token may not take this action here, in words; empty when it may, or while
   * the agent has not said (then the agent decides when asked).
   */
  public Optional<String> refusal(SessionAction action) {
    TokenAccess known = access.get();
    return known == null ? Optional.empty() : known.refusal(name(), action);
  }

  AgentClock listingClock() {
    return listingClock;
  }

  void listedAt(AgentClock clock) {
    listingClock = Objects.requireNonNull(clock, "clock");
  }

  void described(HostInfo info) {
    sources.set(List.copyOf(info.sources()));
    access.set(TokenAccess.of(info));
  }

  void answered(HostStatus newStatus, Duration newLatency, Instant at) {
    untrustedCertificate.set(null);
    if (!newStatus.equals(status.get())) {
      status.set(newStatus); // every listener of the hosts hears of each answer once, not twice
    }
    latency.set(newLatency);
    lastRefresh.set(at);
  }

  void failed(HostStatus newStatus, PresentedCertificate untrusted) {
    // Before the status: whoever sees the new status finds the certificate already there.
    untrustedCertificate.set(untrusted);
    status.set(newStatus);
  }

  @Override
  public String toString() {
    return "Host[" + name() + "]";
  }
}
