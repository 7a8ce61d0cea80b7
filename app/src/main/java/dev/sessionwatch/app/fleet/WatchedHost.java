package dev.sessionwatch.app.fleet;

import dev.sessionwatch.app.agent.AgentEndpoint;
import java.util.Objects;

/** A server to watch: the name the console shows and where its agent answers. */
public record WatchedHost(String name, AgentEndpoint endpoint) {
  public WatchedHost {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(endpoint, "endpoint");
  }
}
