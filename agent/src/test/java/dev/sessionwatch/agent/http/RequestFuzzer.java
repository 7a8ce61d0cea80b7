package dev.sessionwatch.agent.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates HTTP requests for the agent's API from a seeded {@link Random}: mostly plausible ones
 * with something wrong in them (method, path, ids with traversal and control characters, tokens,
 * headers, bodies), some oversized, some cut short, some plain garbage. The same seed gives the
 * same requests.
 */
final class RequestFuzzer {
  /** How a request reaches the agent; either way the client then stops sending (half-close). */
  enum Delivery {
    /** All bytes at once. */
    WHOLE,
    /** Only a prefix. */
    TRUNCATED
  }

  /** One generated request. */
  record FuzzedRequest(byte[] bytes, Delivery delivery) {}

  private static final List<String> METHODS =
      List.of("GET", "GET", "GET", "POST", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH");
  private static final List<String> ACTIONS =
      List.of("end", "disconnect", "logout", "END", "kill", "", "end/extra", "%65nd");
  private static final List<String> KINDS =
      List.of("ftp", "panel", "terminal", "FTP", "", "smtp", "ftp&kind=panel", "%00");
  private static final List<String> HOSTILE_IDS =
      List.of(
          "../../etc/passwd",
          "..%2F..%2Fetc%2Fpasswd",
          "%2e%2e%2f%2e%2e%2f",
          "tty:..%2f..%2f1-0",
          "tty:%00",
          "tty:100-1%0d%0aX-Injected:%20yes",
          "%1b%5b31m",
          "%7f",
          "%C3%A9t%C3%A9",
          "%FF%FE",
          "%",
          "%z",
          "%%41",
          "tty:-1-0",
          "tty:0-0",
          "tty:1-1",
          "tty:99999999999999999999-1",
          "ftpd:300-3;rm -rf /",
          "$(reboot)",
          "`id`");
  private static final String BODY_CHARS = "{}[]\":,abcXYZ019 \t\\\u00e9";

  private final Random random;
  private final List<String> tokens;
  private final List<String> sessionIds;
  private final int maxBodyBytes;

  /**
   * @param tokens valid tokens of several roles, used in about half of the requests
   * @param sessionIds ids the agent lists, used as they are or mangled
   */
  RequestFuzzer(long seed, List<String> tokens, List<String> sessionIds, int maxBodyBytes) {
    this.random = new Random(seed);
    this.tokens = List.copyOf(tokens);
    this.sessionIds = List.copyOf(sessionIds);
    this.maxBodyBytes = maxBodyBytes;
  }

  FuzzedRequest next() {
    if (chance(3)) {
      return new FuzzedRequest(garbage(1 + random.nextInt(2000)), Delivery.WHOLE);
    }
    String method = method();
    StringBuilder head = new StringBuilder();
    head.append(method).append(' ').append(target()).append(' ').append(version()).append("\r\n");
    if (!chance(3)) {
      head.append("Host: 127.0.0.1\r\n");
    }
    authorization(head);
    if (chance(70)) {
      head.append("Connection: close\r\n");
    }
    extraHeaders(head);
    byte[] body = body(head, method);
    head.append(chance(2) ? "\n" : "\r\n");
    byte[] bytes = concat(head.toString().getBytes(StandardCharsets.ISO_8859_1), body);
    if (chance(8)) {
      return new FuzzedRequest(
          Arrays.copyOf(bytes, random.nextInt(bytes.length)), Delivery.TRUNCATED);
    }
    return new FuzzedRequest(bytes, Delivery.WHOLE);
  }

  private String method() {
    if (chance(5)) {
      return pick(List.of("", "G\u00c9T", "GET GET", "get", "BREW", "X".repeat(300)));
    }
    return pick(METHODS);
  }

  private String version() {
    return chance(95) ? "HTTP/1.1" : pick(List.of("HTTP/1.0", "HTTP/2.0", "HTTP/x", "", "FTP/1.1"));
  }

  private String target() {
    return switch (random.nextInt(12)) {
      case 0 -> "/healthz";
      case 1 -> "/v1/host";
      case 2 -> "/v1/sessions";
      case 3 -> "/v1/sessions?kind=" + pick(KINDS);
      case 4, 5 -> "/v1/sessions/" + id();
      case 6, 7, 8 -> "/v1/sessions/" + id() + "/" + pick(ACTIONS);
      case 9 -> "/v1/audit?limit=" + pick(List.of("1", "0", "1000", "1001", "-1", "x", "10&a=b"));
      case 10 -> randomPath();
      default ->
          pick(
              List.of(
                  "*",
                  "http://127.0.0.1/v1/host",
                  "//v1/host",
                  "/v1/../v1/host",
                  "/v1/sessions/",
                  "/v1/sessions//end",
                  "/v1/sessions?",
                  "/v1/sessions?kind",
                  "/v1/host?x=%zz",
                  "/\u0001\u0002",
                  "/v1/sessions/\ttty:100-1"));
    };
  }

  private String id() {
    int choice = random.nextInt(10);
    if (choice < 4) {
      return pick(sessionIds);
    }
    if (choice < 8) {
      return pick(HOSTILE_IDS);
    }
    if (choice < 9) {
      return pick(List.of("tty", "ftpd", "web", "")) + ":" + random.nextInt(100_000) + "-" + 7;
    }
    // A long id: over the request line limit now and then.
    return "tty:" + "9".repeat(random.nextInt(12_000));
  }

  private String randomPath() {
    StringBuilder path = new StringBuilder();
    int segments = random.nextInt(6);
    for (int i = 0; i < segments; i++) {
      path.append('/');
      int length = random.nextInt(12);
      for (int j = 0; j < length; j++) {
        path.append((char) (0x21 + random.nextInt(0x5e)));
      }
    }
    return path.length() == 0 ? "/" : path.toString();
  }

  private void authorization(StringBuilder head) {
    int choice = random.nextInt(10);
    if (choice < 5) {
      head.append("Authorization: Bearer ").append(pick(tokens)).append("\r\n");
    } else if (choice < 9) {
      head.append("Authorization: ")
          .append(
              pick(
                  List.of(
                      "Bearer swa_" + Long.toHexString(random.nextLong()),
                      "Bearer",
                      "Bearer ",
                      "bearer " + pick(tokens).toUpperCase(Locale.ROOT),
                      "Basic YWRtaW46YWRtaW4=",
                      "",
                      "Bearer " + "A".repeat(5000),
                      "Bearer " + pick(tokens) + "\u0001")))
          .append("\r\n");
    }
  }

  private void extraHeaders(StringBuilder head) {
    if (chance(10)) {
      head.append("If-None-Match: ")
          .append(pick(List.of("*", "\"x\"", "W/\"y\", z", "")))
          .append("\r\n");
    }
    if (chance(3)) {
      head.append("X-Padding: ").append("p".repeat(random.nextInt(40_000))).append("\r\n");
    }
    if (chance(2)) {
      for (int i = 0; i < 250; i++) {
        head.append("X-Many-").append(i).append(": ").append(i).append("\r\n");
      }
    }
    if (chance(3)) {
      head.append(pick(List.of("NoColonHere", "Bad Name: x", ": empty name", "X-Ctl: \u0001")))
          .append("\r\n");
    }
    if (chance(2)) {
      head.append("Host: other.example\r\n");
    }
    if (chance(2)) {
      head.append("Expect: 100-continue\r\n");
    }
  }

  /** Adds the body's headers to {@code head} and returns its bytes. */
  private byte[] body(StringBuilder head, String method) {
    int choice = random.nextInt(100);
    if (choice < (method.equals("POST") ? 40 : 75)) {
      return new byte[0];
    }
    if (choice < 85) {
      byte[] body = text(random.nextInt(2000));
      head.append("Content-Length: ").append(body.length).append("\r\n");
      return body;
    }
    if (choice < 90) {
      byte[] body = text(maxBodyBytes + 1 + random.nextInt(4096));
      head.append("Content-Length: ").append(body.length).append("\r\n");
      return body;
    }
    if (choice < 95) {
      head.append("Transfer-Encoding: chunked\r\n");
      return chunked();
    }
    head.append("Content-Length: ")
        .append(pick(List.of("-1", "abc", "99999999999999999999", "10, 10", " 5")))
        .append("\r\n");
    return text(random.nextInt(20));
  }

  private byte[] chunked() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int chunks = random.nextInt(5);
    for (int i = 0; i < chunks; i++) {
      byte[] chunk = text(random.nextInt(maxBodyBytes / 2));
      String size = chance(10) ? "zz" : Integer.toHexString(chunk.length);
      out.writeBytes((size + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.writeBytes(chunk);
      out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }
    if (!chance(10)) {
      out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }
    return out.toByteArray();
  }

  private byte[] text(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(BODY_CHARS.charAt(random.nextInt(BODY_CHARS.length())));
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private byte[] garbage(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  private boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static byte[] concat(byte[] head, byte[] body) {
    byte[] all = Arrays.copyOf(head, head.length + body.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    return all;
  }
}
