package dev.sessionwatch.app.agent;

import java.net.URI;
import java.util.Objects;

/**
 * Where an agent listens and the token the console shows it.
 *
 * @param baseUri the agent's root, e.g. {@code http://127.0.0.1:7878}
 * @param token the bearer token; never printed, see {@link #toString()}
 * @param pin the certificate the operator trusted for an {@code https} agent; null before that
 */
public record AgentEndpoint(URI baseUri, String token, PinnedCertificate pin) {
  public AgentEndpoint {
    Objects.requireNonNull(baseUri, "baseUri");
    Objects.requireNonNull(token, "token");
    if (!"http".equals(baseUri.getScheme()) && !"https".equals(baseUri.getScheme())) {
      throw new IllegalArgumentException("agent URL must start with http:// or https://");
    }
  }

  /** An agent without a pinned certificate. */
  public AgentEndpoint(URI baseUri, String token) {
    this(baseUri, token, null);
  }

  /** The address only: a token must never reach a log or a screen. */
  @Override
  public String toString() {
    return "AgentEndpoint[" + baseUri + "]";
  }
}
