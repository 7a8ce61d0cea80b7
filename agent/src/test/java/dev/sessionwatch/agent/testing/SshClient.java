package dev.sessionwatch.agent.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An {@code ssh} client process started by {@link SshdServer#login}. Its standard input stays open
 * (a pipe nobody writes to) so the remote side never sees end-of-file; its output and errors go to
 * a file.
 */
public final class SshClient implements AutoCloseable {

  private final Process process;
  private final Path output;

  SshClient(List<String> command, Path output) throws IOException {
    this.output = output;
    this.process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Waits, at most for the given time, for the client to end; true when it did. */
  public boolean awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** What the client printed so far (including "Connection ... closed by remote host."). */
  public String output() throws IOException {
    return Files.readString(output);
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
