package dev.sessionwatch.app.actions;

import dev.sessionwatch.app.fleet.Host;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One action the operator is about to take, on one session as it was shown when they chose it.
 *
 * @param session the session as listed when the action was chosen; its id is what the agent gets
 */
public record PlannedAction(Host host, Session session, SessionAction action) {
  public PlannedAction {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(action, "action");
  }

  /**
   * The session in words, so the operator knows which one they are about to end: {@code web01 ·
   * alice from 203.0.113.7 · terminal pts/0, active}.
   */
  public String describe() {
    String user = session.user() != null ? session.user() : "unknown user";
    String address =
        session.clientAddress() != null ? session.clientAddress() : session.remoteHost();
    String who = address == null ? user : user + " from " + address;
    return host.name() + " · " + who + " · " + doing();
  }

  /** What the session is doing, from the fields its kind has: where, then what. */
  private String doing() {
    String where =
        switch (session.kind()) {
          case PANEL -> session.panel() != null ? session.panel() + " panel" : "control panel";
          case FTP -> session.domain() != null ? "FTP " + session.domain() : "FTP";
          case TERMINAL -> session.line() != null ? "terminal " + session.line() : "terminal";
        };
    List<String> what = new ArrayList<>();
    switch (session.kind()) {
      case PANEL -> addIfKnown(what, session.userType());
      case FTP -> {
        addIfKnown(what, session.state());
        addIfKnown(what, session.currentFile());
        if (session.currentCommand() != null) {
          what.add("(" + session.currentCommand() + ")");
        }
      }
      case TERMINAL -> addIfKnown(what, session.state());
    }
    return what.isEmpty() ? where : where + ", " + String.join(" ", what);
  }

  private static void addIfKnown(List<String> parts, String value) {
    if (value != null && !value.isBlank()) {
      parts.add(value);
    }
  }
}
