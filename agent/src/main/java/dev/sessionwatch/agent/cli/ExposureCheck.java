package dev.sessionwatch.agent.cli;

import dev.sessionwatch.agent.config.AgentConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether the agent may serve its listen address: any address but loopback (127.0.0.1, ::1) can be
 * reached from the network, so it is served only over TLS and only with at least one token.
 */
final class ExposureCheck {
  private ExposureCheck() {}

  /**
   * Why {@code serve} must not start with this configuration; empty when it may.
   *
   * @param tokens how many tokens the agent accepts
   */
  static Optional<String> problem(AgentConfig config, int tokens) {
    if (config.listen().getAddress().isLoopbackAddress()) {
      return Optional.empty();
    }
    List<String> missing = new ArrayList<>();
    if (!config.tls().enabled()) {
      missing.add(
          "TLS is off: set `tls: {enabled: true}` in the configuration file (the agent then"
              + " creates a self-signed certificate on first start and prints its fingerprint)");
    }
    if (tokens == 0) {
      missing.add(
          "there is no token in "
              + config.tokensFile()
              + ": create one with `sessionwatch-agent token create --name NAME --role operator`");
    }
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "listen address "
            + config.listen()
            + " is not a loopback address, so it is served only over TLS and with at least one"
            + " token; "
            + String.join("; and ", missing)
            + ". Or listen on 127.0.0.1 or ::1 only (see docs/agent.md, TLS).");
  }
}
