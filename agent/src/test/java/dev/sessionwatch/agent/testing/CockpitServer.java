package dev.sessionwatch.agent.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessionwatch.protocol.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The real Cockpit web server ({@code cockpit-ws}) on a free loopback port without TLS, a child
 * process of the test, and {@link Login}, what a browser does to log in and stay logged in.
 *
 * <p>It runs without systemd, as its user and group {@code cockpit-wsinstance}: {@code
 * cockpit-session}, which cockpit-ws starts for each login, is setuid root and may only be run by
 * that group. Needs root and the packages cockpit-ws and cockpit-bridge; skips the calling test
 * without them.
 */
public final class CockpitServer implements AutoCloseable {

  public static final Path COCKPIT_WS = Path.of("/usr/lib/cockpit/cockpit-ws");
  private static final Path COCKPIT_BRIDGE = Path.of("/usr/bin/cockpit-bridge");
  private static final String INSTANCE_USER = "cockpit-wsinstance";
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final Process process;
  private final int port;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  private CockpitServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts cockpit-ws; its output goes to {@code dir/cockpit-ws.log}. */
  public static CockpitServer start(Path dir) throws Exception {
    assumeTrue(ServerHost.isRoot(), "not root: the Cockpit tests create users and run Cockpit");
    assumeTrue(Files.isExecutable(COCKPIT_WS), COCKPIT_WS + " is missing (package cockpit-ws)");
    assumeTrue(
        Files.isExecutable(COCKPIT_BRIDGE),
        COCKPIT_BRIDGE + " is missing (package cockpit-bridge)");
    int port = ServerHost.freePort();
    Process process =
        ServerHost.launch(
            List.of(
                "setpriv",
                "--reuid=" + INSTANCE_USER,
                "--regid=" + INSTANCE_USER,
                "--init-groups",
                COCKPIT_WS.toString(),
                "--no-tls",
                "--port",
                Integer.toString(port),
                "--address",
                "127.0.0.1"),
            port,
            dir.resolve("cockpit-ws.log"));
    return new CockpitServer(process, port);
  }

  private URI uri(String scheme, String path) {
    return URI.create(scheme + "://127.0.0.1:" + port + path);
  }

  /**
   * Logs in as a browser does: {@code GET /cockpit/login} with the password, then the websocket
   * with the cookie it got, answering the server's {@code init}; returns once the login is
   * established.
   */
  public Login logIn(String user, String password) throws Exception {
    String credentials =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri("http", "/cockpit/login"))
                .header("Authorization", "Basic " + credentials)
                .timeout(TIMEOUT)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("login answered " + response.statusCode() + ": " + response.body());
    }
    String cookie =
        response
            .headers()
            .firstValue("Set-Cookie")
            .map(header -> header.split(";", 2)[0])
            .filter(pair -> pair.startsWith("cockpit="))
            .orElseThrow(() -> new IOException("login set no cockpit cookie"));
    Login login = new Login(cookie);
    login.socket =
        http.newWebSocketBuilder()
            .subprotocols("cockpit1")
            .header("Cookie", cookie)
            .header("Origin", "http://127.0.0.1:" + port)
            .connectTimeout(TIMEOUT)
            .buildAsync(uri("ws", "/cockpit/socket"), login)
            .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    try {
      login.initialised.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      return login;
    } catch (Exception | Error e) {
      login.close();
      throw e;
    }
  }

  /**
   * A browser's login: its cookie and its websocket, kept alive by answering pings.
   *
   * <p>Cockpit's frames are text, {@code CHANNEL\nJSON}; the control channel is the empty name, so
   * control messages start with a newline.
   */
  public final class Login implements WebSocket.Listener, AutoCloseable {
    private final String cookie;
    private final StringBuilder message = new StringBuilder();
    private final CompletableFuture<Void> initialised = new CompletableFuture<>();
    private final CompletableFuture<Integer> closedByServer = new CompletableFuture<>();
    private CompletableFuture<WebSocket> sending = CompletableFuture.completedFuture(null);
    private WebSocket socket;

    private Login(String cookie) {
      this.cookie = cookie;
    }

    /**
     * The websocket close code once the server closed the socket (or it broke off: then -1).
     *
     * @throws java.util.concurrent.TimeoutException when it is still open after the timeout
     */
    public int awaitClosedByServer(Duration timeout) throws Exception {
      return closedByServer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The status of {@code GET /cockpit/login} with this login's cookie: 200 while it lasts. */
    public int statusWithCookie() throws Exception {
      return http.send(
              HttpRequest.newBuilder(uri("http", "/cockpit/login"))
                  .header("Cookie", cookie)
                  .timeout(TIMEOUT)
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      message.append(data);
      if (last) {
        String frame = message.toString();
        message.setLength(0);
        if (frame.startsWith("\n")) {
          control(webSocket, frame.substring(1));
        }
      }
      webSocket.request(1);
      return null;
    }

    private void control(WebSocket webSocket, String json) {
      ObjectNode command;
      try {
        command = (ObjectNode) Json.mapper().readTree(json);
      } catch (IOException | ClassCastException e) {
        initialised.completeExceptionally(e);
        return;
      }
      switch (command.path("command").asText()) {
        case "init" -> {
          send(webSocket, "{\"command\":\"init\",\"version\":1}");
          initialised.complete(null);
        }
        case "ping" -> send(webSocket, command.put("command", "pong").toString());
        default -> {
          // Channel traffic and notices are of no interest to a login that only stays.
        }
      }
    }

    /** A websocket takes one message at a time: each waits for the one before. */
    private synchronized void send(WebSocket webSocket, String controlMessage) {
      sending = sending.thenCompose(previous -> webSocket.sendText("\n" + controlMessage, true));
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closedByServer.complete(statusCode);
      initialised.completeExceptionally(new IOException("closed before init: " + reason));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closedByServer.complete(-1);
      initialised.completeExceptionally(error);
    }

    /** Drops the websocket, as a closed browser tab does. */
    @Override
    public void close() {
      if (socket != null) {
        socket.abort();
      }
    }
  }

  /** Stops the logins' processes, then cockpit-ws. */
  @Override
  public void close() throws IOException, InterruptedException {
    ServerHost.stop(process);
  }
}
