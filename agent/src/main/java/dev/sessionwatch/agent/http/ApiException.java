package dev.sessionwatch.agent.http;

import java.time.Duration;
import java.util.List;

/** A request the agent refuses: it becomes a JSON {@code ApiError} with this status. */
final class ApiException extends Exception {
  private final int status;
  private final String code;
  private final List<String> allowedMethods;
  private final long retryAfterSeconds;

  private ApiException(int status, String code, String message) {
    this(status, code, message, List.of(), 0);
  }

  private ApiException(
      int status, String code, String message, List<String> allowedMethods, long retryAfter) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.allowedMethods = allowedMethods;
    this.retryAfterSeconds = retryAfter;
  }

  static ApiException badRequest(String message) {
    return new ApiException(400, "bad_request", message);
  }

  static ApiException unauthorized(String message) {
    return new ApiException(401, "unauthorized", message);
  }

  static ApiException forbidden(String message) {
    return new ApiException(403, "forbidden", message);
  }

  /** The agent never signals this process: PID 1 or the agent itself. */
  static ApiException protectedProcess(String message) {
    return new ApiException(403, "protected_process", message);
  }

  static ApiException notFound(String message) {
    return new ApiException(404, "not_found", message);
  }

  static ApiException methodNotAllowed(List<String> allowed) {
    return new ApiException(
        405, "method_not_allowed", "use " + String.join(" or ", allowed), allowed, 0);
  }

  static ApiException requestTimeout(Duration limit) {
    return new ApiException(
        408,
        "request_timeout",
        "the request body did not arrive within " + limit.toSeconds() + " s");
  }

  static ApiException conflict(String message) {
    return new ApiException(409, "conflict", message);
  }

  static ApiException payloadTooLarge(long limit) {
    return new ApiException(
        413, "payload_too_large", "the request body is over " + limit + " bytes");
  }

  static ApiException uriTooLong(long limit) {
    return new ApiException(414, "uri_too_long", "the request line is over " + limit + " bytes");
  }

  static ApiException tooManyRequests(Duration wait, String message) {
    return new ApiException(429, "too_many_requests", message, List.of(), seconds(wait));
  }

  static ApiException headersTooLarge(long limit) {
    return new ApiException(
        431, "headers_too_large", "the request headers are over " + limit + " bytes");
  }

  static ApiException actionFailed(String message) {
    return new ApiException(500, "action_failed", message);
  }

  static ApiException internal() {
    return new ApiException(500, "internal", "the agent failed to answer; its log says why");
  }

  static ApiException sourceUnavailable(String message) {
    return new ApiException(503, "source_unavailable", message);
  }

  /** The audit log cannot be written (or read): actions are refused until it can. */
  static ApiException auditUnavailable(String message) {
    return new ApiException(503, "audit_unavailable", message);
  }

  static ApiException busy(int limit) {
    return new ApiException(
        503,
        "busy",
        "the agent is answering " + limit + " requests already; try again shortly",
        List.of(),
        1);
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  List<String> allowedMethods() {
    return allowedMethods;
  }

  /** Seconds a client should wait before asking again; 0 for no {@code Retry-After}. */
  long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** Whole seconds, rounded up, at least 1: a Retry-After of 0 would invite a tight loop. */
  private static long seconds(Duration wait) {
    long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }
}
