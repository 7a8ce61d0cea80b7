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
  private final RequestLimits limits;
  private final IoWatchdog watchdog;
  private volatile boolean readingBody;

  private ApiRequest(
      HttpExchange exchange,
      List<String> segments,
      Map<String, String> query,
      RequestLimits limits,
      IoWatchdog watchdog) {
    this.exchange = exchange;
    this.segments = segments;
    this.query = query;
    this.limits = limits;
    this.watchdog = watchdog;
  }

  /**
   * Checks the request against the limits and decodes its path and query.
   *
   * @throws ApiException 414 for a request line, 431 for headers and 413 for a declared body over
   *     its limit; 400 for an undecodable path or query
   */
  static ApiRequest of(HttpExchange exchange, RequestLimits limits, IoWatchdog watchdog)
      throws ApiException {
    long line =
        exchange.getRequestMethod().length()
            + 1
            + exchange.getRequestURI().toString().length()
            + 1
            + exchange.getProtocol().length();
    if (line > limits.maxRequestLineBytes()) {
      throw ApiException.uriTooLong(limits.maxRequestLineBytes());
    }
    if (headerBytes(exchange) > limits.maxHeaderBytes()) {
      throw ApiException.headersTooLarge(limits.maxHeaderBytes());
    }
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null && exceeds(declared, limits.maxBodyBytes())) {
      throw ApiException.payloadTooLarge(limits.maxBodyBytes());
    }
    return new ApiRequest(
        exchange,
        segments(exchange.getRequestURI().getRawPath()),
        query(exchange.getRequestURI().getRawQuery()),
        limits,
        watchdog);
  }

  /** Every header line as sent: name, ": ", value and CRLF. */
  private static long headerBytes(HttpExchange exchange) {
    long total = 0;
    for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
      for (String value : header.getValue()) {
        total += header.getKey().length() + 2 + value.length() + 2;
      }
    }
    return total;
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
   * Reads the body, refusing more than the limit even when no length was declared, and a body that
   * takes longer than the request timeout to arrive.
   *
   * @throws ApiException 413 when the body is over the limit; 408 when it came too slowly, which
   *     was answered already (the connection is closed)
   */
  byte[] body() throws IOException, ApiException {
    IoWatchdog.Watch watch = watchdog.watch(limits.requestTimeout(), this::answerTimeout);
    // Not closed here: closing drains what is left, which {@link #discardBody} does under limits.
    InputStream in = exchange.getRequestBody();
    try (watch) {
      readingBody = true;
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int read;
      while ((read = in.read(buffer)) != -1) {
        if (out.size() + read > limits.maxBodyBytes()) {
          throw ApiException.payloadTooLarge(limits.maxBodyBytes());
        }
        out.write(buffer, 0, read);
      }
      readingBody = false;
      return out.toByteArray();
    } catch (IOException e) {
      if (watch.expired()) {
        throw ApiException.requestTimeout(limits.requestTimeout());
      }
      throw e;
    }
  }

  /**
   * Reads and drops what is left of the body, up to {@code limit} bytes, before the answer is sent.
   * A body cut short then fails here, and the {@link IOException} reaches the JDK server, which
   * closes and forgets the connection; left to {@code HttpExchange.close}, the same failure would
   * be swallowed there and the connection would stay in the server's tables.
   */
  static void discardBody(HttpExchange exchange, long limit) throws IOException {
    InputStream in = exchange.getRequestBody();
    if (in.read() == -1) {
      return; // what every GET sends: no body, and no buffer to read one into
    }
    byte[] buffer = new byte[8192];
    long discarded = 1;
    int read;
    while (discarded <= limit && (read = in.read(buffer)) != -1) {
      discarded += read;
    }
  }

  /**
   * At the deadline, on the watchdog's thread, while the handler's thread is still blocked reading:
   * answers 408 before the watchdog closes the connection.
   */
  private void answerTimeout() {
    if (!readingBody) {
      return;
    }
    try {
      Response.error(ApiException.requestTimeout(limits.requestTimeout()))
          .withHeader("Connection", "close")
          .send(exchange);
    } catch (IOException e) {
      // The client is gone as well: the connection is closed next anyway.
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
