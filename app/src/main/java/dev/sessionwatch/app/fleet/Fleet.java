package dev.sessionwatch.app.fleet;

import dev.sessionwatch.app.agent.AgentClock;
import dev.sessionwatch.app.agent.AgentResponse;
import dev.sessionwatch.app.agent.SessionSnapshot;
import dev.sessionwatch.protocol.HostInfo;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionKind;
import dev.sessionwatch.protocol.SourceError;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The servers the console watches and their sessions, one observable list per kind. Views bind to
 * it; pollers hand it their answers. Use it on the FX thread only.
 *
 * <p>Rows are updated in place by {@link SessionKey}: an unchanged session keeps its row object, a
 * changed one is updated, a gone one removed, a new one appended. The lists are never cleared and
 * refilled, so selection, scroll position and sort order survive a refresh. One host's answer
 * reaches each list as one change, and finds the host's rows through an index, so its cost depends
 * on that host's sessions, not on the fleet's.
 */
public final class Fleet {
  private final Clock clock;
  private final ObservableList<Host> hosts =
      FXCollections.observableArrayList(
          host ->
              new Observable[] {
                host.statusProperty(), host.lastRefreshProperty(), host.sourcesProperty()
              });
  private final ObservableList<Host> readOnlyHosts =
      FXCollections.unmodifiableObservableList(hosts);
  private final Map<SessionKind, SessionRowList> rows = new EnumMap<>(SessionKind.class);
  private final Map<Host, Map<SessionKind, Map<String, SessionRow>>> rowsByHost = new HashMap<>();
  private final Map<SessionKind, ObservableList<SessionRow>> readOnlyRows =
      new EnumMap<>(SessionKind.class);

  /**
   * @param clock the console's clock, for each host's last refresh time
   */
  public Fleet(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    for (SessionKind kind : SessionKind.values()) {
      // A row whose session changed is an update of the list: sorted and filtered views follow.
      SessionRowList list = new SessionRowList();
      rows.put(kind, list);
      readOnlyRows.put(kind, FXCollections.unmodifiableObservableList(list));
    }
  }

  /**
   * The hosts, in the order added; a change of a host's status, refresh time or sources is an
   * update of the list.
   */
  public ObservableList<Host> hosts() {
    return readOnlyHosts;
  }

  /** Every host's sessions of one kind. */
  public ObservableList<SessionRow> sessions(SessionKind kind) {
    return readOnlyRows.get(kind);
  }

  /** Adds a real host that has not answered yet. */
  public Host addHost(String name) {
    return addHost(name, false);
  }

  /**
   * Adds a host that has not answered yet.
   *
   * @param demo a simulated host inside the console
   */
  public Host addHost(String name, boolean demo) {
    Host host = new Host(name, demo);
    hosts.add(host);
    return host;
  }

  /**
   * Puts a new host in {@code old}'s place, e.g. after the user changed its address: the old one's
   * sessions go, the new one has not answered yet.
   */
  public Host replaceHost(Host old, String name, boolean demo) {
    Host host = new Host(name, demo);
    int index = hosts.indexOf(old);
    if (index < 0) {
      hosts.add(host);
    } else {
      dropRows(old);
      hosts.set(index, host);
    }
    return host;
  }

  /** Stops showing a host and its sessions; an answer still under way for it is dropped. */
  public void removeHost(Host host) {
    if (hosts.remove(host)) {
      dropRows(host);
    }
  }

  /**
   * Takes a host's answer: its status, and on success its sessions. A host that failed shows no
   * sessions rather than stale ones; the others are not touched.
   */
  public void apply(Host host, AgentResponse<SessionSnapshot> response) {
    if (!hosts.contains(host)) {
      return; // removed while its request was under way
    }
    if (response instanceof AgentResponse.Success<SessionSnapshot> success) {
      SessionSnapshot snapshot = success.value();
      boolean wasOnline = host.status().isOnline();
      host.answered(onlineStatus(snapshot), success.latency(), clock.instant());
      if (wasOnline && !snapshot.modified()) {
        return; // a 304: the rows already show this list, and its clock
      }
      // Sessions of a host's first answer (or first after a failure) were not seen arriving.
      Instant arrivedAt = wasOnline ? clock.instant() : null;
      Map<SessionKind, Map<String, Session>> listed = byKindAndId(snapshot);
      for (SessionKind kind : SessionKind.values()) {
        merge(kind, host, listed.get(kind), snapshot.clock(), arrivedAt);
      }
    } else {
      host.failed(
          failureStatus(response),
          response instanceof AgentResponse.Untrusted<SessionSnapshot> untrusted
              ? untrusted.presented()
              : null);
      dropRows(host);
    }
  }

