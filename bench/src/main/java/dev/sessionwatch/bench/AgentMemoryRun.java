package dev.sessionwatch.bench;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The agent's memory: an agent with {@code sessions} simulated sessions runs in a JVM limited to
 * {@link #HEAP_LIMIT_MB} MB of heap, is polled by several clients over a few refresh windows (so it
 * renders and caches its answers), and reports the heap it holds after a full collection.
 */
final class AgentMemoryRun {
  static final int HEAP_LIMIT_MB = 64;

  private final int sessions;
  private final Duration polling;

  AgentMemoryRun(int sessions, Duration polling) {
    this.sessions = sessions;
    this.polling = polling;
  }

  /**
   * @param heapBytes in use after a full collection; -1 when the agent died (out of memory)
   */
  record Result(int sessions, long heapBytes, String failure) {}

  Result run() throws Exception {
    try (ChildJvm child =
        ChildJvm.start(
            AgentMemoryProbe.class,
            List.of("-Xmx" + HEAP_LIMIT_MB + "m", "-XX:+ExitOnOutOfMemoryError"),
            List.of(String.valueOf(sessions)))) {
      String[] ready = child.readLine().split(" ");
      URI agent = URI.create(ready[1]);
      String token = ready[2];
      try {
        poll(agent, token);
        child.send("HEAP");
        String heap = child.readLine();
        return new Result(sessions, Long.parseLong(heap.substring("HEAP ".length())), null);
      } catch (IOException | ExecutionException e) {
        return new Result(sessions, -1, e.getMessage());
      }
    }
  }

  /** Ten clients poll, each four times a second, for the polling time. */
  private void poll(URI agent, String token) throws Exception {
    OkHttpClient http = new OkHttpClient();
    ExecutorService clients = Executors.newFixedThreadPool(10);
    try {
      long end = System.nanoTime() + polling.toNanos();
      List<Future<Void>> running = new ArrayList<>();
      for (int client = 0; client < 10; client++) {
        running.add(
            clients.submit(
                () -> {
                  while (System.nanoTime() < end) {
                    Request request =
                        new Request.Builder()
                            .url(agent.resolve("/v1/sessions").toString())
                            .header("Authorization", "Bearer " + token)
                            .build();
                    try (Response response = http.newCall(request).execute()) {
                      if (response.code() != 200) {
                        throw new IOException("the agent answered HTTP " + response.code());
                      }
                      response.body().bytes();
                    }
                    Thread.sleep(250);
                  }
                  return null;
                }));
      }
      for (Future<Void> client : running) {
        client.get(polling.toSeconds() + 60, TimeUnit.SECONDS);
      }
    } finally {
      clients.shutdownNow();
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }
}
