package dev.sessionwatch.app.fleet;

/** What makes a row the same row across refreshes: its host and the agent's session id. */
public record SessionKey(Host host, String sessionId) {}
