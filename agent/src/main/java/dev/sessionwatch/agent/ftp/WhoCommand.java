package dev.sessionwatch.agent.ftp;

import dev.sessionwatch.agent.os.CommandRunner;
import dev.sessionwatch.agent.source.SourceException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * An FTP server's "who" tool ({@code ftpwho}, {@code pure-ftpwho}), run without a shell; every way
 * it can fail is a {@link SourceException} naming the tool.
 */
final class WhoCommand {

  private static final int OUTPUT_CAP = 8 * 1024 * 1024;

  private final String tool;
  private final CommandRunner runner;

  WhoCommand(String tool, Duration timeout) {
    this.tool = tool;
    this.runner = new CommandRunner(timeout, OUTPUT_CAP);
  }

  /** What the command printed, when it exited with 0 and printed no more than the cap. */
  byte[] run(List<String> command) throws SourceException {
    CommandRunner.Result result;
    try {
      result = runner.run(command);
    } catch (IOException e) {
      throw new SourceException(tool + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceException("interrupted while " + tool + " ran", e);
    }
    if (result.exitStatus() != 0) {
      throw new SourceException(
          tool + " exited with status " + result.exitStatus() + ": " + result.errorText());
    }
    if (result.truncated()) {
      throw new SourceException(tool + " printed more than " + OUTPUT_CAP + " bytes");
    }
    return result.stdout();
  }
}
