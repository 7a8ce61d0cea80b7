package dev.sessionwatch.protocol;

import java.time.Instant;

/**
 * What {@code POST /v1/sessions/{id}/{action}} answers when the action was carried out.
 *
 * @param sessionEnded true when the session's processes were seen gone before the answer; false
 *     when the signal was sent but the session outlived the grace period
 * @param message what was done, for a person ("sent SIGTERM to 3 processes; all ended")
 */
public record ActionOutcome(
    String sessionId,
    SessionAction action,
    Instant completedAt,
    boolean sessionEnded,
    String message) {}
