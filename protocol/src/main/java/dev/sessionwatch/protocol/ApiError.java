package dev.sessionwatch.protocol;

/**
 * The body of every error answer.
 *
 * @param error a stable machine-readable code (bad_request, unauthorized, forbidden,
 *     protected_process, not_found, method_not_allowed, request_timeout, conflict,
 *     payload_too_large, uri_too_long, too_many_requests, headers_too_large, action_failed,
 *     internal, source_unavailable, audit_unavailable, busy); docs/protocol.md lists when
 * @param message what a person should read
 */
public record ApiError(String error, String message) {}
