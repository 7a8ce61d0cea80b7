package dev.sessionwatch.agent.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for Plesk's XML API ({@code POST /enterprise/control/agent.php}) on a free port of
 * 127.0.0.1, over HTTPS with a self-signed certificate. It answers the documented {@code
 * session/get} and {@code session/terminate} request packets from panel logins the test controls,
 * refuses a wrong {@code KEY} with the packet Plesk sends for it, answers anything else with
 * Plesk's parsing error, and records every request it got.
 *
 * <p>The packets are Plesk's documented ones: <a
 * href="https://docs.plesk.com/en-US/12.5/api-rpc/40403">Retrieving Sessions List</a>, <a
 * href="https://docs.plesk.com/en-US/obsidian/api-rpc/about-xml-api/reference/managing-sessions/terminating-session.40425">Terminating
 * Session</a>, <a
 * href="https://docs.plesk.com/en-US/obsidian/api-rpc/about-xml-api/error-codes/reduced-list-of-error-codes.33765">Reduced
 * List of Error Codes</a>; the wrong-key answer is the one Plesk 17 sent in
 * github.com/plesk/letsencrypt-plesk/issues/151.
 */
public final class PleskApiServer implements AutoCloseable {

  public static final String PATH = "/enterprise/control/agent.php";

  /** The request packets Plesk documents, byte for byte what the source must send. */
  public static final String SESSION_GET =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><packet><session><get/></session></packet>";

  private static final Pattern SESSION_TERMINATE =
      Pattern.compile(
          Pattern.quote(
                  "<?xml version=\"1.0\" encoding=\"UTF-8\"?><packet><session><terminate>"
                      + "<session-id>")
              + "([0-9a-f]+)"
              + Pattern.quote("</session-id></terminate></session></packet>"));

  public static final String WRONG_KEY_ANSWER =
      "<?xml version=\"1.0\"?>\n"
          + "<packet version=\"1.6.8.0\">\n"
          + "  <system>\n"
          + "    <status>error</status>\n"
          + "    <errcode>11003</errcode>\n"
          + "    <errtext>PleskAPIInvalidSecretKeyException : Invalid secret key usage."
          + " Please check logs for details.</errtext>\n"
          + "  </system>\n"
          + "</packet>\n";

  private static final String PARSING_ERROR_ANSWER =
      "<?xml version=\"1.0\"?>\n"
          + "<packet version=\"1.6.9.1\"><system><status>error</status><errcode>1014</errcode>"
          + "<errtext>Parsing error: wrong format of XML request.</errtext></system></packet>\n";

  private static final int MAX_REQUEST_BYTES = 64 * 1024;

  /**
   * A panel login as Plesk lists it; times as Plesk writes them ({@code 2007-02-20T05:21:00}).
   *
   * @param id Plesk's session id (its session token)
   */
  public record PanelLogin(
      String id, String type, String ipAddress, String login, String loginTime, String idle) {}

  /** One request as the server got it. */
  public record Received(String method, String path, String contentType, String key, String body) {}

  private final HttpsServer server;
  private final ExecutorService threads;
  private final String secretKey;
  private final Map<String, PanelLogin> logins = new LinkedHashMap<>();
  private final List<Received> received = new ArrayList<>();
  private String nextAnswer;
  private String endsBeforeNextTerminate;
  private String nextTerminateAnswer;
  private Duration delay = Duration.ZERO;

  private PleskApiServer(PanelCertificate certificate, String secretKey) throws Exception {
    this.secretKey = secretKey;
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(certificate.configurator());
    threads = Executors.newFixedThreadPool(4);
    server.setExecutor(threads);
    server.createContext(PATH, this::handle);
    server.start();
  }

  /** Serves on a free loopback port, accepting only this secret key. */
  public static PleskApiServer start(PanelCertificate certificate, String secretKey)
      throws Exception {
    return new PleskApiServer(certificate, secretKey);
  }

  /** The XML API's URL, by address (as the agent reaches Plesk on 127.0.0.1:8443). */
  public URI url() {
    return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + PATH);
  }

  /** A user logs in to the panel. */
  public synchronized void login(PanelLogin login) {
    logins.put(login.id(), login);
  }

  /** The session ends on its own (the user logged out, or it timed out). */
  public synchronized void end(String id) {
    logins.remove(id);
  }

  public synchronized boolean lists(String id) {
    return logins.containsKey(id);
  }

  /** The session ends on its own just before the next terminate request is handled. */
  public synchronized void endBeforeNextTerminate(String id) {
    endsBeforeNextTerminate = id;
  }

  /** The next terminate request gets this answer instead of what Plesk would do. */
  public synchronized void answerNextTerminate(String packet) {
    nextTerminateAnswer = packet;
  }

  /** The next request, whatever it asks, gets this text. */
  public synchronized void answerNext(String text) {
    nextAnswer = text;
  }

  /** Every answer waits this long before it is sent. */
  public synchronized void delayAnswers(Duration delay) {
    this.delay = delay;
  }

  public synchronized List<Received> received() {
    return List.copyOf(received);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readNBytes(MAX_REQUEST_BYTES), StandardCharsets.UTF_8);
    }
    String answer;
    Duration wait;
    synchronized (this) {
      received.add(
          new Received(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              exchange.getRequestHeaders().getFirst("Content-Type"),
              exchange.getRequestHeaders().getFirst("KEY"),
              body));
      answer = answer(exchange.getRequestHeaders().getFirst("KEY"), body);
      wait = delay;
    }
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.close();
      return;
    }
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/xml");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private String answer(String key, String body) {
    if (nextAnswer != null) {
      String answer = nextAnswer;
      nextAnswer = null;
      return answer;
    }
    if (!secretKey.equals(key)) {
      return WRONG_KEY_ANSWER;
    }
    if (SESSION_GET.equals(body)) {
      return sessionList();
    }
    Matcher terminate = SESSION_TERMINATE.matcher(body);
    if (terminate.matches()) {
      return terminate(terminate.group(1));
    }
    return PARSING_ERROR_ANSWER;
  }

  private String sessionList() {
    StringBuilder packet =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<packet version=\"1.6.9.1\">\n"
                + "  <session>\n    <get>\n      <result>\n        <status>ok</status>\n");
    for (PanelLogin login : logins.values()) {
      packet
          .append("        <session>\n")
          .append("          <id>")
          .append(login.id())
          .append("</id>\n          <type>")
          .append(login.type())
          .append("</type>\n          <ip-address>")
          .append(login.ipAddress())
          .append("</ip-address>\n          <login>")
          .append(login.login())
          .append("</login>\n          <login-time>")
          .append(login.loginTime())
          .append("</login-time>\n          <idle>")
          .append(login.idle())
          .append("</idle>\n        </session>\n");
    }
    return packet.append("      </result>\n    </get>\n  </session>\n</packet>\n").toString();
  }

  private String terminate(String id) {
    if (id.equals(endsBeforeNextTerminate)) {
      logins.remove(id);
      endsBeforeNextTerminate = null;
    }
    if (nextTerminateAnswer != null) {
      String answer = nextTerminateAnswer;
      nextTerminateAnswer = null;
      return answer;
    }
    if (logins.remove(id) == null) {
      return terminateAnswer(
          "<status>error</status><errcode>1013</errcode><errtext>Session does not exist</errtext>");
    }
    return terminateAnswer("<status>ok</status>");
  }

  /** A {@code session/terminate} answer with this result. */
  public static String terminateAnswer(String result) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<packet version=\"1.6.9.1\"><session>"
        + "<terminate><result>"
        + result
        + "</result></terminate></session></packet>\n";
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
