package dev.sessionwatch.app.hosts;

import dev.sessionwatch.app.agent.AgentClient;
import dev.sessionwatch.app.agent.AgentResponse;
import dev.sessionwatch.app.agent.PresentedCertificate;
import dev.sessionwatch.app.settings.SavedServer;
import dev.sessionwatch.protocol.HostInfo;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * Asks a server's agent who it is ({@code GET /v1/host}), so the user learns before saving whether
 * the URL and token work. Blocking: call it off the FX thread.
 */
public final class ConnectionCheck {
  private final OkHttpClient http;
  private final Duration timeout;
  private final Clock clock;

  public ConnectionCheck(OkHttpClient http, Duration timeout, Clock clock) {
    this.http = Objects.requireNonNull(http, "http");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public ConnectionOutcome check(SavedServer server) {
    AgentResponse<HostInfo> response;
    try {
      response = new AgentClient(http, server.endpoint(), timeout, clock).hostInfo();
    } catch (IllegalArgumentException e) {
      return new ConnectionOutcome(false, "Not an agent URL: " + e.getMessage());
    }
    if (response instanceof AgentResponse.Success<HostInfo> success) {
      HostInfo info = success.value();
      String role = info.role() == null ? "unknown role" : info.role().wireName() + " token";
      return new ConnectionOutcome(
          true,
          "Online: "
              + info.host()
              + ", "
              + role
              + ", agent "
              + info.agentVersion()
              + " on "
              + info.os()
              + " ("
              + success.latency().toMillis()
              + " ms)");
    }
    if (response instanceof AgentResponse.Unreachable<HostInfo> unreachable) {
      return new ConnectionOutcome(false, "Unreachable: " + unreachable.reason());
    }
    if (response instanceof AgentResponse.Untrusted<HostInfo> untrusted) {
      PresentedCertificate presented = untrusted.presented();
      return new ConnectionOutcome(
          false,
          (presented.changed()
                  ? "Certificate changed: the agent now presents SHA-256 "
                  : "Certificate not trusted yet: the agent presents SHA-256 ")
              + presented.fingerprint(),
          presented);
    }
    if (response instanceof AgentResponse.Unauthorized<HostInfo> unauthorized) {
      return new ConnectionOutcome(false, "Unauthorised: " + unauthorized.message());
    }
    if (response instanceof AgentResponse.AgentError<HostInfo> error) {
      return new ConnectionOutcome(
          false, "Agent error: HTTP " + error.status() + ": " + error.message());
    }
    AgentResponse.Malformed<HostInfo> malformed = (AgentResponse.Malformed<HostInfo>) response;
    return new ConnectionOutcome(false, "Not an agent: " + malformed.detail());
  }
}
