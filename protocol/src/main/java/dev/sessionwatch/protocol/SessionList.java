package dev.sessionwatch.protocol;

import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /v1/sessions} answers.
 *
 * @param collectedAt the agent's clock when the sources were read
 * @param errors sources that failed this time; their sessions are missing, the others' are not
 */
public record SessionList(
    String host, Instant collectedAt, List<Session> sessions, List<SourceError> errors) {
  public SessionList {
    sessions = sessions == null ? List.of() : List.copyOf(sessions);
    errors = errors == null ? List.of() : List.copyOf(errors);
  }
}
