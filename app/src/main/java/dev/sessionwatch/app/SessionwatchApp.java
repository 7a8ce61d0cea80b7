package dev.sessionwatch.app;

import dev.sessionwatch.app.local.LocalAgent;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;

/**
 * The console as a JavaFX application: starts the embedded agent, the threads that poll, and the
 * main window; stops them all when the window closes. Started by {@link Launcher}.
 */
public final class SessionwatchApp extends Application {
  private static final int POLLING_THREADS = 4;

  private ConsoleOptions options;
  private LocalAgent localAgent;
  private ScheduledExecutorService scheduler;
  private OkHttpClient http;
  private Console console;

  /** Starts the embedded agent; runs before the window, off the FX thread. */
  @Override
  public void init() throws Exception {
    options = ConsoleOptions.parse(getParameters().getRaw());
    localAgent =
        options.demo()
            ? LocalAgent.demo()
            : LocalAgent.forThisComputer(
                LocalAgent.defaultAuditLog(
                    System.getenv(), Path.of(System.getProperty("user.home"))));
  }

  @Override
  public void start(Stage stage) {
    scheduler =
        Executors.newScheduledThreadPool(POLLING_THREADS, daemonThreads("sessionwatch-poll-"));
    http = new OkHttpClient();
    console =
        new Console(
            List.of(localAgent.host()),
            http,
            scheduler,
            Platform::runLater,
            Clock.systemDefaultZone());
    Scene scene = new Scene(console.view(), 1280, 760);
    scene.getStylesheets().add(SessionwatchApp.class.getResource("app.css").toExternalForm());
    stage.setTitle(options.demo() ? "Sessionwatch (demo)" : "Sessionwatch");
    stage.setMinWidth(640);
    stage.setMinHeight(400);
    stage.setScene(scene);
    stage.show();
    console.start();
  }

  @Override
  public void stop() {
    if (console != null) {
      console.close();
    }
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
    if (http != null) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
    if (localAgent != null) {
      localAgent.close();
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
