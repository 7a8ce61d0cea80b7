package dev.sessionwatch.agent.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sessionwatch.protocol.ApiError;
import dev.sessionwatch.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An answer ready to send.
 *
 * @param body null for an answer without a body (304)
 */
record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
  static final String JSON = "application/json; charset=utf-8";

  static Response json(int status, Object value) {
    return json(status, value, Map.of());
  }

  static Response json(int status, Object value, Map<String, String> headers) {
    return new Response(status, JSON, toJson(value), headers);
  }

  static Response text(String text) {
    return new Response(
        200, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  static Response notModified(String etag) {
    return new Response(304, null, null, Map.of("ETag", etag));
  }

  static Response error(ApiException e) {
    Map<String, String> headers =
        switch (e.status()) {
          case 401 -> Map.of("WWW-Authenticate", "Bearer realm=\"sessionwatch\"");
          case 405 -> Map.of("Allow", String.join(", ", e.allowedMethods()));
          default -> Map.of();
        };
    return json(e.status(), new ApiError(e.code(), e.getMessage()), headers);
  }

  static byte[] toJson(Object value) {
    try {
      return Json.mapper().writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("protocol records are always serialisable", e);
    }
  }
}
