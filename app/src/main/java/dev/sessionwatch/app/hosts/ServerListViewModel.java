package dev.sessionwatch.app.hosts;

import dev.sessionwatch.app.fleet.Host;
import dev.sessionwatch.app.fleet.HostStatus;
import dev.sessionwatch.app.fleet.SessionRow;
import dev.sessionwatch.protocol.SessionKind;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The server list beside the tables: "All servers" and each host with its state and counts, and
 * which hosts the user selected. The tables show the sessions of the selected hosts only, through
 * {@link #visibleSessions}; no host selected (or "All servers") shows every host. Knows no
 * controls; use it on the FX thread.
 */
public final class ServerListViewModel {
  private static final Map<SessionKind, String> KIND_LABELS =
      Map.of(SessionKind.PANEL, "Panel", SessionKind.FTP, "FTP", SessionKind.TERMINAL, "Terminal");

  private final ObservableList<Host> hosts;
  private final Map<SessionKind, ObservableList<SessionRow>> sessions;
  private final DateTimeFormatter timeFormat;
  private final ServerListItem allServers = new ServerListItem(null);
  private final Map<Host, ServerListItem> itemsByHost = new HashMap<>();
  private final Map<Host, Map<SessionKind, Integer>> counts = new HashMap<>();

  /** The hosts shown online: kept as each is shown, so the total is not counted at every answer. */
  private final Set<Host> onlineHosts = new HashSet<>();

  private final ObservableList<ServerListItem> items = FXCollections.observableArrayList();
  private final ObservableList<ServerListItem> readOnlyItems =
      FXCollections.unmodifiableObservableList(items);
  private final FilteredList<Host> visibleHosts;
  private final Map<SessionKind, FilteredList<SessionRow>> visibleSessions =
      new EnumMap<>(SessionKind.class);
  private final ReadOnlyObjectWrapper<Host> selectedHost =
      new ReadOnlyObjectWrapper<>(this, "selectedHost");
  private Set<Host> selected = Set.of();

  /**
   * @param hosts the fleet's hosts; a change of a host's status is an update of this list
   * @param sessions the fleet's sessions of each kind
   * @param zone where refresh times are shown
   */
  public ServerListViewModel(
      ObservableList<Host> hosts,
      Map<SessionKind, ObservableList<SessionRow>> sessions,
      ZoneId zone) {
    this.hosts = Objects.requireNonNull(hosts, "hosts");
    this.sessions = Map.copyOf(sessions);
    this.timeFormat = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone);
    this.visibleHosts = new FilteredList<>(hosts);
    for (SessionKind kind : SessionKind.values()) {
      visibleSessions.put(kind, new FilteredList<>(sessions.get(kind)));
    }
    sessions.forEach(
        (kind, rows) -> {
          for (SessionRow row : rows) {
            count(row.host(), kind, 1);
          }
        });
    // Change listeners, not invalidation ones: those run before any change listener, so before
    // the filtered lists above have seen the change, and refresh() may set their predicates.
    hosts.addListener(this::hostsChanged);
    this.sessions.forEach(
        (kind, list) ->
            list.addListener(
                (ListChangeListener<SessionRow>) change -> sessionsChanged(kind, change)));
    refresh();
  }

  /** A host's status or refresh time changed: only its entry is shown again. */
  private void hostsChanged(ListChangeListener.Change<? extends Host> change) {
    boolean onlyUpdates = true;
    List<Host> updated = new ArrayList<>();
    while (change.next()) {
      if (change.wasUpdated()) {
        updated.addAll(change.getList().subList(change.getFrom(), change.getTo()));
      } else {
        onlyUpdates = false;
      }
    }
    if (!onlyUpdates) {
      refresh();
      return;
    }
    for (Host host : updated) {
      showHost(itemsByHost.get(host), host);
    }
    showAllServers();
  }

  /**
   * Counts the rows added and removed; a refresh that only updated rows changes no count and costs
   * nothing here.
   */
  private void sessionsChanged(
      SessionKind kind, ListChangeListener.Change<? extends SessionRow> change) {
    Set<Host> touched = new LinkedHashSet<>();
    while (change.next()) {
      for (SessionRow row : change.getRemoved()) {
        count(row.host(), kind, -1);
        touched.add(row.host());
      }
      for (SessionRow row : change.getAddedSubList()) {
        count(row.host(), kind, 1);
        touched.add(row.host());
      }
    }
    if (touched.isEmpty()) {
      return;
    }
    for (Host host : touched) {
      ServerListItem item = itemsByHost.get(host);
      if (item != null) {
        showHost(item, host);
      }
    }
    showAllServers();
  }

  private void count(Host host, SessionKind kind, int delta) {
    Map<SessionKind, Integer> ofHost =
        counts.computeIfAbsent(host, key -> new EnumMap<>(SessionKind.class));
    if (ofHost.merge(kind, delta, Integer::sum) == 0) {
      ofHost.remove(kind);
      if (ofHost.isEmpty()) {
        counts.remove(host);
      }
    }
  }

  /** "All servers" first, then each host in fleet order. */
  public ObservableList<ServerListItem> items() {
    return readOnlyItems;
  }

  public ServerListItem allServers() {
    return allServers;
  }

  /** The entry of {@code host}, or null when it is not in the list. */
  public ServerListItem itemOf(Host host) {
    return itemsByHost.get(host);
  }

  /**
   * Takes the entries the user selected. "All servers" among them, or none at all, shows every
   * host.
   */
  public void select(Collection<ServerListItem> selection) {
    Set<Host> chosen = new LinkedHashSet<>();
    if (!selection.contains(allServers)) {
      selection.stream()
          .filter(Objects::nonNull)
          .map(ServerListItem::host)
          .filter(hosts::contains)
          .forEach(chosen::add);
    }
    selected = Set.copyOf(chosen);
    selectedHost.set(chosen.size() == 1 ? chosen.iterator().next() : null);
    Predicate<Host> shown = host -> selected.isEmpty() || selected.contains(host);
    visibleHosts.setPredicate(shown);
    visibleSessions.values().forEach(list -> list.setPredicate(row -> shown.test(row.host())));
  }

  /** The hosts the user selected; empty for all of them. */
  public Set<Host> selectedHosts() {
    return selected;
  }

  /** The one host selected, for Edit and Remove; null for none, several, or all. */
  public ReadOnlyObjectProperty<Host> selectedHostProperty() {
    return selectedHost.getReadOnlyProperty();
  }

  /** The hosts the tables show: the selected ones, or all. */
  public ObservableList<Host> visibleHosts() {
    return visibleHosts;
  }

  /** The sessions of {@code kind} the tables show: those of the selected hosts, or all. */
  public ObservableList<SessionRow> visibleSessions(SessionKind kind) {
    return visibleSessions.get(kind);
  }

  private void refresh() {
    List<ServerListItem> wanted = new ArrayList<>();
    wanted.add(allServers);
    Map<Host, ServerListItem> kept = new HashMap<>();
    for (Host host : hosts) {
      ServerListItem item = itemsByHost.get(host);
      kept.put(host, item != null ? item : new ServerListItem(host));
      wanted.add(kept.get(host));
    }
    itemsByHost.clear();
    itemsByHost.putAll(kept);
    onlineHosts.retainAll(kept.keySet());
    if (!items.equals(wanted)) {
      items.setAll(wanted);
    }
    if (selected.stream().anyMatch(host -> !kept.containsKey(host))) {
      select(selected.stream().map(kept::get).filter(Objects::nonNull).toList());
    }
    for (Host host : hosts) {
      showHost(itemsByHost.get(host), host);
    }
    showAllServers();
  }

  private void showHost(ServerListItem item, Host host) {
    HostStatus status = host.status();
    if (status.isOnline()) {
      onlineHosts.add(host);
    } else {
      onlineHosts.remove(host);
    }
    String detail =
        switch (status.state()) {
          case CONNECTING -> "waiting for the first answer";
          case ONLINE -> onlineDetail(host);
          case UNREACHABLE, UNAUTHORIZED, AGENT_ERROR, UNTRUSTED, CERTIFICATE_CHANGED ->
              failureDetail(host);
        };
    String countText = status.isOnline() ? countsText(counts.getOrDefault(host, Map.of())) : "";
    item.show(status.state(), status.state().label(), detail, countText);
  }

  private String onlineDetail(Host host) {
    Duration latency = host.latencyProperty().get();
    Instant refreshed = host.lastRefreshProperty().get();
    String text = latency == null ? "" : latency.toMillis() + " ms";
    if (refreshed != null) {
      text += (text.isEmpty() ? "" : " · ") + "refreshed " + timeFormat.format(refreshed);
    }
    return text;
  }

  private String failureDetail(Host host) {
    String reason = host.status().detail() == null ? "" : host.status().detail();
    Instant refreshed = host.lastRefreshProperty().get();
    return refreshed == null
        ? reason
        : reason + (reason.isEmpty() ? "" : " · ") + "last answer " + timeFormat.format(refreshed);
  }

  private void showAllServers() {
    int online = onlineHosts.size();
    Map<SessionKind, Integer> totals = new EnumMap<>(SessionKind.class);
    sessions.forEach((kind, rows) -> totals.put(kind, rows.size()));
    String status = hosts.isEmpty() ? "no servers" : online + " of " + hosts.size() + " online";
    allServers.show(null, status, "", countsText(totals));
  }

  private static String countsText(Map<SessionKind, Integer> counts) {
    List<String> parts = new ArrayList<>();
    for (SessionKind kind : SessionKind.values()) {
      parts.add(KIND_LABELS.get(kind) + " " + counts.getOrDefault(kind, 0));
    }
    return String.join(" · ", parts);
  }
}
