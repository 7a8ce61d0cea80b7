package dev.sessionwatch.agent.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import dev.sessionwatch.agent.AgentIdentity;
import dev.sessionwatch.agent.audit.AuditLog;
import dev.sessionwatch.agent.auth.Lockout;
import dev.sessionwatch.agent.auth.LockoutSettings;
import dev.sessionwatch.agent.auth.Token;
import dev.sessionwatch.agent.auth.TokenStore;
import dev.sessionwatch.agent.source.SessionCatalog;
import dev.sessionwatch.agent.tls.ServerTls;
import java.io.Closeable;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The agent's HTTP API v1 on the JDK's {@link HttpServer} (an {@link HttpsServer} with TLS), served
 * by a bounded pool of named daemon threads with a cap on the requests in flight. Every answer is
 * JSON (but {@code /healthz}); failures are logged here and answered as JSON errors, never as stack
 * traces.
 *
 * <p>What the JDK server refuses before a handler runs (a malformed request line or header, a
 * request line or headers over its own {@code sun.net.httpserver.maxReqHeaderSize}, more than
 * {@code sun.net.httpserver.maxReqHeaders} headers) it answers itself with a plain 400; the limits
 * in {@link RequestLimits} are lower, so that a request over them gets its JSON 414, 431 or 413.
 */
public final class AgentServer implements Closeable {
  private static final Logger LOG = Logger.getLogger(AgentServer.class.getName());

  static {
    // The JDK server writes a response's headers and body apart; with Nagle's algorithm on, the
    // body waits for the client's delayed ACK of the headers: some 40 ms per answer.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final RequestPool pool;
  private final IoWatchdog watchdog = new IoWatchdog();
  private final List<Route> routes;
  private final RequestLimits limits;
  private final Authenticator authenticator;
  private final String scheme;

  private AgentServer(Builder builder) throws IOException {
    this.limits = builder.limits;
    this.authenticator =
        new Authenticator(builder.tokens, new Lockout(builder.lockout, builder.clock));
    Clock clock = builder.clock;
    SessionCatalog catalog = builder.catalog;
    this.routes =
        List.of(
            Route.of("GET", "/healthz", false, (request, caller) -> Response.text("ok\n")),
            Route.of("GET", "/v1/host", true, new HostHandler(catalog, builder.identity, clock)),
            Route.of(
                "GET",
                "/v1/sessions",
                true,
                new SessionListHandler(catalog, builder.identity.hostName(), clock)),
            Route.of("GET", "/v1/sessions/{id}", true, new SessionHandler(catalog)),
            Route.of(
                "POST",
                "/v1/sessions/{id}/{action}",
                false,
                new ActionHandler(catalog, authenticator, builder.auditLog, clock)),
            Route.of("GET", "/v1/audit", true, new AuditHandler(builder.auditLog, catalog)));
    this.scheme = builder.tls == null ? "http" : "https";
    try {
      this.server = builder.tls == null ? HttpServer.create(builder.address, 64) : https(builder);
    } catch (BindException e) {
      throw new BindException(
          "cannot listen on " + describe(builder.address) + ": " + e.getMessage());
    }
    this.pool = new RequestPool(builder.threads, limits.maxConcurrentRequests());
    server.setExecutor(pool);
    server.createContext("/", this::handle);
  }

  private static HttpsServer https(Builder builder) throws IOException {
    HttpsServer https = HttpsServer.create(builder.address, 64);
    https.setHttpsConfigurator(builder.tls.configurator());
    return https;
  }

  public static Builder builder() {
    return new Builder();
  }

  public AgentServer start() {
    server.start();
    return this;
  }

  /** The address actually bound (the port is known even when 0 was asked for). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** The base URI a client uses, e.g. {@code http://127.0.0.1:7878} or {@code https://...}. */
  public URI uri() {
    return URI.create(scheme + "://" + describe(address()));
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
    watchdog.close();
  }

  /**
   * Answers one exchange. An {@link IOException} (the client went away, or was too slow) is passed
   * on to the JDK server, which then closes the connection and forgets it; swallowing it here would
   * leave the connection in the server's tables for good.
   */
  private void handle(HttpExchange exchange) throws IOException {
    Response response = respond(exchange);
    IoWatchdog.Watch watch = watchdog.watch(limits.requestTimeout(), () -> {});
    try (watch) {
      ApiRequest.discardBody(exchange, limits.maxBodyBytes());
      response.send(exchange);
      exchange.close();
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "could not answer " + exchange.getRequestURI(), e);
      throw e;
    }
    if (watch.expired()) {
      throw new IOException("the client did not take its answer in time");
    }
  }

