package dev.sessionwatch.agent.http;

import dev.sessionwatch.agent.config.ConfigException;
import dev.sessionwatch.agent.config.ConfigSection;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How much a request may ask of the agent; each limit is answered with its own status.
 *
 * @param maxRequestLineBytes the method, path and query together (414 above)
 * @param maxHeaderBytes every header's name and value together (431 above)
 * @param maxBodyBytes the body, declared or streamed (413 above)
 * @param requestTimeout how long a body may take to arrive (408 after), and sending an answer to a
 *     client that does not read it (the connection is closed after)
 * @param maxConcurrentRequests requests being answered or waiting for a thread (503 above)
 */
public record RequestLimits(
    int maxRequestLineBytes,
    int maxHeaderBytes,
    int maxBodyBytes,
    Duration requestTimeout,
    int maxConcurrentRequests) {

  public static final RequestLimits DEFAULTS =
      new RequestLimits(8 * 1024, 16 * 1024, 64 * 1024, Duration.ofSeconds(10), 64);

  public RequestLimits {
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (maxRequestLineBytes < 1
        || maxHeaderBytes < 1
        || maxBodyBytes < 0
        || maxConcurrentRequests < 1
        || requestTimeout.isNegative()
        || requestTimeout.isZero()) {
      throw new IllegalArgumentException("request limits must be positive: " + this);
    }
  }

  /** Reads the {@code limits} section, with the defaults for the keys left out. */
  public static RequestLimits read(ConfigSection section) throws ConfigException {
    return new RequestLimits(
        section.integer("maxRequestLineBytes", DEFAULTS.maxRequestLineBytes(), 256, 1 << 20),
        section.integer("maxHeaderBytes", DEFAULTS.maxHeaderBytes(), 1024, 1 << 20),
        section.integer("maxBodyBytes", DEFAULTS.maxBodyBytes(), 0, 16 << 20),
        section.positiveSeconds("requestTimeoutSeconds", DEFAULTS.requestTimeout(), 3600),
        section.integer("maxConcurrentRequests", DEFAULTS.maxConcurrentRequests(), 1, 10_000));
  }

  /**
   * The JDK server's own limits that back these up, as system properties. It reads them once, when
   * its first server starts, for the whole JVM: {@code serve} sets them ({@link
   * #applyToJdkServer}); an agent embedded in the console keeps the JDK's defaults.
   *
   * <ul>
   *   <li>{@code sun.net.httpserver.maxReqTime}: the whole request (line, headers, body) must
   *       arrive within twice the request timeout, else the connection is closed unanswered; the
   *       agent itself can only time the body (408), not a request line or headers sent slowly.
   *   <li>{@code sun.net.httpserver.maxReqHeaderSize}: above the agent's own line and header
   *       limits, so that those answer first (414, 431); past it the JDK answers a plain 400.
   *   <li>{@code jdk.httpserver.maxConnections}: open connections, idle ones included; the JDK
   *       server closes a connection over it at once.
   * </ul>
   */
  public Map<String, String> jdkServerProperties() {
    long requestSeconds = Math.max(1, (requestTimeout.toMillis() * 2 + 999) / 1000);
    return Map.of(
        "sun.net.httpserver.maxReqTime", Long.toString(requestSeconds),
        "sun.net.httpserver.maxReqHeaderSize",
            Integer.toString(maxRequestLineBytes + maxHeaderBytes + 4096),
        "jdk.httpserver.maxConnections", Integer.toString(16 * maxConcurrentRequests));
  }

  /** Sets {@link #jdkServerProperties} that are not set already (a {@code -D} wins). */
  public void applyToJdkServer() {
    jdkServerProperties().forEach((name, value) -> System.getProperties().putIfAbsent(name, value));
  }

  public RequestLimits withMaxBodyBytes(int value) {
    return new RequestLimits(
        maxRequestLineBytes, maxHeaderBytes, value, requestTimeout, maxConcurrentRequests);
  }

  public RequestLimits withRequestTimeout(Duration value) {
    return new RequestLimits(
        maxRequestLineBytes, maxHeaderBytes, maxBodyBytes, value, maxConcurrentRequests);
  }

  public RequestLimits withMaxConcurrentRequests(int value) {
    return new RequestLimits(
        maxRequestLineBytes, maxHeaderBytes, maxBodyBytes, requestTimeout, value);
  }
}