  /**
   * Takes what a host's agent says of itself: which of its sources work, and what the console's
   * token may do there.
   */
  public void apply(Host host, HostInfo info) {
    if (hosts.contains(host)) {
      host.described(info);
    }
  }

  private static Map<SessionKind, Map<String, Session>> byKindAndId(SessionSnapshot snapshot) {
    Map<SessionKind, Map<String, Session>> byKind = new EnumMap<>(SessionKind.class);
    for (SessionKind kind : SessionKind.values()) {
      byKind.put(kind, new LinkedHashMap<>());
    }
    for (Session session : snapshot.list().sessions()) {
      byKind.get(session.kind()).put(session.id(), session);
    }
    return byKind;
  }

  /**
   * Brings {@code host}'s rows of {@code kind} to {@code listed}: updates the rows of sessions
   * still there, removes the others, appends rows for new ones, as one change of the list.
   */
  private void merge(
      SessionKind kind,
      Host host,
      Map<String, Session> listed,
      AgentClock clock,
      Instant arrivedAt) {
    Map<String, SessionRow> known = rowsOf(host, kind);
    List<SessionRow> removed = new ArrayList<>();
    List<SessionRow> updated = new ArrayList<>();
    for (Iterator<SessionRow> rowsOfHost = known.values().iterator(); rowsOfHost.hasNext(); ) {
      SessionRow row = rowsOfHost.next();
      Session fresh = listed.get(row.key().sessionId());
      if (fresh == null) {
        removed.add(row);
        rowsOfHost.remove();
      } else if (row.update(fresh, clock)) {
        updated.add(row);
      }
    }
    List<SessionRow> added = new ArrayList<>();
    for (Session session : listed.values()) {
      if (!known.containsKey(session.id())) {
        SessionRow row = new SessionRow(host, session, clock, arrivedAt);
        known.put(session.id(), row);
        added.add(row);
      }
    }
    rows.get(kind).change(removed, updated, added);
  }

  private Map<String, SessionRow> rowsOf(Host host, SessionKind kind) {
    return rowsByHost
        .computeIfAbsent(host, key -> new EnumMap<>(SessionKind.class))
        .computeIfAbsent(kind, key -> new HashMap<>());
  }

  /** Removes every row of {@code host}. */
  private void dropRows(Host host) {
    Map<SessionKind, Map<String, SessionRow>> byKind = rowsByHost.remove(host);
    if (byKind != null) {
      byKind.forEach((kind, known) -> rows.get(kind).change(known.values(), List.of(), List.of()));
    }
  }

  private static HostStatus onlineStatus(SessionSnapshot snapshot) {
    List<SourceError> errors = snapshot.list().errors();
    String detail =
        errors.isEmpty()
            ? null
            : errors.stream()
                .map(error -> error.source() + ": " + error.message())
                .collect(Collectors.joining("; "));
    return new HostStatus(HostStatus.State.ONLINE, detail);
  }

  private static HostStatus failureStatus(AgentResponse<SessionSnapshot> response) {
    if (response instanceof AgentResponse.Unreachable<SessionSnapshot> unreachable) {
      return new HostStatus(HostStatus.State.UNREACHABLE, unreachable.reason());
    }
    if (response instanceof AgentResponse.Unauthorized<SessionSnapshot> unauthorized) {
      return new HostStatus(HostStatus.State.UNAUTHORIZED, unauthorized.message());
    }
    if (response instanceof AgentResponse.AgentError<SessionSnapshot> error) {
      return new HostStatus(
          HostStatus.State.AGENT_ERROR, "HTTP " + error.status() + ": " + error.message());
    }
    if (response instanceof AgentResponse.Malformed<SessionSnapshot> malformed) {
      return new HostStatus(HostStatus.State.AGENT_ERROR, malformed.detail());
    }
    if (response instanceof AgentResponse.Untrusted<SessionSnapshot> untrusted) {
      return untrusted.presented().changed()
          ? new HostStatus(
              HostStatus.State.CERTIFICATE_CHANGED, "refused: not the certificate you trusted")
          : new HostStatus(HostStatus.State.UNTRUSTED, "trust its certificate to connect");
    }
    throw new IllegalArgumentException("not a failure: " + response);
  }
}
