package dev.sessionwatch.app.settings;

import dev.sessionwatch.app.agent.AgentEndpoint;
import dev.sessionwatch.app.agent.PinnedCertificate;
import java.net.URI;
import java.util.Objects;

/**
 * A server the user added: the name the console shows, where its agent answers, the token the
 * console shows it, and for an {@code https} agent the certificate the user trusted.
 *
 * @param token the bearer token; never printed, see {@link #toString()}
 * @param pin the agent's certificate as the user trusted it; null before that, and for {@code http}
 */
public record SavedServer(String name, URI agentUrl, String token, PinnedCertificate pin) {
  public SavedServer {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(agentUrl, "agentUrl");
    Objects.requireNonNull(token, "token");
  }

  /** A server whose certificate is not pinned (yet). */
  public SavedServer(String name, URI agentUrl, String token) {
    this(name, agentUrl, token, null);
  }

  /** The same server, trusting {@code newPin} from now on. */
  public SavedServer withPin(PinnedCertificate newPin) {
    return new SavedServer(name, agentUrl, token, newPin);
  }

  /** Where the console reaches the agent, with the token and pin. */
  public AgentEndpoint endpoint() {
    return new AgentEndpoint(agentUrl, token, pin);
  }

  /** Name and address only: a token must never reach a log or a screen. */
  @Override
  public String toString() {
    return "SavedServer[" + name + " " + agentUrl + "]";
  }
}