  private Response respond(HttpExchange exchange) throws IOException {
    try {
      if (pool.shedding()) {
        throw ApiException.busy(pool.maxInFlight());
      }
      ApiRequest request = ApiRequest.of(exchange, limits, watchdog);
      List<Route> samePath =
          routes.stream().filter(route -> route.matchesPath(request.segments())).toList();
      if (samePath.isEmpty()) {
        throw ApiException.notFound("no such path; the API is described in docs/protocol.md");
      }
      Optional<Route> route =
          samePath.stream().filter(r -> r.method().equals(request.method())).findFirst();
      if (route.isEmpty()) {
        throw ApiException.methodNotAllowed(samePath.stream().map(Route::method).toList());
      }
      Token caller = route.get().authenticated() ? authenticator.authenticate(request) : null;
      return route.get().handler().handle(request, caller);
    } catch (ApiException e) {
      return Response.error(e);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "internal error answering " + exchange.getRequestURI(), e);
      return Response.error(ApiException.internal());
    }
  }

  private static String describe(InetSocketAddress address) {
    InetAddress ip = address.getAddress();
    String host = ip.getHostAddress();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
  }

  /** Builds an {@link AgentServer}; {@link #build} binds the address. */
  public static final class Builder {
    private InetSocketAddress address =
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 7878);
    private SessionCatalog catalog;
    private TokenStore tokens;
    private AuditLog auditLog;
    private AgentIdentity identity = AgentIdentity.ofThisHost();
    private Clock clock = Clock.systemUTC();
    private int threads = 8;
    private RequestLimits limits = RequestLimits.DEFAULTS;
    private LockoutSettings lockout = LockoutSettings.DEFAULTS;
    private ServerTls tls;

    private Builder() {}

    public Builder address(InetSocketAddress value) {
      address = value;
      return this;
    }

    public Builder catalog(SessionCatalog value) {
      catalog = value;
      return this;
    }

    public Builder tokens(TokenStore value) {
      tokens = value;
      return this;
    }

    public Builder auditLog(AuditLog value) {
      auditLog = value;
      return this;
    }

    public Builder identity(AgentIdentity value) {
      identity = value;
      return this;
    }

    public Builder clock(Clock value) {
      clock = value;
      return this;
    }

    public Builder threads(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("threads must be at least 1");
      }
      threads = value;
      return this;
    }

    public Builder limits(RequestLimits value) {
      limits = Objects.requireNonNull(value, "limits");
      return this;
    }

    public Builder lockout(LockoutSettings value) {
      lockout = Objects.requireNonNull(value, "lockout");
      return this;
    }

    /** Serves HTTPS with these keys and settings; null (the default) for plain HTTP. */
    public Builder tls(ServerTls value) {
      tls = value;
      return this;
    }

    /**
     * Binds the address; call {@link AgentServer#start} to serve.
     *
     * @throws IOException naming the address when it cannot be bound
     */
    public AgentServer build() throws IOException {
      Objects.requireNonNull(catalog, "catalog");
      Objects.requireNonNull(tokens, "tokens");
      Objects.requireNonNull(auditLog, "auditLog");
      return new AgentServer(this);
    }
  }
}
