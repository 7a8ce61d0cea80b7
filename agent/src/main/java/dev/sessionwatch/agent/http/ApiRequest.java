package dev.sessionwatch.agent.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One request as the handlers see it: decoded path segments, query parameters and the caller. */
final class ApiRequest {
  private final HttpExchange exchange;
  private final List<String> segments;
  private final Map<String, String> query;
  private final long maxBodyBytes;

  private ApiRequest(
      HttpExchange exchange, List<String> segments, Map<String, String> query, long maxBodyBytes) {
    this.exchange = exchange;
    this.segments = segments;
    this.query = query;
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * Decodes the request's path and query.
   *
   * @throws ApiException 400 for an undecodable path or query, 413 for a declared body too large
   */
  static ApiRequest of(HttpExchange exchange, long maxBodyBytes) throws ApiException {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null && exceeds(declared, maxBodyBytes)) {
      throw ApiException.payloadTooLarge(maxBodyBytes);
    }
    return new ApiRequest(
        exchange,
        segments(exchange.getRequestURI().getRawPath()),
        query(exchange.getRequestURI().getRawQuery()),
        maxBodyBytes);
  }

  String method() {
    return exchange.getRequestMethod();
  }

  List<String> segments() {
    return segments;
  }

  String segment(int index) {
    return segments.get(index);
  }

  String clientAddress() {
    return exchange.getRemoteAddress().getAddress().getHostAddress();
  }

  Optional<String> header(String name) {
    return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
  }

  /**
   * The query parameters, after checking that no other parameter was given.
   *
   * @throws ApiException 400 naming an unknown parameter
   */
  Map<String, String> query(Set<String> allowed) throws ApiException {
    for (String name : query.keySet()) {
      if (!allowed.contains(name)) {
        throw ApiException.badRequest(
            "unknown parameter '" + name + "'" + (allowed.isEmpty() ? "" : "; use " + allowed));
      }
    }
    return query;
  }

  /**
   * Reads the body, refusing more than the limit even when no length was declared.
   *
   * @throws ApiException 413 when the body is over the limit
   */
  byte[] body() throws IOException, ApiException {
    try (InputStream in = exchange.getRequestBody()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int read;
      while ((read = in.read(buffer)) != -1) {
        if (out.size() + read > maxBodyBytes) {
          throw ApiException.payloadTooLarge(maxBodyBytes);
        }
        out.write(buffer, 0, read);
      }
      return out.toByteArray();
    }
  }

  private static boolean exceeds(String contentLength, long limit) throws ApiException {
    try {
      return Long.parseLong(contentLength.trim()) > limit;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("Content-Length is not a number");
    }
  }

  private static List<String> segments(String rawPath) throws ApiException {
    if (rawPath == null || !rawPath.startsWith("/")) {
      throw ApiException.badRequest("the path must start with /");
    }
    List<String> segments = new ArrayList<>();
    for (String raw : rawPath.substring(1).split("/", -1)) {
      segments.add(decode(raw));
    }
    return List.copyOf(segments);
  }

  private static Map<String, String> query(String rawQuery) throws ApiException {
    Map<String, String> query = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      if (query.put(name, value) != null) {
        throw ApiException.badRequest("parameter '" + name + "' is given twice");
      }
    }
    return query;
  }

  private static String decode(String raw) throws ApiException {
    try {
      String decoded = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
      if (decoded.chars().anyMatch(Character::isISOControl)) {
        throw ApiException.badRequest("control characters are not allowed in the path or query");
      }
      return decoded;
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("malformed percent-encoding in '" + printable(raw) + "'");
    }
  }

  /** A client's text, safe to repeat in an error: no control characters, not too long. */
  static String printable(String text) {
    String cut = text.length() > 80 ? text.substring(0, 80) + "…" : text;
    return cut.codePoints()
        .map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }
}
