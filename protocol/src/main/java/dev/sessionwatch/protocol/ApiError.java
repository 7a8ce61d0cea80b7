package dev.sessionwatch.protocol;

/**
 * The body of every error answer.
 *
 * @param error a stable machine-readable code (bad_request, unauthorized, forbidden, not_found,
 *     method_not_allowed, conflict, payload_too_large, internal)
 * @param message what a person should read
 */
public record ApiError(String error, String message) {}
