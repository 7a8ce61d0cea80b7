package dev.sessionwatch.app;

import dev.sessionwatch.app.agent.AgentClient;
import dev.sessionwatch.app.local.EmbeddedAgents;
import dev.sessionwatch.app.local.LocalAgent;
import dev.sessionwatch.app.settings.LoadedSettings;
import dev.sessionwatch.app.settings.SettingsStore;
import dev.sessionwatch.app.settings.WindowSize;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;

/**
 * The console as a JavaFX application: reads the settings, starts the threads that poll, and the
 * main window; stops them all and saves the settings when the window closes. Started by {@link
 * Launcher}.
 */
public final class SessionwatchApp extends Application {
  /** Threads that poll the agents, shared by every host (the benchmark runs the same number). */
  public static final int POLLING_THREADS = 4;

  private static final List<Integer> ICON_SIZES = List.of(16, 32, 48, 64, 128, 256);

  private ConsoleOptions options;
  private SettingsStore store;
  private LoadedSettings loaded;
  private EmbeddedAgents embedded;
  private ScheduledExecutorService scheduler;
  private OkHttpClient http;
  private Console console;

  /** Reads the settings; runs before the window, off the FX thread. */
  @Override
  public void init() {
    options = ConsoleOptions.parse(getParameters().getRaw());
    Path home = Path.of(System.getProperty("user.home"));
    Path directory =
        options.configDirectory() != null
            ? options.configDirectory()
            : SettingsStore.defaultDirectory(System.getenv(), System.getProperty("os.name"), home);
    store = new SettingsStore(directory, Clock.systemUTC());
    loaded = store.load();
    embedded =
        new EmbeddedAgents(
            () -> LocalAgent.forThisComputer(LocalAgent.defaultAuditLog(System.getenv(), home)));
  }

  @Override
  public void start(Stage stage) {
    scheduler =
        Executors.newScheduledThreadPool(POLLING_THREADS, daemonThreads("sessionwatch-poll-"));
    http = AgentClient.newSharedHttpClient();
    console =
        new Console(
            loaded,
            store,
            embedded,
            http,
            scheduler,
            Platform::runLater,
            Clock.systemDefaultZone());
    WindowSize size = loaded.settings().window();
    if (!size.fitsAScreen()) {
      size = WindowSize.DEFAULT;
    }
    Scene scene = new Scene(console.view(), size.width(), size.height());
    scene.getStylesheets().add(SessionwatchApp.class.getResource("app.css").toExternalForm());
    stage
        .titleProperty()
        .bind(
            console
                .demoProperty()
                .map(demo -> demo ? "Sessionwatch (with demo servers)" : "Sessionwatch"));
    for (int iconSize : ICON_SIZES) {
      stage
          .getIcons()
          .add(
              new Image(
                  Objects.requireNonNull(
                          SessionwatchApp.class.getResource("icon-" + iconSize + ".png"),
                          "icon " + iconSize)
                      .toExternalForm()));
    }
    stage.setMinWidth(640);
    stage.setMinHeight(400);
    stage.setScene(scene);
    scene.widthProperty().subscribe(() -> windowResized(scene));
    scene.heightProperty().subscribe(() -> windowResized(scene));
    stage.show();
    // Before start: with --demo, this computer is not watched even for a moment.
    console.demoProperty().set(options.demo());
    console.start();
  }

  private void windowResized(Scene scene) {
    console.windowResized(new WindowSize(scene.getWidth(), scene.getHeight()));
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
    if (embedded != null) {
      embedded.close();
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
