package dev.sessionwatch.app.fleet;

import java.util.Objects;

/**
 * How a host answered its last poll.
 *
 * @param detail why it is not online, or for an online host the sources that failed; null when
 *     there is nothing to add
 */
public record HostStatus(State state, String detail) {

  /** The states an operator tells apart at a glance. */
  public enum State {
    /** Not answered yet. */
    CONNECTING("connecting"),
    ONLINE("online"),
    UNREACHABLE("unreachable"),
    UNAUTHORIZED("unauthorised"),
    AGENT_ERROR("agent error"),
    /** An {@code https} agent whose certificate the operator has not trusted yet. */
    UNTRUSTED("certificate not trusted"),
    /** The agent presents another certificate than the one trusted: refused until accepted. */
    CERTIFICATE_CHANGED("certificate changed");

    private final String label;

    State(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public HostStatus {
    Objects.requireNonNull(state, "state");
  }

  public static HostStatus connecting() {
    return new HostStatus(State.CONNECTING, null);
  }

  public boolean isOnline() {
    return state == State.ONLINE;
  }

  /** {@code unreachable (connection refused by 10.0.0.5:7878)}. */
  public String describe() {
    return detail == null ? state.label() : state.label() + " (" + detail + ")";
  }
}
