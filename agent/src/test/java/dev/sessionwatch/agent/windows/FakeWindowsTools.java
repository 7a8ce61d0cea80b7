package dev.sessionwatch.agent.windows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Stand-ins for Windows' tools (quser.exe, tsdiscon.exe, powershell.exe, ...) in a directory, so
 * that the sources run real processes on recorded output: each prints what it was given, exits with
 * the status it was given, and logs the arguments it got, one per line.
 */
final class FakeWindowsTools {
  private static final String END_OF_CALL = "--end of call--";

  private final Path directory;

  FakeWindowsTools(Path directory) {
    this.directory = directory;
  }

  static boolean canRun() {
    return Files.isExecutable(Path.of("/bin/sh"));
  }

  Path directory() {
    return directory;
  }

  /** The tool prints {@code out} and {@code err} and exits with {@code status}, every time. */
  void answer(String tool, String out, String err, int status) throws IOException {
    Path program = directory.resolve(tool);
    Files.writeString(program.resolveSibling(tool + ".out"), out, StandardCharsets.UTF_8);
    Files.writeString(program.resolveSibling(tool + ".err"), err, StandardCharsets.UTF_8);
    Files.writeString(program.resolveSibling(tool + ".status"), Integer.toString(status));
    Files.writeString(
        program,
        String.join(
            "\n",
            "#!/bin/sh",
            "for argument in \"$@\"; do printf '%s\\n' \"$argument\" >> \"$0.calls\"; done",
            "printf '%s\\n' '" + END_OF_CALL + "' >> \"$0.calls\"",
            "cat \"$0.out\"",
            "cat \"$0.err\" >&2",
            "if [ -f \"$0.next\" ]; then mv \"$0.next\" \"$0.out\"; fi",
            "exit \"$(cat \"$0.status\")\"",
            ""));
    if (!program.toFile().setExecutable(true)) {
      throw new IOException("cannot make " + program + " executable");
    }
  }

  /** The tool succeeds printing {@code out}. */
  void answer(String tool, String out) throws IOException {
    answer(tool, out, "", 0);
  }

  /** From its second run on, the tool prints {@code out} instead: the host changed meanwhile. */
  void thenAnswer(String tool, String out) throws IOException {
    Files.writeString(directory.resolve(tool + ".next"), out, StandardCharsets.UTF_8);
  }

  /** The arguments of each run of the tool, in order. */
  List<List<String>> calls(String tool) throws IOException {
    Path log = directory.resolve(tool + ".calls");
    List<List<String>> calls = new ArrayList<>();
    if (!Files.exists(log)) {
      return calls;
    }
    List<String> call = new ArrayList<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      if (line.equals(END_OF_CALL)) {
        calls.add(call);
        call = new ArrayList<>();
      } else {
        call.add(line);
      }
    }
    return calls;
  }
}
