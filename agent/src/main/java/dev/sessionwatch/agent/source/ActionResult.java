package dev.sessionwatch.agent.source;

/**
 * What a source did to end or disconnect a session.
 *
 * @param sessionEnded whether the processes were seen gone before the source returned
 * @param message what was done, for a person ("sent SIGTERM to 3 processes; all ended")
 */
public record ActionResult(boolean sessionEnded, String message) {}
