package dev.sessionwatch.app.settings;

import dev.sessionwatch.protocol.SessionKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the console remembers between runs. Immutable: a change is a new instance, made by the
 * {@code with...} methods.
 *
 * @param servers the servers the user added, in list order; demo servers are never among them
 * @param refreshSeconds how often every server is polled; 0 for off
 * @param timeoutSeconds how long one request to a server may take before it counts as unreachable
 * @param idleMinutes sessions idle at least this long are marked
 * @param tableLayouts each table's columns as the user arranged them; a table not here has its
 *     default layout
 * @param window the main window's size
 */
public record Settings(
    List<SavedServer> servers,
    int refreshSeconds,
    int timeoutSeconds,
    int idleMinutes,
    Map<SessionKind, TableLayout> tableLayouts,
    WindowSize window) {

  /** The auto-refresh intervals the console offers, in seconds; 0 is off. */
  public static final List<Integer> REFRESH_CHOICES = List.of(0, 2, 5, 10, 30, 60);

  /** The idle thresholds the console offers, in minutes. */
  public static final List<Integer> IDLE_CHOICES = List.of(5, 15, 30, 60);

  public static final int DEFAULT_REFRESH_SECONDS = 5;
  public static final int DEFAULT_TIMEOUT_SECONDS = 4;
  public static final int DEFAULT_IDLE_MINUTES = 15;

  public Settings {
    servers = servers == null ? List.of() : List.copyOf(servers);
    tableLayouts = tableLayouts == null || tableLayouts.isEmpty() ? Map.of() : copy(tableLayouts);
    window = window == null ? WindowSize.DEFAULT : window;
  }

  public static Settings defaults() {
    return new Settings(
        List.of(),
        DEFAULT_REFRESH_SECONDS,
        DEFAULT_TIMEOUT_SECONDS,
        DEFAULT_IDLE_MINUTES,
        Map.of(),
        WindowSize.DEFAULT);
  }

  /**
   * What is wrong with these settings, in words naming the field; empty when nothing is. A file
   * whose settings are not valid is treated like a corrupt one.
   */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (!REFRESH_CHOICES.contains(refreshSeconds)) {
      problems.add("refreshSeconds must be one of " + REFRESH_CHOICES + ", was " + refreshSeconds);
    }
    if (timeoutSeconds < 1 || timeoutSeconds > 300) {
      problems.add("timeoutSeconds must be 1 to 300, was " + timeoutSeconds);
    }
    if (idleMinutes < 1) {
      problems.add("idleMinutes must be at least 1, was " + idleMinutes);
    }
    Set<String> names = new HashSet<>();
    for (SavedServer server : servers) {
      if (server.name().isBlank() || !names.add(server.name())) {
        problems.add("server names must be present and unique: '" + server.name() + "'");
      }
    }
    return problems;
  }

  public Settings withServers(List<SavedServer> newServers) {
    return new Settings(
        newServers, refreshSeconds, timeoutSeconds, idleMinutes, tableLayouts, window);
  }

  public Settings withRefreshSeconds(int seconds) {
    return new Settings(servers, seconds, timeoutSeconds, idleMinutes, tableLayouts, window);
  }

  public Settings withIdleMinutes(int minutes) {
    return new Settings(servers, refreshSeconds, timeoutSeconds, minutes, tableLayouts, window);
  }

  public Settings withTableLayout(SessionKind kind, TableLayout layout) {
    Map<SessionKind, TableLayout> layouts = new EnumMap<>(SessionKind.class);
    layouts.putAll(tableLayouts);
    layouts.put(kind, Objects.requireNonNull(layout, "layout"));
    return new Settings(servers, refreshSeconds, timeoutSeconds, idleMinutes, layouts, window);
  }

  public Settings withWindow(WindowSize newWindow) {
    return new Settings(
        servers, refreshSeconds, timeoutSeconds, idleMinutes, tableLayouts, newWindow);
  }

  private static Map<SessionKind, TableLayout> copy(Map<SessionKind, TableLayout> layouts) {
    Map<SessionKind, TableLayout> copy = new EnumMap<>(SessionKind.class);
    layouts.forEach(
        (kind, layout) -> {
          if (kind != null && layout != null) {
            copy.put(kind, layout);
          }
        });
    return Collections.unmodifiableMap(copy);
  }
}
