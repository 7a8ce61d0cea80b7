package dev.sessionwatch.agent.windows;

import java.nio.file.Path;

/** Where Windows keeps its tools, from the environment the agent was started with. */
final class WindowsPaths {

  private WindowsPaths() {}

  /** {@code %SystemRoot%\System32}, {@code C:\Windows\System32} when the variable is unset. */
  static Path system32() {
    String root = System.getenv("SystemRoot");
    return Path.of(root == null || root.isBlank() ? "C:\\Windows" : root, "System32");
  }
}
