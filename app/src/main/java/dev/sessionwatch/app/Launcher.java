package dev.sessionwatch.app;

import java.util.List;
import javafx.application.Application;

/**
 * The console's main class. It does not extend {@link Application}, so the console also starts from
 * a plain classpath (a jar or an app image) where JavaFX is not on the module path.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    try {
      ConsoleOptions.parse(List.of(args));
    } catch (IllegalArgumentException e) {
      System.err.println("sessionwatch: " + e.getMessage());
      System.err.print(ConsoleOptions.USAGE);
      System.exit(2);
    }
    Application.launch(SessionwatchApp.class, args);
  }
}
