package dev.sessionwatch.agent.windows;

import dev.sessionwatch.agent.os.CommandRunner;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A Windows command-line tool (quser, tsdiscon, powershell, ...), run by its full path, without a
 * shell, with a time limit and a cap on its output.
 */
final class WindowsTool {

  private static final int OUTPUT_CAP = 4 * 1024 * 1024;

  /**
   * Console tools write to a pipe in the ANSI code page when they have no console, which is what
   * Java calls the native encoding; UTF-8 is tried first, as PowerShell is told to write ASCII and
   * plain ASCII reads the same in both.
   */
  private static final Charset NATIVE = nativeCharset();

  private final Path program;
  private final CommandRunner runner;

  WindowsTool(Path program, Duration timeout) {
    this.program = program;
    this.runner = new CommandRunner(timeout, OUTPUT_CAP);
  }

  /**
   * What the tool did.
   *
   * @param exitStatus its exit status
   * @param out its standard output, decoded
   * @param err its standard error, decoded and trimmed
   * @param truncated whether it printed more than the cap
   */
  record Ran(int exitStatus, String out, String err, boolean truncated) {

    /** Its own words on a failure: standard error, else standard output, on one line. */
    String complaint() {
      String said = err.isBlank() ? out.strip() : err;
      return said.isEmpty() ? "(it printed nothing)" : said.replaceAll("\\s*\\R\\s*", " ");
    }
  }

  Path program() {
    return program;
  }

  /** The full command line: the program, then the arguments, each one element. */
  List<String> command(List<String> arguments) {
    List<String> command = new ArrayList<>();
    command.add(program.toString());
    command.addAll(arguments);
    return command;
  }

  /**
   * Runs the tool and waits for it.
   *
   * @throws IOException when it cannot be started or ran past its time limit (it was killed)
   */
  Ran run(List<String> arguments) throws IOException, InterruptedException {
    CommandRunner.Result result = runner.run(command(arguments));
    return new Ran(
        result.exitStatus(),
        text(result.stdout()),
        text(result.stderr()).strip(),
        result.truncated());
  }

  /** The tool's name, for messages: {@code quser.exe}. */
  String name() {
    return program.getFileName().toString();
  }

  private static Charset nativeCharset() {
    try {
      return Charset.forName(System.getProperty("native.encoding", "ISO-8859-1"));
    } catch (IllegalArgumentException e) {
      return StandardCharsets.ISO_8859_1;
    }
  }

  static String text(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, NATIVE);
    }
  }
}
