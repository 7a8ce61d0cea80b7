package dev.sessionwatch.agent.testing;

import dev.sessionwatch.agent.AgentIdentity;
import dev.sessionwatch.agent.audit.AuditLog;
import dev.sessionwatch.agent.auth.TokenStore;
import dev.sessionwatch.agent.http.AgentServer;
import dev.sessionwatch.agent.source.SessionCatalog;
import dev.sessionwatch.agent.source.SessionSource;
import dev.sessionwatch.protocol.Json;
import dev.sessionwatch.protocol.Role;
import dev.sessionwatch.protocol.SessionKind;
import dev.sessionwatch.protocol.SessionList;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The real agent serving some sources on a free loopback port, and a real HTTP client holding an
 * operator token for it: what an end-to-end test talks to.
 */
public final class AgentOverHttp implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final TokenStore tokens;
  private final AuditLog auditLog;
  private final AgentServer server;
  private final String token;

  private AgentOverHttp(
      List<SessionSource> sources, Path auditLogFile, UnaryOperator<AgentServer.Builder> configure)
      throws IOException {
    tokens = TokenStore.inMemory();
    token = tokens.create("e2e", Role.OPERATOR);
    auditLog = AuditLog.open(auditLogFile);
    server =
        configure
            .apply(
                AgentServer.builder()
                    .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                    .catalog(new SessionCatalog(sources))
                    .tokens(tokens)
                    .auditLog(auditLog)
                    .identity(AgentIdentity.ofThisHost()))
            .build()
            .start();
  }

  /** Serves the sources; the audit log goes to {@code auditLogFile}. */
  public static AgentOverHttp serving(List<SessionSource> sources, Path auditLogFile)
      throws IOException {
    return new AgentOverHttp(sources, auditLogFile, UnaryOperator.identity());
  }

  /**
   * Serves the sources with some settings of the server changed (limits, a clock, another token
   * store, in which case {@link #get(String)} and {@link #post(String)} hold no valid token).
   */
  public static AgentOverHttp serving(
      List<SessionSource> sources, Path auditLogFile, UnaryOperator<AgentServer.Builder> configure)
      throws IOException {
    return new AgentOverHttp(sources, auditLogFile, configure);
  }

  /** The in-memory token store the agent starts with; tokens created in it are valid at once. */
  public TokenStore tokens() {
    return tokens;
  }

  /** The agent's loopback port, for raw connections. */
  public int port() {
    return server.address().getPort();
  }

  /** {@code GET path} with the token. */
  public HttpResponse<String> get(String path) throws Exception {
    return get(path, token);
  }

  /** {@code GET path} with this token, or without any when it is null. */
  public HttpResponse<String> get(String path, String withToken) throws Exception {
    return send(HttpRequest.newBuilder(server.uri().resolve(path)), withToken);
  }

  /** {@code POST path} with the token and no body. */
  public HttpResponse<String> post(String path) throws Exception {
    return post(path, token);
  }

  /** {@code POST path} with this token (none when null) and no body. */
  public HttpResponse<String> post(String path, String withToken) throws Exception {
    return send(
        HttpRequest.newBuilder(server.uri().resolve(path))
            .POST(HttpRequest.BodyPublishers.noBody()),
        withToken);
  }

  /**
   * {@code GET /v1/sessions?kind=KIND}, which must answer 200.
   *
   * @throws AssertionError naming the status and body otherwise
   */
  public SessionList sessions(SessionKind kind) throws Exception {
    HttpResponse<String> response = get("/v1/sessions?kind=" + kind.wireName());
    if (response.statusCode() != 200) {
      throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
    }
    return Json.mapper().readValue(response.body(), SessionList.class);
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String withToken)
      throws Exception {
    if (withToken != null) {
      request.header("Authorization", "Bearer " + withToken);
    }
    return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() throws IOException {
    server.close();
    auditLog.close();
  }
}
