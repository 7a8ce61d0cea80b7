package dev.sessionwatch.app.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.demo.DemoHost;
import dev.sessionwatch.app.agent.AgentClient;
import dev.sessionwatch.app.agent.AgentEndpoint;
import dev.sessionwatch.app.local.LocalAgent;
import dev.sessionwatch.protocol.SessionKind;
import dev.sessionwatch.protocol.SourceStatus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a real agent over loopback. Answers reach the fleet through a queue this test drains on
 * its own thread, standing in for the FX thread.
 */
class HostPollerTest {
  private static final Duration INTERVAL = Duration.ofMillis(100);

  private final OkHttpClient http = new OkHttpClient();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final BlockingQueue<Runnable> fxThread = new LinkedBlockingQueue<>();
  private final Fleet fleet = new Fleet(Clock.systemUTC());
  private final Host web01 = fleet.addHost("web01");

  private LocalAgent agent;

  @BeforeEach
  void startAgent(@TempDir Path dir) throws IOException {
    DemoHost demoHost = new DemoHost("web01", 7, Clock.systemUTC());
    agent = LocalAgent.start("web01", demoHost.sources(), dir.resolve("audit.log"));
  }

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
    agent.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  @Test
  void handsEachAnswerToTheFleetThroughTheFxExecutor() throws InterruptedException {
    try (HostPoller poller = poller(agent.host().endpoint())) {
      poller.start(INTERVAL);

      runNextOnFxThread();

      assertThat(web01.status().isOnline()).isTrue();
      int sessions =
          fleet.sessions(SessionKind.PANEL).size()
              + fleet.sessions(SessionKind.FTP).size()
              + fleet.sessions(SessionKind.TERMINAL).size();
      assertThat(sessions).isPositive();
    }
  }

  @Test
  void learnsWhichSourcesOfTheHostWorkWithTheFirstAnswer() throws InterruptedException {
    try (HostPoller poller = poller(agent.host().endpoint())) {
      poller.start(INTERVAL);

      runNextOnFxThread();

      assertThat(web01.sources())
          .extracting(SourceStatus::name)
          .containsExactlyInAnyOrder("demo-panel", "demo-ftp", "demo-terminal");
    }
  }

  @Test
  void pollsAgainOnItsSchedule() throws InterruptedException {
    try (HostPoller poller = poller(agent.host().endpoint())) {
      poller.start(INTERVAL);

      runNextOnFxThread();
      runNextOnFxThread();
      runNextOnFxThread();

      assertThat(web01.lastRefreshProperty().get()).isNotNull();
    }
  }

  @Test
  void refreshesNowWhenAsked() throws InterruptedException {
    try (HostPoller poller = poller(agent.host().endpoint())) {
      poller.start(Duration.ofHours(1));
      runNextOnFxThread();

      poller.refreshNow();

      assertThat(fxThread.poll(5, TimeUnit.SECONDS)).isNotNull();
    }
  }

  @Test
  void handsNothingOnOnceClosed() throws InterruptedException {
    HostPoller poller = poller(agent.host().endpoint());
    poller.start(INTERVAL);
    runNextOnFxThread();

    poller.close();
    Thread.sleep(INTERVAL.multipliedBy(2).toMillis()); // let a poll under way finish
    fxThread.clear();

    assertThat(fxThread.poll(INTERVAL.multipliedBy(4).toMillis(), TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void aDeadAgentMakesItsHostUnreachable() throws IOException, InterruptedException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    try (HostPoller poller =
        poller(new AgentEndpoint(URI.create("http://127.0.0.1:" + port), "token"))) {
      poller.start(INTERVAL);

      runNextOnFxThread();

      assertThat(web01.status().state()).isEqualTo(HostStatus.State.UNREACHABLE);
    }
  }

  private HostPoller poller(AgentEndpoint endpoint) {
    AgentClient client = new AgentClient(http, endpoint, Duration.ofSeconds(2), Clock.systemUTC());
    return new HostPoller(web01, client, fleet, scheduler, fxThread::add);
  }

  private void runNextOnFxThread() throws InterruptedException {
    Runnable answer = fxThread.poll(5, TimeUnit.SECONDS);
    assertThat(answer).as("an answer within 5 s").isNotNull();
    answer.run();
  }
}
