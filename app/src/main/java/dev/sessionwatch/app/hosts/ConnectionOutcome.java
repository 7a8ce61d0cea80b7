package dev.sessionwatch.app.hosts;

/**
 * How a connection test ended.
 *
 * @param online the agent answered and accepted the token
 * @param message what happened, in words for the user
 */
public record ConnectionOutcome(boolean online, String message) {}
