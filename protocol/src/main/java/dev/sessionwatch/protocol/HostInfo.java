package dev.sessionwatch.protocol;

import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /v1/host} answers: the host, the agent, and each source's status.
 *
 * @param protocolVersion the wire protocol the agent speaks ({@link #PROTOCOL_VERSION})
 * @param time the agent's clock when it answered, so the console can tell a skewed clock
 * @param role what the caller's token may do
 * @param permittedActions the actions the caller's token may take: none for a viewer, fewer than
 *     all for a token limited to some; null from an agent older than this field, where the role
 *     says
 */
public record HostInfo(
    String host,
    String agentVersion,
    int protocolVersion,
    String os,
    Instant time,
    Role role,
    List<SourceStatus> sources,
    List<SessionAction> permittedActions) {

  public static final int PROTOCOL_VERSION = 1;

  public HostInfo {
    sources = sources == null ? List.of() : List.copyOf(sources);
    permittedActions = permittedActions == null ? null : List.copyOf(permittedActions);
  }

  /** Whether the caller may take this action: as the agent listed, else as the role allows. */
  public boolean permits(SessionAction action) {
    return permittedActions != null
        ? permittedActions.contains(action)
        : role != null && role.mayAct();
  }
}
