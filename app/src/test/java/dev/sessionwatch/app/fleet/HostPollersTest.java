package dev.sessionwatch.app.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.demo.DemoHost;
import dev.sessionwatch.app.local.LocalAgent;
import dev.sessionwatch.protocol.SessionKind;
import java.io.IOException;
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
 * Against a real agent over loopback; answers reach the fleet through a queue this test drains,
 * standing in for the FX thread.
 */
class HostPollersTest {
  private static final Duration INTERVAL = Duration.ofMillis(100);

  private final OkHttpClient http = new OkHttpClient();
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
  private final BlockingQueue<Runnable> fxThread = new LinkedBlockingQueue<>();
  private final Fleet fleet = new Fleet(Clock.systemUTC());
  private LocalAgent agent;
  private HostPollers pollers;

  @BeforeEach
  void startAgent(@TempDir Path dir) throws IOException {
    agent =
        LocalAgent.start(
            "web01",
            new DemoHost("web01", 3, Clock.systemUTC()).sources(),
            dir.resolve("audit.log"));
  }

  @AfterEach
  void stop() {
    pollers.close();
    scheduler.shutdownNow();
    agent.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private HostPollers pollers(Duration interval) {
    pollers =
        new HostPollers(
            fleet,
            http,
            scheduler,
            fxThread::add,
            Clock.systemUTC(),
            Duration.ofSeconds(2),
            interval);
    return pollers;
  }

  @Test
  void pollsAHostAddedWhileRunning() throws InterruptedException {
    pollers(INTERVAL).start();

    Host web01 = pollers.add(agent.host());
    runNextOnFxThread();

    assertThat(web01.status().isOnline()).isTrue();
  }

  @Test
  void removingAHostRemovesItsSessionsAndStopsItsPolling() throws InterruptedException {
    pollers(INTERVAL).start();
    Host web01 = pollers.add(agent.host());
    runNextOnFxThread();
    assertThat(fleet.sessions(SessionKind.FTP)).isNotEmpty();

    pollers.remove(web01);
    Thread.sleep(INTERVAL.multipliedBy(2).toMillis()); // let a poll under way finish
    fxThread.forEach(Runnable::run);
    fxThread.clear();

    assertThat(fleet.hosts()).isEmpty();
    assertThat(fleet.sessions(SessionKind.FTP)).isEmpty();
    assertThat(fxThread.poll(INTERVAL.multipliedBy(4).toMillis(), TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void withAutoRefreshOffPollsOnlyWhenAsked() throws InterruptedException {
    pollers(INTERVAL).start();
    Host web01 = pollers.add(agent.host());
    runNextOnFxThread();

    pollers.setInterval(null);
    runNextOnFxThread(); // turning it off polls once more, now
    Thread.sleep(INTERVAL.toMillis());
    fxThread.clear();
    assertThat(fxThread.poll(INTERVAL.multipliedBy(4).toMillis(), TimeUnit.MILLISECONDS)).isNull();

    pollers.refreshNow(web01);
    runNextOnFxThread();
  }

  @Test
  void aShorterIntervalPollsMoreOften() throws InterruptedException {
    pollers(Duration.ofHours(1)).start();
    pollers.add(agent.host());
    runNextOnFxThread();
    assertThat(fxThread.poll(INTERVAL.multipliedBy(4).toMillis(), TimeUnit.MILLISECONDS)).isNull();

    pollers.setInterval(INTERVAL);

    runNextOnFxThread();
    runNextOnFxThread();
    runNextOnFxThread();
  }

  private void runNextOnFxThread() throws InterruptedException {
    Runnable answer = fxThread.poll(5, TimeUnit.SECONDS);
    assertThat(answer).as("an answer within 5 s").isNotNull();
    answer.run();
  }
}
