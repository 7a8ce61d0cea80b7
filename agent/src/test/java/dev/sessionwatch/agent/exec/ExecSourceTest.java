package dev.sessionwatch.agent.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionwatch.agent.source.ActionException;
import dev.sessionwatch.agent.source.ActionResult;
import dev.sessionwatch.agent.source.SourceException;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exec adapter running real programs: small shell scripts written to the test's folder, which
 * the agent runs directly (their {@code #!} line picks the interpreter; the agent uses no shell).
 */
class ExecSourceTest {

  private static final String ONE_SESSION =
      "[{\"id\": \"webmin:7f3a9c\", \"user\": \"root\", \"clientAddress\": \"198.51.100.4\"}]";

  @TempDir Path dir;

  /** An executable script with this body. */
  private Path script(String name, String body) throws IOException {
    Path script = dir.resolve(name);
    Files.writeString(script, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }

  /** A list command that prints the file {@code sessions.json}, which a test may change. */
  private Path lister(String sessions) throws IOException {
    Files.writeString(dir.resolve("sessions.json"), sessions);
    return script("list", "cat '" + dir.resolve("sessions.json") + "'");
  }

  /**
   * An end command that records its arguments one per line in {@code ended}, then takes the session
   * off the list, as a real panel's logout would.
   */
  private Path ender() throws IOException {
    return script(
        "end",
        "printf '%s\\n' \"$@\" > '"
            + dir.resolve("ended")
            + "'\necho '[]' > '"
            + dir.resolve("sessions.json")
            + "'");
  }

  private static ExecSource source(Path list, List<String> end, Duration timeout, int cap) {
    return new ExecSource(
        new ExecSettings("webmin", SessionKind.PANEL, List.of(list.toString()), end, timeout, cap));
  }

  private static ExecSource source(Path list, List<String> end) {
    return source(list, end, Duration.ofSeconds(10), 1024 * 1024);
  }

  @Test
  void listsWhatTheListCommandPrints() throws Exception {
    List<Session> sessions = source(lister(ONE_SESSION), List.of(ender().toString())).list();

    assertThat(sessions)
        .singleElement()
        .satisfies(
            session -> {
              assertThat(session.id()).isEqualTo("webmin:7f3a9c");
              assertThat(session.source()).isEqualTo("webmin");
              assertThat(session.kind()).isEqualTo(SessionKind.PANEL);
              assertThat(session.user()).isEqualTo("root");
              assertThat(session.actions()).containsExactly(SessionAction.END);
            });
  }

  @Test
  void offersNoActionWithoutAnEndCommand() throws Exception {
    assertThat(source(lister(ONE_SESSION), List.of()).list().get(0).actions()).isEmpty();
  }

  @Test
  void reportsANonZeroExitWithWhatTheCommandSaid() throws Exception {
    Path failing = script("list", "echo 'miniserv is not running' >&2\nexit 3");

    assertThatThrownBy(() -> source(failing, List.of()).list())
        .isInstanceOf(SourceException.class)
        .hasMessage("list command exited with status 3: miniserv is not running");
  }

  @Test
  void reportsACommandThatRunsTooLong() throws Exception {
    Path slow = script("list", "exec sleep 30");
    ExecSource source = source(slow, List.of(), Duration.ofSeconds(1), 1024 * 1024);

    long started = System.nanoTime();
    assertThatThrownBy(source::list)
        .isInstanceOf(SourceException.class)
        .hasMessage("list command failed: " + slow + " did not finish within 1000 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void reportsGarbage() throws Exception {
    Path garbage = script("list", "echo 'Traceback (most recent call last):'");

    assertThatThrownBy(() -> source(garbage, List.of()).list())
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith("the list command's output is not JSON: ");
  }

  @Test
  void reportsOutputBeyondTheCap() throws Exception {
    Path chatty =
        script(
            "list", "i=0\nwhile [ $i -lt 200 ]; do echo '[                  ]'; i=$((i+1)); done");

    assertThatThrownBy(() -> source(chatty, List.of(), Duration.ofSeconds(10), 1024).list())
        .isInstanceOf(SourceException.class)
        .hasMessage("list command printed more than 1024 bytes");
  }

  @Test
  void endCommandGetsExactlyTheListedIdAfterItsArguments() throws Exception {
    ExecSource source = source(lister(ONE_SESSION), List.of(ender().toString(), "--logout"));

    ActionResult result = source.perform(source.list().get(0), SessionAction.END);

    assertThat(Files.readAllLines(dir.resolve("ended")))
        .containsExactly("--logout", "webmin:7f3a9c");
    assertThat(result.sessionEnded()).isTrue();
    assertThat(result.message())
        .isEqualTo("end command exited with status 0; the session is no longer listed");
  }

  @Test
  void saysWhenTheSessionOutlivedTheEndCommand() throws Exception {
    Path keeps = script("end", "exit 0");
    ExecSource source = source(lister(ONE_SESSION), List.of(keeps.toString()));

    ActionResult result = source.perform(source.list().get(0), SessionAction.END);

    assertThat(result.sessionEnded()).isFalse();
    assertThat(result.message()).endsWith("the session is still listed");
  }

  @Test
  void endsNothingForAnIdTheListCommandDoesNotPrint() throws Exception {
    ExecSource source = source(lister(ONE_SESSION), List.of(ender().toString()));
    Session forged =
        Session.builder("webmin:-rf /", SessionKind.PANEL, "webmin")
            .actions(SessionAction.END)
            .build();

    assertThatThrownBy(() -> source.perform(forged, SessionAction.END))
        .isInstanceOf(ActionException.class)
        .extracting(e -> ((ActionException) e).reason())
        .isEqualTo(ActionException.Reason.GONE);
    assertThat(dir.resolve("ended")).doesNotExist();
  }

  @Test
  void endOfASessionThatVanishedIsGone() throws Exception {
    ExecSource source = source(lister(ONE_SESSION), List.of(ender().toString()));
    Session listed = source.list().get(0);
    Files.writeString(dir.resolve("sessions.json"), "[]");

    assertThatThrownBy(() -> source.perform(listed, SessionAction.END))
        .extracting(e -> ((ActionException) e).reason())
        .isEqualTo(ActionException.Reason.GONE);
    assertThat(dir.resolve("ended")).doesNotExist();
  }

  @Test
  void reportsAFailingEndCommand() throws Exception {
    Path failing = script("end", "echo 'no such session' >&2\nexit 1");
    ExecSource source = source(lister(ONE_SESSION), List.of(failing.toString()));

    assertThatThrownBy(() -> source.perform(source.list().get(0), SessionAction.END))
        .isInstanceOf(ActionException.class)
        .hasMessage("end command exited with status 1: no such session")
        .extracting(e -> ((ActionException) e).reason())
        .isEqualTo(ActionException.Reason.FAILED);
  }

  @Test
  void doesNotEndWithoutAnEndCommand() throws Exception {
    ExecSource source = source(lister(ONE_SESSION), List.of());

    assertThatThrownBy(() -> source.perform(source.list().get(0), SessionAction.END))
        .extracting(e -> ((ActionException) e).reason())
        .isEqualTo(ActionException.Reason.NOT_OFFERED);
  }

  @Test
  void isUnavailableWithoutItsListProgram() {
    ExecSource source = source(dir.resolve("missing"), List.of());

    assertThat(source.status().available()).isFalse();
    assertThat(source.status().detail()).isEqualTo("no program at " + dir.resolve("missing"));
  }

  @Test
  void saysItCannotEndWithoutItsEndProgram() throws Exception {
    ExecSource source = source(lister(ONE_SESSION), List.of(dir.resolve("missing").toString()));

    assertThat(source.status().available()).isTrue();
    assertThat(source.status().detail())
        .isEqualTo("cannot end sessions: no program at " + dir.resolve("missing"));
  }
}
