package dev.sessionwatch.app;

import java.util.List;

/**
 * The console's command line.
 *
 * @param demo watch a simulated busy host instead of this computer
 */
public record ConsoleOptions(boolean demo) {
  static final String USAGE =
      """
      Usage: sessionwatch [--demo]
        --demo   watch a simulated busy host instead of this computer
      """;

  /**
   * Reads the arguments.
   *
   * @throws IllegalArgumentException naming an argument the console does not know
   */
  public static ConsoleOptions parse(List<String> arguments) {
    boolean demo = false;
    for (String argument : arguments) {
      if (argument.equals("--demo")) {
        demo = true;
      } else {
        throw new IllegalArgumentException("unknown option '" + argument + "'");
      }
    }
    return new ConsoleOptions(demo);
  }
}
