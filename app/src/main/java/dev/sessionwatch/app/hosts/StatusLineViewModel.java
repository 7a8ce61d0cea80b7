package dev.sessionwatch.app.hosts;

import dev.sessionwatch.app.fleet.Host;
import dev.sessionwatch.app.fleet.HostStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;

/**
 * The line under the tables: how many servers answer, when they last did, and what is wrong with
 * the others, in words.
 */
public final class StatusLineViewModel {
  private final DateTimeFormatter timeFormat;
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary");
  private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper(this, "problems");
  private final ReadOnlyBooleanWrapper hasProblems =
      new ReadOnlyBooleanWrapper(this, "hasProblems");

  /**
   * @param hosts the fleet's hosts; a change of a host's status is an update of this list
   * @param zone where the refresh time is shown
   */
  public StatusLineViewModel(ObservableList<Host> hosts, ZoneId zone) {
    this.timeFormat = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone);
    summary.bind(Bindings.createStringBinding(() -> summary(hosts), hosts));
    problems.bind(Bindings.createStringBinding(() -> problems(hosts), hosts));
    hasProblems.bind(problems.isNotEmpty());
  }

  /** {@code 2 of 3 servers online · last refresh 14:03:05}. */
  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  /** Each host that is not online, or whose sources failed, with the reason; empty when none. */
  public ReadOnlyStringProperty problemsProperty() {
    return problems.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty hasProblemsProperty() {
    return hasProblems.getReadOnlyProperty();
  }

  private String summary(List<Host> hosts) {
    long online = hosts.stream().filter(host -> host.status().isOnline()).count();
    String servers = hosts.size() == 1 ? "server" : "servers";
    String text = online + " of " + hosts.size() + " " + servers + " online";
    Instant lastRefresh =
        hosts.stream()
            .map(host -> host.lastRefreshProperty().get())
            .filter(Objects::nonNull)
            .max(Instant::compareTo)
            .orElse(null);
    if (lastRefresh != null) {
      text += " · last refresh " + timeFormat.format(lastRefresh);
    }
    return text;
  }

  private static String problems(List<Host> hosts) {
    return hosts.stream()
        .filter(host -> isProblem(host.status()))
        .map(host -> host.name() + ": " + problem(host.status()))
        .collect(Collectors.joining("; "));
  }

  /** For a host online, only what failed: its sources. */
  private static String problem(HostStatus status) {
    return status.isOnline() ? status.detail() : status.describe();
  }

  /** Not answering, refusing, failing, or answering with some of its sources failed. */
  private static boolean isProblem(HostStatus status) {
    return switch (status.state()) {
      case CONNECTING -> false;
      case ONLINE -> status.detail() != null;
      case UNREACHABLE, UNAUTHORIZED, AGENT_ERROR, UNTRUSTED, CERTIFICATE_CHANGED -> true;
    };
  }
}
