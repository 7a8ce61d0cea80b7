package dev.sessionwatch.agent.exec;

import dev.sessionwatch.agent.os.CommandRunner;
import dev.sessionwatch.agent.source.ActionException;
import dev.sessionwatch.agent.source.ActionResult;
import dev.sessionwatch.agent.source.SessionSource;
import dev.sessionwatch.agent.source.SourceException;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import dev.sessionwatch.protocol.SourceStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sessions of a panel the agent has no source for, from a program the operator configures (an
 * exec adapter): its list command prints them as JSON ({@link ExecOutput}), and its end command
 * ends one.
 *
 * <p>Both run without a shell, with the adapter's time limit and output cap. The end command gets
 * one argument beyond its configured ones, the session's id, and only an id the list command has
 * just printed: the source lists again right before ending, and passes the id from that fresh list,
 * never one from a request. Ids start with the adapter's name, so none can pass for an option.
 */
public final class ExecSource implements SessionSource {

  private static final int MAX_ERROR_TEXT = 300;

  private final ExecSettings settings;
  private final CommandRunner runner;
  private final List<SessionAction> actions;

  public ExecSource(ExecSettings settings) {
    this.settings = settings;
    this.runner = new CommandRunner(settings.timeout(), settings.maxOutputBytes());
    this.actions = settings.end().isEmpty() ? List.of() : List.of(SessionAction.END);
  }

  @Override
  public String name() {
    return settings.name();
  }

  @Override
  public SessionKind kind() {
    return settings.kind();
  }

  @Override
  public SourceStatus status() {
    Path lister = Path.of(settings.list().get(0));
    if (!Files.isExecutable(lister) || Files.isDirectory(lister)) {
      return unavailable("no program at " + lister);
    }
    if (!settings.end().isEmpty()) {
      Path ender = Path.of(settings.end().get(0));
      if (!Files.isExecutable(ender) || Files.isDirectory(ender)) {
        return availableWithNote("cannot end sessions: no program at " + ender);
      }
    }
    return available();
  }

  @Override
  public List<Session> list() throws SourceException {
    CommandRunner.Result result;
    try {
      result = run(settings.list());
    } catch (IOException e) {
      throw new SourceException("list command failed: " + e.getMessage(), e);
    }
    if (result.exitStatus() != 0) {
      throw new SourceException("list command " + exited(result));
    }
    if (result.truncated()) {
      throw new SourceException(
          "list command printed more than " + settings.maxOutputBytes() + " bytes");
    }
    try {
      return ExecOutput.parse(result.stdout(), name(), kind(), actions);
    } catch (IllegalArgumentException e) {
      throw new SourceException("the list command's output " + e.getMessage(), e);
    }
  }

  @Override
  public ActionResult perform(Session session, SessionAction action) throws ActionException {
    if (!actions.contains(action)) {
      throw new ActionException(
          ActionException.Reason.NOT_OFFERED,
          "adapter " + name() + " does not " + action.wireName() + " sessions");
    }
    String id =
        listNow().stream()
            .map(Session::id)
            .filter(session.id()::equals)
            .findFirst()
            .orElseThrow(
                () ->
                    new ActionException(
                        ActionException.Reason.GONE, "session " + session.id() + " has ended"));
    List<String> command = new ArrayList<>(settings.end());
    command.add(id);
    CommandRunner.Result result;
    try {
      result = run(command);
    } catch (IOException e) {
      throw new ActionException(
          ActionException.Reason.FAILED, "end command failed: " + e.getMessage(), e);
    }
    if (result.exitStatus() != 0) {
      throw new ActionException(ActionException.Reason.FAILED, "end command " + exited(result));
    }
    boolean ended = listNow().stream().noneMatch(listed -> listed.id().equals(id));
    return new ActionResult(
        ended,
        "end command exited with status 0; the session is "
            + (ended ? "no longer listed" : "still listed"));
  }

  /** The sessions listed now, for an action. */
  private List<Session> listNow() throws ActionException {
    try {
      return list();
    } catch (SourceException e) {
      throw new ActionException(ActionException.Reason.FAILED, e.getMessage(), e);
    }
  }

  private CommandRunner.Result run(List<String> command) throws IOException {
    try {
      return runner.run(command);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while " + command.get(0) + " ran", e);
    }
  }

  private static String exited(CommandRunner.Result result) {
    String error = result.errorText();
    if (error.length() > MAX_ERROR_TEXT) {
      error = error.substring(0, MAX_ERROR_TEXT) + "...";
    }
    return "exited with status "
        + result.exitStatus()
        + (error.isEmpty() ? "" : ": " + error.replaceAll("\\p{Cntrl}", " "));
  }
}
