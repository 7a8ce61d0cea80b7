package dev.sessionwatch.agent.http;

import dev.sessionwatch.agent.AgentIdentity;
import dev.sessionwatch.agent.auth.Token;
import dev.sessionwatch.agent.source.SessionCatalog;
import dev.sessionwatch.protocol.HostInfo;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /v1/host}: the host, the agent, the caller's role and permitted actions, and every
 * source's status.
 */
final class HostHandler implements Handler {
  private final SessionCatalog catalog;
  private final AgentIdentity identity;
  private final Clock clock;

  HostHandler(SessionCatalog catalog, AgentIdentity identity, Clock clock) {
    this.catalog = catalog;
    this.identity = identity;
    this.clock = clock;
  }

  @Override
  public Response handle(ApiRequest request, Token caller) throws ApiException {
    request.query(Set.of());
    return Response.json(
        200,
        new HostInfo(
            identity.hostName(),
            identity.agentVersion(),
            HostInfo.PROTOCOL_VERSION,
            identity.os(),
            clock.instant(),
            caller.role(),
            catalog.statuses(),
            List.copyOf(caller.permittedActions())));
  }
}
