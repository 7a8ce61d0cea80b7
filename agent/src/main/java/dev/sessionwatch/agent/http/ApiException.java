package dev.sessionwatch.agent.http;

import java.util.List;

/** A request the agent refuses: it becomes a JSON {@code ApiError} with this status. */
final class ApiException extends Exception {
  private final int status;
  private final String code;
  private final List<String> allowedMethods;

  private ApiException(int status, String code, String message, List<String> allowedMethods) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.allowedMethods = allowedMethods;
  }

  static ApiException badRequest(String message) {
    return new ApiException(400, "bad_request", message, List.of());
  }

  static ApiException unauthorized(String message) {
    return new ApiException(401, "unauthorized", message, List.of());
  }

  static ApiException forbidden(String message) {
    return new ApiException(403, "forbidden", message, List.of());
  }

  static ApiException notFound(String message) {
    return new ApiException(404, "not_found", message, List.of());
  }

  static ApiException methodNotAllowed(List<String> allowed) {
    return new ApiException(
        405, "method_not_allowed", "use " + String.join(" or ", allowed), allowed);
  }

  static ApiException conflict(String message) {
    return new ApiException(409, "conflict", message, List.of());
  }

  static ApiException payloadTooLarge(long limit) {
    return new ApiException(
        413, "payload_too_large", "the request body is over " + limit + " bytes", List.of());
  }

  static ApiException actionFailed(String message) {
    return new ApiException(500, "action_failed", message, List.of());
  }

  static ApiException internal() {
    return new ApiException(
        500, "internal", "the agent failed to answer; its log says why", List.of());
  }

  static ApiException sourceUnavailable(String message) {
    return new ApiException(503, "source_unavailable", message, List.of());
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
}
