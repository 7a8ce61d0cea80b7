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
            "status=\"$(cat \"$0.status\")\"",
            "for part in out err status; do",
            "  if [ -f \"$0.next-$part\" ]; then mv \"$0.next-$part\" \"$0.$part\"; fi",
            "done",
            "exit \"$status\"",
            ""));
    if (!program.toFile().setExecutable(true)) {
      throw new IOException("cannot make " + program + " executable");
    }
  }

  /** The tool succeeds printing {@code out}. */
  void answer(String tool, String out) throws IOException {
    answer(tool, out, "", 0);
  }

  /** From the run after the next on, the tool prints {@code out}: the host changed meanwhile. */
  void thenAnswer(String tool, String out) throws IOException {
    thenAnswer(tool, out, "", 0);
  }

  /** From the run after the next on, the tool prints these and exits with {@code status}. */
  void thenAnswer(String tool, String out, String err, int status) throws IOException {
    Files.writeString(directory.resolve(tool + ".next-out"), out, StandardCharsets.UTF_8);
    Files.writeString(directory.resolve(tool + ".next-err"), err, StandardCharsets.UTF_8);
    Files.writeString(directory.resolve(tool + ".next-status"), Integer.toString(status));
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
