package dev.sessionwatch.agent.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import dev.sessionwatch.protocol.ApiError;
import dev.sessionwatch.protocol.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer ready to send.
 *
 * @param body null for an answer without a body (304)
 */
record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
  private static final int WRITE_SLICE = 64 * 1024;

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
    Map<String, String> headers = new LinkedHashMap<>();
    switch (e.status()) {
      case 401 -> headers.put("WWW-Authenticate", "Bearer realm=\"sessionwatch\"");
      case 405 -> headers.put("Allow", String.join(", ", e.allowedMethods()));
      default -> {}
    }
    if (e.retryAfterSeconds() > 0) {
      headers.put("Retry-After", Long.toString(e.retryAfterSeconds()));
    }
    return json(e.status(), new ApiError(e.code(), e.getMessage()), headers);
  }

  /** The same answer with one more header. */
  Response withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Response(status, contentType, body, more);
  }

  /**
   * Sends the status, headers and body, and flushes them; closing the exchange completes it. Does
   * not close the body stream, which would drain an unread request body on this thread.
   */
  void send(HttpExchange exchange) throws IOException {
    var sent = exchange.getResponseHeaders();
    headers.forEach(sent::set);
    sent.set("X-Content-Type-Options", "nosniff");
    // HEAD is answered (405) without a body, as HTTP wants and the JDK server warns about.
    if (body == null || exchange.getRequestMethod().equals("HEAD")) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    sent.set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length);
    OutputStream out = exchange.getResponseBody();
    // In slices: the socket copies each write into a direct buffer cached per thread, and a whole
    // list of a big host at once would cost megabytes of it on every request thread.
    for (int from = 0; from < body.length; from += WRITE_SLICE) {
      out.write(body, from, Math.min(WRITE_SLICE, body.length - from));
    }
    out.flush();
  }

  static byte[] toJson(Object value) {
    try {
      return Json.mapper().writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("protocol records are always serialisable", e);
    }
  }
}
