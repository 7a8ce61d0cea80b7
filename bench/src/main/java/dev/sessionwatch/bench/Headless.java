package dev.sessionwatch.bench;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/** The JavaFX toolkit without a screen (Monocle, software rendering), as the app's tests run it. */
final class Headless {
  private static boolean started;

  private Headless() {}

  static synchronized void start() throws Exception {
    if (started) {
      return;
    }
    System.setProperty("glass.platform", "Monocle");
    System.setProperty("monocle.platform", "Headless");
    System.setProperty("prism.order", "sw");
    System.setProperty("java.awt.headless", "true");
    CompletableFuture<Void> up = new CompletableFuture<>();
    Platform.startup(() -> up.complete(null));
    up.get(60, TimeUnit.SECONDS);
    Platform.setImplicitExit(false);
    started = true;
  }

  /** Runs {@code work} on the FX thread and waits for its value. */
  static <T> T onFx(Callable<T> work) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            result.complete(work.call());
          } catch (Throwable e) {
            result.completeExceptionally(e);
          }
        });
    return result.get(120, TimeUnit.SECONDS);
  }
}
