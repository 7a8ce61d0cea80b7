package dev.sessionwatch.agent.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sessionwatch.agent.AgentIdentity;
import dev.sessionwatch.agent.audit.AuditLog;
import dev.sessionwatch.agent.auth.Token;
import dev.sessionwatch.agent.auth.TokenStore;
import dev.sessionwatch.agent.source.SessionCatalog;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The agent's HTTP API v1 on the JDK's {@link HttpServer}, served by a bounded pool of named daemon
 * threads. Every answer is JSON (but {@code /healthz}); failures are logged here and answered as
 * JSON errors, never as stack traces.
 */
public final class AgentServer implements Closeable {
  private static final Logger LOG = Logger.getLogger(AgentServer.class.getName());
  private static final int WRITE_SLICE = 64 * 1024;

  static {
    // The JDK server writes a response's headers and body apart; with Nagle's algorithm on, the
    // body waits for the client's delayed ACK of the headers: some 40 ms per answer.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final List<Route> routes;
  private final Authenticator authenticator;
  private final long maxBodyBytes;

  private AgentServer(Builder builder) throws IOException {
    this.authenticator = new Authenticator(builder.tokens);
    this.maxBodyBytes = builder.maxBodyBytes;
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
            Route.of("GET", "/v1/audit", true, new AuditHandler(builder.auditLog)));
    try {
      this.server = HttpServer.create(builder.address, 64);
    } catch (BindException e) {
      throw new BindException(
          "cannot listen on " + describe(builder.address) + ": " + e.getMessage());
    }
    this.executor = boundedPool(builder.threads);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
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

  /** The base URI a client uses, e.g. {@code http://127.0.0.1:7878}. */
  public URI uri() {
    return URI.create("http://" + describe(address()));
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) {
    try (exchange) {
      send(exchange, respond(exchange));
    } catch (IOException e) {
      LOG.log(Level.FINE, "client went away", e);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "could not answer " + exchange.getRequestURI(), e);
    }
  }

  private Response respond(HttpExchange exchange) throws IOException {
    try {
      ApiRequest request = ApiRequest.of(exchange, maxBodyBytes);
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

  private static void send(HttpExchange exchange, Response response) throws IOException {
    var headers = exchange.getResponseHeaders();
    response.headers().forEach(headers::set);
    headers.set("X-Content-Type-Options", "nosniff");
    if (response.body() == null) {
      exchange.sendResponseHeaders(response.status(), -1);
      return;
    }
    headers.set("Content-Type", response.contentType());
    exchange.sendResponseHeaders(response.status(), response.body().length);
    try (OutputStream out = exchange.getResponseBody()) {
      // In slices: the socket copies each write into a direct buffer cached per thread, and a
      // whole list of a big host at once would cost megabytes of it on every request thread.
      byte[] body = response.body();
      for (int from = 0; from < body.length; from += WRITE_SLICE) {
        out.write(body, from, Math.min(WRITE_SLICE, body.length - from));
      }
    }
  }

  private static ExecutorService boundedPool(int threads) {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory =
        runnable -> {
          Thread thread = new Thread(runnable, "agent-http-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    return new ThreadPoolExecutor(
        threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
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
    private long maxBodyBytes = 64 * 1024;

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

    public Builder maxBodyBytes(long value) {
      maxBodyBytes = value;
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
