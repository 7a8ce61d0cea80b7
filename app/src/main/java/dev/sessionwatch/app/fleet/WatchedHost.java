package dev.sessionwatch.app.fleet;

import dev.sessionwatch.app.agent.AgentEndpoint;
import java.util.Objects;

/**
 * A server to watch: the name the console shows and where its agent answers.
 *
 * @param demo a simulated server inside the console, marked as such and never saved
 */
public record WatchedHost(String name, AgentEndpoint endpoint, boolean demo) {
  public WatchedHost {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(endpoint, "endpoint");
  }

  /** A real server. */
  public WatchedHost(String name, AgentEndpoint endpoint) {
    this(name, endpoint, false);
  }
}
