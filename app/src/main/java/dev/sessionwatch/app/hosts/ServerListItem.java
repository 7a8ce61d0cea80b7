package dev.sessionwatch.app.hosts;

import dev.sessionwatch.app.fleet.Host;
import dev.sessionwatch.app.fleet.HostStatus;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One entry of the server list: "All servers", or one host with its status, latency, last refresh
 * and session counts, in words. The same entry stays in the list while its host does, so the list
 * keeps it selected; its text follows the host.
 */
public final class ServerListItem {
  private final Host host;
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
  private final ReadOnlyObjectWrapper<HostStatus.State> state =
      new ReadOnlyObjectWrapper<>(this, "state");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status");
  private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail");
  private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper(this, "counts");

  ServerListItem(Host host) {
    this.host = host;
    title.set(host == null ? "All servers" : host.name());
  }

  /** The host, or null for "All servers". */
  public Host host() {
    return host;
  }

  public boolean isAllServers() {
    return host == null;
  }

  /** A simulated server, marked "demo". */
  public boolean isDemo() {
    return host != null && host.demo();
  }

  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  /** The host's state; null for "All servers". */
  public ReadOnlyObjectProperty<HostStatus.State> stateProperty() {
    return state.getReadOnlyProperty();
  }

  /** {@code online}, {@code unreachable}, or for all servers {@code 2 of 3 online}. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** Latency and last refresh, or why the host is not online. */
  public ReadOnlyStringProperty detailProperty() {
    return detail.getReadOnlyProperty();
  }

  /** {@code Panel 2 · FTP 5 · Terminal 1}. */
  public ReadOnlyStringProperty countsProperty() {
    return counts.getReadOnlyProperty();
  }

  void show(HostStatus.State newState, String newStatus, String newDetail, String newCounts) {
    state.set(newState);
    status.set(newStatus);
    detail.set(newDetail);
    counts.set(newCounts);
  }

  @Override
  public String toString() {
    return "ServerListItem[" + title.get() + "]";
  }
}
