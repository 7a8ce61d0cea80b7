package dev.sessionwatch.app.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.sessionwatch.agent.demo.DemoHost;
import dev.sessionwatch.agent.testing.Await;
import dev.sessionwatch.app.local.LocalAgent;
import dev.sessionwatch.protocol.ActionOutcome;
import dev.sessionwatch.protocol.HostInfo;
import dev.sessionwatch.protocol.Role;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import dev.sessionwatch.protocol.SourceStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real agent over loopback HTTP. */
class AgentClientTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final OkHttpClient http = new OkHttpClient();

  /** Stopped, so the simulation changes only when a test adds a session. */
  private final DemoHost demoHost =
      new DemoHost("web01", 7, Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));

  private LocalAgent agent;

  @BeforeEach
  void startAgent(@TempDir Path dir) throws IOException {
    agent = LocalAgent.start("web01", demoHost.sources(), dir.resolve("audit.log"));
  }

  @AfterEach
  void stopAgent() {
    agent.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  @Test
  void fetchesTheSessionListWithTheAgentsClock() {
    AgentResponse<SessionSnapshot> response = client(agent.host().endpoint()).sessions();

    assertThat(response).isInstanceOf(AgentResponse.Success.class);
    SessionSnapshot snapshot = ((AgentResponse.Success<SessionSnapshot>) response).value();
    assertThat(snapshot.modified()).isTrue();
    assertThat(snapshot.list().host()).isEqualTo("web01");
    assertThat(snapshot.list().sessions()).isNotEmpty();
    assertThat(snapshot.clock().agentTime()).isEqualTo(snapshot.list().collectedAt());
  }

  @Test
  void anUnchangedHostAnswers304AndTheClientKeepsTheList() {
    AgentClient client = client(agent.host().endpoint());
    SessionSnapshot first = success(client.sessions());

    SessionSnapshot second = success(client.sessions());

    assertThat(second.modified()).isFalse();
    assertThat(second.list()).isSameAs(first.list());
    assertThat(second.clock()).isEqualTo(first.clock());
  }

  @Test
  void aChangedHostSendsItsChangesAndTheClientHasTheWholeList() throws Exception {
    AgentClient client = client(agent.host().endpoint());
    SessionSnapshot first = success(client.sessions());
    String added = demoHost.addSession(SessionKind.FTP).id();

    // The agent reads its sources again once its refresh window (1 s) has passed.
    SessionSnapshot second =
        Await.value(
            "the changed list",
            Duration.ofSeconds(5),
            () -> Optional.of(success(client.sessions())).filter(SessionSnapshot::modified));

    assertThat(second.modified()).isTrue();
    assertThat(second.list().sessions()).hasSize(first.list().sessions().size() + 1);
    assertThat(second.list().sessions()).anyMatch(session -> session.id().equals(added));
    // Only the changes came: the sessions that did not change are the very objects of the first.
    assertThat(second.list().sessions())
        .anyMatch(session -> first.list().sessions().stream().anyMatch(kept -> kept == session));
    // And the changes come with it, from the first list, for the fleet to take without a diff.
    assertThat(second.changedFrom()).isSameAs(first.list());
    assertThat(second.changes().changed()).extracting(Session::id).contains(added);
  }

  @Test
  void changesToAnotherListThanTheClientsAreRefusedAndTheWholeListAskedForNext()
      throws IOException {
    List<String> ifNoneMatch = new ArrayList<>();
    HttpServer confused = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    confused.createContext(
        "/",
        exchange -> {
          String sent = exchange.getRequestHeaders().getFirst("If-None-Match");
          ifNoneMatch.add(String.valueOf(sent));
          String body = "{\"host\":\"web01\",\"collectedAt\":\"2026-03-01T10:00:00Z\"}";
          exchange.getResponseHeaders().add("ETag", "\"one\"");
          if (sent != null) {
            exchange.getResponseHeaders().add("IM", "changes");
            exchange.getResponseHeaders().add("Delta-Base", "\"another\"");
          }
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(sent == null ? 200 : 226, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    confused.start();
    try {
      AgentClient client =
          client(
              new AgentEndpoint(
                  URI.create("http://127.0.0.1:" + confused.getAddress().getPort()), "token"));
      success(client.sessions());

      AgentResponse<SessionSnapshot> changes = client.sessions();
      client.sessions();

      assertThat(changes).isInstanceOf(AgentResponse.Malformed.class);
      assertThat(ifNoneMatch).containsExactly("null", "\"one\"", "null");
    } finally {
      confused.stop(0);
    }
  }

  @Test
  void eachAgentsClientConnectsOnceAndKeepsTheConnection(@TempDir Path dir) throws Exception {
    AtomicInteger connects = new AtomicInteger();
    OkHttpClient shared =
        AgentClient.newSharedHttpClient()
            .newBuilder()
            .eventListener(
                new EventListener() {
                  @Override
                  public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
                    connects.incrementAndGet();
                  }
                })
            .build();
    List<LocalAgent> agents = new ArrayList<>();
    try {
      for (int index = 0; index < 8; index++) {
        agents.add(
            LocalAgent.start("web" + index, demoHost.sources(), dir.resolve(index + ".log")));
      }
      for (LocalAgent each : agents) {
        AgentClient client =
            new AgentClient(shared, each.host().endpoint(), TIMEOUT, Clock.systemUTC());
        success(client.sessions());
        success(client.sessions());
      }

      assertThat(connects).hasValue(8);
    } finally {
      agents.forEach(LocalAgent::close);
      shared.dispatcher().executorService().shutdown();
    }
  }

  @Test
  void fetchesWhichSourcesOfTheHostWork() {
    AgentResponse<HostInfo> response = client(agent.host().endpoint()).hostInfo();

    assertThat(response).isInstanceOf(AgentResponse.Success.class);
    HostInfo info = ((AgentResponse.Success<HostInfo>) response).value();
    assertThat(info.host()).isEqualTo("web01");
    assertThat(info.role()).isEqualTo(Role.OPERATOR);
    assertThat(info.sources())
        .extracting(SourceStatus::kind)
        .containsExactlyInAnyOrder(SessionKind.values());
  }

  @Test
  void aWrongTokenIsUnauthorisedForTheHostToo() {
    AgentEndpoint wrongToken = new AgentEndpoint(agent.host().endpoint().baseUri(), "not-a-token");

    assertThat(client(wrongToken).hostInfo()).isInstanceOf(AgentResponse.Unauthorized.class);
  }

  @Test
  void aWrongTokenIsUnauthorised() {
    AgentEndpoint wrongToken = new AgentEndpoint(agent.host().endpoint().baseUri(), "not-a-token");

    AgentResponse<SessionSnapshot> response = client(wrongToken).sessions();

    assertThat(response).isInstanceOf(AgentResponse.Unauthorized.class);
    assertThat(((AgentResponse.Unauthorized<SessionSnapshot>) response).message()).isNotBlank();
  }

  @Test
  void anAgentErrorCarriesTheAgentsMessage() {
    URI wrongPath = agent.host().endpoint().baseUri().resolve("/not-the-api/");
    AgentEndpoint endpoint = new AgentEndpoint(wrongPath, agent.host().endpoint().token());

    AgentResponse<SessionSnapshot> response = client(endpoint).sessions();

    assertThat(response)
        .isEqualTo(
            new AgentResponse.AgentError<SessionSnapshot>(
                404, "no such path; the API is described in docs/protocol.md"));
  }

  @Test
  void aClosedPortIsUnreachable() throws IOException {
    int port = freePort();

    AgentResponse<SessionSnapshot> response =
        client(new AgentEndpoint(URI.create("http://127.0.0.1:" + port), "token")).sessions();

    assertThat(response)
        .isEqualTo(
            new AgentResponse.Unreachable<SessionSnapshot>(
                "connection refused by 127.0.0.1:" + port));
  }

  @Test
  void anAgentThatDoesNotAnswerTimesOut() throws IOException {
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      AgentEndpoint endpoint =
          new AgentEndpoint(URI.create("http://127.0.0.1:" + silent.getLocalPort()), "token");
      AgentClient client =
          new AgentClient(http, endpoint, Duration.ofMillis(300), Clock.systemUTC());

      long started = System.nanoTime();
      AgentResponse<SessionSnapshot> response = client.sessions();

      assertThat(response)
          .isEqualTo(new AgentResponse.Unreachable<SessionSnapshot>("no answer within 0.3 s"));
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }
  }

  @Test
  void anAnswerThatIsNotASessionListIsMalformed() throws IOException {
    HttpServer notAnAgent = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    notAnAgent.createContext(
        "/",
        exchange -> {
          byte[] body = "<html>welcome</html>".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    notAnAgent.start();
    try {
      URI uri = URI.create("http://127.0.0.1:" + notAnAgent.getAddress().getPort());

      AgentResponse<SessionSnapshot> response = client(new AgentEndpoint(uri, "token")).sessions();

      assertThat(response).isInstanceOf(AgentResponse.Malformed.class);
      assertThat(((AgentResponse.Malformed<SessionSnapshot>) response).detail())
          .startsWith("the agent's answer is not a session list");
    } finally {
      notAnAgent.stop(0);
    }
  }

  @Test
  void neverShowsTheTokenInTheEndpointsText() {
    assertThat(agent.host().endpoint().toString()).doesNotContain(agent.host().endpoint().token());
  }

  @Test
  void endsASessionOnTheAgent() {
    Session added = demoHost.addSession(SessionKind.FTP);
    AgentClient client = client(agent.host().endpoint());

    ActionResponse response = client.perform(added.id(), SessionAction.END);

    assertThat(response).isInstanceOf(ActionResponse.Done.class);
    ActionOutcome outcome = ((ActionResponse.Done) response).outcome();
    assertThat(outcome.sessionId()).isEqualTo(added.id());
    assertThat(outcome.action()).isEqualTo(SessionAction.END);
    assertThat(outcome.sessionEnded()).isTrue();
    assertThat(success(client.sessions()).list().sessions())
        .noneMatch(session -> session.id().equals(added.id()));
  }

  @Test
  void aSessionThatEndedIsGone() {
    Session added = demoHost.addSession(SessionKind.FTP);
    AgentClient client = client(agent.host().endpoint());
    client.perform(added.id(), SessionAction.END);

    ActionResponse again = client.perform(added.id(), SessionAction.END);

    assertThat(again).isInstanceOf(ActionResponse.Gone.class);
    assertThat(((ActionResponse.Gone) again).message()).contains(added.id());
  }

  @Test
  void anActionTheSessionDoesNotOfferIsNotOffered() {
    Session ftp = demoHost.addSession(SessionKind.FTP);

    ActionResponse response =
        client(agent.host().endpoint()).perform(ftp.id(), SessionAction.LOGOUT);

    assertThat(response).isInstanceOf(ActionResponse.NotOffered.class);
  }

  @Test
  void sendsTheSessionIdAsOnePathSegment() {
    ActionResponse response =
        client(agent.host().endpoint()).perform("odd/id with space?", SessionAction.END);

    assertThat(response).isInstanceOf(ActionResponse.Gone.class);
    assertThat(((ActionResponse.Gone) response).message()).contains("odd/id with space?");
  }

  @Test
  void aViewerTokenIsForbiddenToAct(@TempDir Path dir) throws IOException {
    Session added = demoHost.addSession(SessionKind.FTP);
    try (LocalAgent viewer =
        LocalAgent.start(
            "web01", demoHost.sources(), dir.resolve("viewer-audit.log"), Role.VIEWER)) {
      ActionResponse response =
          client(viewer.host().endpoint()).perform(added.id(), SessionAction.END);

      assertThat(response).isInstanceOf(ActionResponse.Forbidden.class);
      assertThat(((ActionResponse.Forbidden) response).message()).contains("viewer token");
    }
  }

  @Test
  void aWrongTokenIsUnauthorisedToAct() {
    AgentEndpoint wrongToken = new AgentEndpoint(agent.host().endpoint().baseUri(), "not-a-token");

    assertThat(client(wrongToken).perform("demo-ftp:1", SessionAction.END))
        .isInstanceOf(ActionResponse.Unauthorized.class);
  }

  @Test
  void anActionOnAClosedPortIsUnreachable() throws IOException {
    int port = freePort();

    ActionResponse response =
        client(new AgentEndpoint(URI.create("http://127.0.0.1:" + port), "token"))
            .perform("demo-ftp:1", SessionAction.END);

    assertThat(response)
        .isEqualTo(new ActionResponse.Unreachable("connection refused by 127.0.0.1:" + port));
  }

  private AgentClient client(AgentEndpoint endpoint) {
    return new AgentClient(http, endpoint, TIMEOUT, Clock.systemUTC());
  }

  private static SessionSnapshot success(AgentResponse<SessionSnapshot> response) {
    assertThat(response).isInstanceOf(AgentResponse.Success.class);
    return ((AgentResponse.Success<SessionSnapshot>) response).value();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
