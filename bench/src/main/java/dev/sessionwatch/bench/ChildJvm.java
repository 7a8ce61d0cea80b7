package dev.sessionwatch.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM on this benchmark's class path, talked to line by line over its standard input and
 * output: where agents run whose memory or CPU must not be counted as the console's, or the other
 * way round.
 */
final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final BufferedReader out;
  private final PrintWriter in;

  private ChildJvm(Process process) {
    this.process = process;
    this.out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
  }

  static ChildJvm start(Class<?> main, List<String> jvmOptions, List<String> arguments)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(arguments);
    return new ChildJvm(
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
  }

  /**
   * The child's next line of output.
   *
   * @throws IOException when it ended instead, e.g. out of memory
   */
  String readLine() throws IOException {
    String line = out.readLine();
    if (line == null) {
      throw new IOException("the child JVM ended" + exitText());
    }
    return line;
  }

  /** The CPU time the child has used so far; zero where the system does not say. */
  Duration cpuTime() {
    return process.info().totalCpuDuration().orElse(Duration.ZERO);
  }

  void send(String line) {
    in.println(line);
  }

  /** Sends {@code line} and answers the child's next line. */
  String ask(String line) throws IOException {
    send(line);
    return readLine();
  }

  /** Closes its input, which tells it to end, and waits a little for it to. */
  @Override
  public void close() throws InterruptedException {
    in.close();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private String exitText() {
    try {
      return process.waitFor(10, TimeUnit.SECONDS) ? " with status " + process.exitValue() : "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
