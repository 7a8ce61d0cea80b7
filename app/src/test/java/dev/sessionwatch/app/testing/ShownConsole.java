package dev.sessionwatch.app.testing;

import dev.sessionwatch.app.Console;
import dev.sessionwatch.app.SessionwatchApp;
import dev.sessionwatch.app.fleet.WatchedHost;
import dev.sessionwatch.app.local.LocalAgent;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A console watching some agents' hosts, shown in the primary stage with the app's stylesheet, and
 * the threads and HTTP client it runs on; {@link #close} stops them all, and the agents.
 */
public final class ShownConsole implements AutoCloseable {
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
  private final OkHttpClient http = new OkHttpClient();
  private final List<LocalAgent> agents;
  private final Stage stage;
  private Console console;

  private ShownConsole(List<LocalAgent> agents) throws Exception {
    this.agents = agents;
    List<WatchedHost> hosts = agents.stream().map(LocalAgent::host).toList();
    stage = FxToolkit.registerPrimaryStage();
    FxToolkit.setupStage(
        primary -> {
          console = new Console(hosts, http, scheduler, Platform::runLater, Clock.systemUTC());
          Scene scene = new Scene(console.view(), 1280, 760);
          scene.getStylesheets().add(SessionwatchApp.class.getResource("app.css").toExternalForm());
          primary.setScene(scene);
          primary.show();
          console.start();
        });
  }

  /** Shows a console watching these agents' hosts; closing it closes the agents too. */
  public static ShownConsole watching(List<LocalAgent> agents) throws Exception {
    try {
      return new ShownConsole(agents);
    } catch (Exception | Error e) {
      agents.forEach(LocalAgent::close);
      throw e;
    }
  }

  public Console console() {
    return console;
  }

  public Stage stage() {
    return stage;
  }

  @Override
  public void close() throws Exception {
    if (console != null) {
      WaitForAsyncUtils.asyncFx(console::close).get();
    }
    FxToolkit.cleanupStages();
    scheduler.shutdownNow();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
    agents.forEach(LocalAgent::close);
  }
}
