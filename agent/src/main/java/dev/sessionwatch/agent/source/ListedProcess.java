package dev.sessionwatch.agent.source;

import dev.sessionwatch.agent.os.ProcessIdentity;
import dev.sessionwatch.agent.os.ProcessSignaller;
import dev.sessionwatch.agent.os.ProtectedProcessException;
import dev.sessionwatch.agent.os.Termination;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import java.util.List;

/**
 * A session as just listed, with the processes that ending it signals: the shape of every source
 * whose sessions offer only {@link SessionAction#END} (FTP servers, Cockpit).
 *
 * @param processes what ending signals, e.g. the session's process, or all of its process group
 */
public record ListedProcess(Session session, List<ProcessIdentity> processes) {

  public ListedProcess {
    processes = List.copyOf(processes);
  }

  /** Lists a source's sessions with the processes behind them, afresh. */
  @FunctionalInterface
  public interface Scan {
    List<ListedProcess> scan() throws SourceException;
  }

  /** Ends a session an operator picked, after listing the source again. */
  public static ActionResult endPicked(
      Scan source, Session picked, SessionAction action, ProcessSignaller signaller)
      throws ActionException {
    if (action != SessionAction.END) {
      throw new ActionException(
          ActionException.Reason.NOT_OFFERED,
          "session " + picked.id() + " offers only end, not " + action.wireName());
    }
    try {
      return find(source.scan(), picked).end(signaller);
    } catch (SourceException e) {
      throw new ActionException(ActionException.Reason.FAILED, e.getMessage(), e);
    }
  }

  /**
   * The freshly listed entry of a session an operator picked.
   *
   * @throws ActionException GONE when it is no longer listed
   */
  public static ListedProcess find(List<ListedProcess> listed, Session picked)
      throws ActionException {
    return listed.stream()
        .filter(candidate -> candidate.session().id().equals(picked.id()))
        .findFirst()
        .orElseThrow(
            () ->
                new ActionException(
                    ActionException.Reason.GONE, "session " + picked.id() + " has ended"));
  }

  /**
   * Ends the processes: SIGTERM, the grace, SIGKILL; each re-checked (PID and start time) right
   * before its signal.
   */
  public ActionResult end(ProcessSignaller signaller) throws ActionException {
    Termination termination;
    try {
      termination = signaller.end(processes);
    } catch (ProtectedProcessException e) {
      throw new ActionException(ActionException.Reason.PROTECTED, e.getMessage(), e);
    } catch (IllegalStateException e) {
      throw new ActionException(ActionException.Reason.FAILED, e.getMessage(), e);
    }
    if (termination.signalled() == 0 && termination.running() > 0) {
      throw new ActionException(
          ActionException.Reason.FAILED,
          "not permitted to signal the processes of session " + session.id());
    }
    if (termination.signalled() == 0 && termination.vanished() > 0) {
      throw new ActionException(
          ActionException.Reason.GONE, "session " + session.id() + " has ended");
    }
    return new ActionResult(termination.allEnded(), termination.describe());
  }
}
