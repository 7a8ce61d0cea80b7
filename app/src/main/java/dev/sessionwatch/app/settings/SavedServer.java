package dev.sessionwatch.app.settings;

import java.net.URI;
import java.util.Objects;

/**
 * A server the user added: the name the console shows, where its agent answers, and the token the
 * console shows it.
 *
 * @param token the bearer token; never printed, see {@link #toString()}
 */
public record SavedServer(String name, URI agentUrl, String token) {
  public SavedServer {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(agentUrl, "agentUrl");
    Objects.requireNonNull(token, "token");
  }

  /** Name and address only: a token must never reach a log or a screen. */
  @Override
  public String toString() {
    return "SavedServer[" + name + " " + agentUrl + "]";
  }
}
