package dev.sessionwatch.app.fleet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableListBase;

/**
 * The fleet's hosts, in the order added, where a change of a host's status, refresh time or sources
 * is an update of the list. Each host's place is kept, so an update costs no search (a list with an
 * extractor looks for the host among all of them on every change); between {@link #hold} and {@link
 * #release} updates are gathered and announced as one, so that a round of 500 answers reaches the
 * server list once, not 500 times. Use it on the FX thread only.
 */
final class HostList extends ObservableListBase<Host> {
  private final List<Host> hosts = new ArrayList<>();
  private final Map<Host, Integer> places = new HashMap<>();
  private final Map<Host, ChangeListener<Object>> listeners = new HashMap<>();

  /** The hosts updated since {@link #hold}; null when each update is announced at once. */
  private Set<Host> held;

  @Override
  public Host get(int index) {
    return hosts.get(index);
  }

  @Override
  public int size() {
    return hosts.size();
  }

  @Override
  public int indexOf(Object host) {
    return places.getOrDefault(host, -1);
  }

  @Override
  public boolean contains(Object host) {
    return places.containsKey(host);
  }

  /** Appends {@code host}. */
  void append(Host host) {
    beginChange();
    try {
      hosts.add(host);
      places.put(host, hosts.size() - 1);
      follow(host);
      nextAdd(hosts.size() - 1, hosts.size());
    } finally {
      endChange();
    }
  }

  /** Puts {@code replacement} in the place of {@code host}, which must be here. */
  void replace(Host host, Host replacement) {
    int place = indexOf(host);
    beginChange();
    try {
      unfollow(host);
      places.remove(host);
      hosts.set(place, replacement);
      places.put(replacement, place);
      follow(replacement);
      nextSet(place, host);
    } finally {
      endChange();
    }
  }

  /** Removes {@code host}; false when it was not here. */
  boolean drop(Host host) {
    Integer place = places.remove(host);
    if (place == null) {
      return false;
    }
    beginChange();
    try {
      unfollow(host);
      hosts.remove((int) place);
      for (int index = place; index < hosts.size(); index++) {
        places.put(hosts.get(index), index);
      }
      nextRemove(place, host);
    } finally {
      endChange();
    }
    return true;
  }

  /** Gathers updates from now on, until {@link #release}. */
  void hold() {
    held = new LinkedHashSet<>();
  }

  /** Announces the updates gathered since {@link #hold} as one, and each at once again. */
  void release() {
    Set<Host> gathered = held;
    held = null;
    if (gathered == null || gathered.isEmpty()) {
      return;
    }
    int[] updated =
        gathered.stream().mapToInt(this::indexOf).filter(place -> place >= 0).sorted().toArray();
    beginChange();
    try {
      // Ascending, so that JavaFX's change builder appends each rather than inserting it.
      for (int place : updated) {
        nextUpdate(place);
      }
    } finally {
      endChange();
    }
  }

  private void updated(Host host) {
    if (held != null) {
      held.add(host);
      return;
    }
    beginChange();
    try {
      nextUpdate(indexOf(host));
    } finally {
      endChange();
    }
  }

  private void follow(Host host) {
    ChangeListener<Object> listener =
        (ObservableValue<?> value, Object was, Object is) -> updated(host);
    listeners.put(host, listener);
    host.statusProperty().addListener(listener);
    host.lastRefreshProperty().addListener(listener);
    host.sourcesProperty().addListener(listener);
  }

  private void unfollow(Host host) {
    ChangeListener<Object> listener = Objects.requireNonNull(listeners.remove(host), "listener");
    host.statusProperty().removeListener(listener);
    host.lastRefreshProperty().removeListener(listener);
    host.sourcesProperty().removeListener(listener);
  }
}
