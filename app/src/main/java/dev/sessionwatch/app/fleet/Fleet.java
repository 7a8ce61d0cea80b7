package dev.sessionwatch.app.fleet;

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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
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
 * on that host's sessions, not on the fleet's; answers applied {@link #together} reach each list as
 * one change, so that the views and tables handle a whole round of answers once.
 */
public final class Fleet {
  private final Clock clock;
  private final HostList hosts = new HostList();
  private final ObservableList<Host> readOnlyHosts =
      FXCollections.unmodifiableObservableList(hosts);
  private final Map<SessionKind, SessionRowList> rows = new EnumMap<>(SessionKind.class);

  /** Every host's rows; a host is in the fleet while it is here. */
  private final Map<Host, HostRows> rowsByHost = new HashMap<>();

  private final Map<SessionKind, ObservableList<SessionRow>> readOnlyRows =
      new EnumMap<>(SessionKind.class);
  private boolean holding;

  /** Counts the listings merged, so that a merge tells the rows it saw from the others. */
  private long listings;

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
    hosts.append(host);
    rowsByHost.put(host, new HostRows());
    return host;
  }

  /**
   * Puts a new host in {@code old}'s place, e.g. after the user changed its address: the old one's
   * sessions go, the new one has not answered yet.
   */
  public Host replaceHost(Host old, String name, boolean demo) {
    Host host = new Host(name, demo);
    if (hosts.contains(old)) {
      dropRows(old);
      rowsByHost.remove(old);
      hosts.replace(old, host);
    } else {
      hosts.append(host);
    }
    rowsByHost.put(host, new HostRows());
    return host;
  }

  /** Stops showing a host and its sessions; an answer still under way for it is dropped. */
  public void removeHost(Host host) {
    if (hosts.drop(host)) {
      dropRows(host);
      rowsByHost.remove(host);
    }
  }

  /**
   * Takes a host's answer: its status, and on success its sessions. A host that failed shows no
   * sessions rather than stale ones; the others are not touched.
   */
  public void apply(Host host, AgentResponse<SessionSnapshot> response) {
    apply(host, response, null);
  }

  /**
   * Takes a host's answer, and with a listing what changed in it: when the host's rows show the
   * listing those changes start from, only the changed rows are touched, else every row is brought
   * to the listing.
   *
   * @param changes what changed since the poller's previous listing; null when unknown
   */
  public void apply(Host host, AgentResponse<SessionSnapshot> response, ListingChanges changes) {
    HostRows shown = rowsByHost.get(host);
    if (shown == null) {
      return; // removed while its request was under way
    }
    if (response instanceof AgentResponse.Success<SessionSnapshot> success) {
      SessionSnapshot snapshot = success.value();
      boolean wasOnline = host.status().isOnline();
      host.answered(onlineStatus(snapshot), success.latency(), clock.instant());
      if (wasOnline && !snapshot.modified()) {
        return; // a 304: the rows already show this list, and its clock
      }
      host.listedAt(snapshot.clock());
      // Sessions of a host's first answer (or first after a failure) were not seen arriving.
      Instant arrivedAt = wasOnline ? clock.instant() : null;
      if (changes != null && changes.base() == shown.listing) {
        takeChanges(host, shown, changes, arrivedAt);
      } else {
        merge(host, shown, snapshot.list().sessions(), arrivedAt);
      }
      shown.listing = changes == null ? HostRows.UNNUMBERED : changes.number();
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
   * Runs {@code answers}, which applies answers to the fleet, announcing what they change in the
   * hosts and in each list of sessions as one change of each at the end.
   */
  public void together(Runnable answers) {
    if (holding) {
      answers.run();
      return;
    }
    holding = true;
    hosts.hold();
    rows.values().forEach(SessionRowList::hold);
    try {
      answers.run();
    } finally {
      holding = false;
      hosts.release();
      rows.values().forEach(SessionRowList::release);
    }
  }

  /**
   * Takes what a host's agent says of itself: which of its sources work, and what the console's
   * token may do there.
   */
  public void apply(Host host, HostInfo info) {
    if (rowsByHost.containsKey(host)) {
      host.described(info);
    }
  }

  /**
   * Brings {@code host}'s rows to {@code listed}: updates the rows of sessions still there, removes
   * the others, appends rows for new ones, as one change of each list. A session listed twice is
   * taken as first listed.
   */
  private void merge(Host host, HostRows shown, List<Session> listed, Instant arrivedAt) {
    Map<SessionKind, RowChanges> changes = new EnumMap<>(SessionKind.class);
    long listing = ++listings;
    for (Session session : listed) {
      SessionRow row = shown.byId.get(session.id());
      if (row == null || row.listedIn != listing) {
        take(host, shown, session, arrivedAt, changes).listedIn = listing;
      }
    }
    for (Iterator<SessionRow> rowsOfHost = shown.byId.values().iterator(); rowsOfHost.hasNext(); ) {
      SessionRow row = rowsOfHost.next();
      if (row.listedIn != listing) {
        rowsOfHost.remove();
        changesOf(changes, row).removed.add(row);
      }
    }
    announce(changes);
  }

  /** Touches only the rows of the sessions that {@code listed} says changed or went. */
  private void takeChanges(Host host, HostRows shown, ListingChanges listed, Instant arrivedAt) {
    Map<SessionKind, RowChanges> changes = new EnumMap<>(SessionKind.class);
    for (String id : listed.gone()) {
      SessionRow row = shown.byId.remove(id);
      if (row != null) {
        changesOf(changes, row).removed.add(row);
      }
    }
    for (Session session : listed.changed()) {
      take(host, shown, session, arrivedAt, changes);
    }
    announce(changes);
  }

  /**
   * Brings the row of {@code session} to it: updated when it changed, new when there was none (or
   * one of another kind), recorded in {@code changes}.
   *
   * @return the session's row
   */
  private static SessionRow take(
      Host host,
      HostRows shown,
      Session session,
      Instant arrivedAt,
      Map<SessionKind, RowChanges> changes) {
    SessionRow row = shown.byId.get(session.id());
    if (row != null && row.session().kind() == session.kind()) {
      if (row.update(session)) {
        changesOf(changes, row).updated.add(row);
      }
      return row;
    }
    if (row != null) {
      changesOf(changes, row).removed.add(row);
    }
    SessionRow added = new SessionRow(host, session, arrivedAt);
    shown.byId.put(session.id(), added);
    changesOf(changes, added).added.add(added);
    return added;
  }

  private void announce(Map<SessionKind, RowChanges> changes) {
    changes.forEach(
        (kind, change) -> rows.get(kind).change(change.removed, change.updated, change.added));
  }

  private static RowChanges changesOf(Map<SessionKind, RowChanges> changes, SessionRow row) {
    return changes.computeIfAbsent(row.session().kind(), kind -> new RowChanges());
  }

  /** A host's rows by session id, and the number of the listing they show. */
  private static final class HostRows {
    /** Rows brought to a listing that came without a number. */
    static final long UNNUMBERED = -1;

    final Map<String, SessionRow> byId = new HashMap<>();

    /** 0, the number before any listing, while there are no rows yet. */
    long listing;
  }

  /** What one answer changes in the list of one kind. */
  private record RowChanges(
      List<SessionRow> removed, List<SessionRow> updated, List<SessionRow> added) {
    RowChanges() {
      this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }
  }

  /** Removes every row of {@code host}, which then shows no listing. */
  private void dropRows(Host host) {
    HostRows shown = rowsByHost.put(host, new HostRows());
    Map<SessionKind, RowChanges> changes = new EnumMap<>(SessionKind.class);
    shown.byId.values().forEach(row -> changesOf(changes, row).removed.add(row));
    announce(changes);
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
