package dev.sessionwatch.app;

import java.nio.file.Path;
import java.util.List;

/**
 * The console's command line.
 *
 * @param demo watch three simulated servers (web01, web02, mail01) besides the configured ones
 * @param configDirectory where the settings are kept instead of the usual folder; null for that
 */
public record ConsoleOptions(boolean demo, Path configDirectory) {
  static final String USAGE =
      """
      Usage: sessionwatch [--demo] [--config-dir=DIR]
        --demo             also watch three simulated servers where nothing real happens
        --config-dir=DIR   keep the settings in DIR (default: the user's configuration folder,
                           or $SESSIONWATCH_CONFIG_DIR)
      """;

  private static final String CONFIG_DIR = "--config-dir=";

  /**
   * Reads the arguments.
   *
   * @throws IllegalArgumentException naming an argument the console does not know
   */
  public static ConsoleOptions parse(List<String> arguments) {
    boolean demo = false;
    Path configDirectory = null;
    for (String argument : arguments) {
      if (argument.equals("--demo")) {
        demo = true;
      } else if (argument.startsWith(CONFIG_DIR) && argument.length() > CONFIG_DIR.length()) {
        configDirectory = Path.of(argument.substring(CONFIG_DIR.length()));
      } else {
        throw new IllegalArgumentException("unknown option '" + argument + "'");
      }
    }
    return new ConsoleOptions(demo, configDirectory);
  }
}
