package dev.sessionwatch.agent.os;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a program without a shell: an argument list, nothing on its standard input, a time limit,
 * and a cap on what is kept of its output.
 *
 * <p>Output beyond the cap is read and thrown away, so a chatty program never blocks on a full
 * pipe; the result says it was cut. A program still running at the time limit is killed (SIGKILL)
 * together with its descendants.
 */
public final class CommandRunner {

  private final Duration timeout;
  private final int outputCap;

  /**
   * @param timeout how long the program may run
   * @param outputCap how many bytes of standard output, and of standard error, are kept
   */
  public CommandRunner(Duration timeout, int outputCap) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    if (outputCap < 0) {
      throw new IllegalArgumentException("outputCap must not be negative, was " + outputCap);
    }
    this.timeout = timeout;
    this.outputCap = outputCap;
  }

  /**
   * What a finished program did.
   *
   * @param exitStatus its exit status (128 + N when signal N ended it)
   * @param stdout its standard output, at most the cap
   * @param stderr its standard error, at most the cap
   * @param truncated whether either output went beyond the cap and was cut
   */
  public record Result(int exitStatus, byte[] stdout, byte[] stderr, boolean truncated) {

    /** Standard error as text, trimmed, for a message. */
    public String errorText() {
      return new String(stderr, StandardCharsets.UTF_8).trim();
    }
  }

  /** The program did not finish in time and was killed. */
  public static final class TimeoutExceeded extends IOException {
    public TimeoutExceeded(String message) {
      super(message);
    }
  }

  /**
   * Runs the program and waits for it.
   *
   * @param command the program (a path, or a name looked up in the PATH) and its arguments
   * @throws TimeoutExceeded when it ran longer than the timeout (it was killed)
   * @throws IOException when it cannot be started or its output cannot be read
   */
  public Result run(List<String> command) throws IOException, InterruptedException {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("no program to run");
    }
    Process process = new ProcessBuilder(command).start();
    process.getOutputStream().close();
    CompletableFuture<Captured> stdout = capture(process.getInputStream());
    CompletableFuture<Captured> stderr = capture(process.getErrorStream());
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new TimeoutExceeded(
            command.get(0) + " did not finish within " + timeout.toMillis() + " ms");
      }
      // Descendants that kept the pipes open must not hold the caller past the time limit.
      Captured out = stdout.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      Captured err = stderr.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return new Result(process.exitValue(), out.bytes(), err.bytes(), out.cut() || err.cut());
    } catch (TimeoutException e) {
      throw new TimeoutExceeded(command.get(0) + "'s output did not end after it exited");
    } catch (ExecutionException e) {
      throw new IOException("cannot read the output of " + command.get(0), e.getCause());
    } finally {
      if (process.isAlive()) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
      stdout.cancel(true);
      stderr.cancel(true);
    }
  }

  private record Captured(byte[] bytes, boolean cut) {}

  private CompletableFuture<Captured> capture(InputStream stream) {
    CompletableFuture<Captured> result = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (stream) {
                result.complete(readCapped(stream));
              } catch (IOException e) {
                result.completeExceptionally(new UncheckedIOException(e));
              }
            },
            "command-output");
    reader.setDaemon(true);
    reader.start();
    return result;
  }

  private Captured readCapped(InputStream stream) throws IOException {
    ByteArrayOutputStream kept = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    boolean cut = false;
    for (int read = stream.read(buffer); read >= 0; read = stream.read(buffer)) {
      int room = outputCap - kept.size();
      kept.write(buffer, 0, Math.min(room, read));
      cut |= read > room;
    }
    return new Captured(kept.toByteArray(), cut);
  }
}
