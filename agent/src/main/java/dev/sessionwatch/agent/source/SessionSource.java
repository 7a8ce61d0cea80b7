package dev.sessionwatch.agent.source;

import dev.sessionwatch.protocol.ActionRequest;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import dev.sessionwatch.protocol.SourceStatus;
import java.util.List;

/**
 * One real place a host keeps sessions of one kind (utmp, ProFTPD's scoreboard, Cockpit's
 * processes, ...): the one seam of the agent.
 *
 * <p>A source fails alone: the agent reports its failure next to the other sources' sessions.
 * Implementations must be safe to call from several threads.
 */
public interface SessionSource {

  /** The name it is enabled by in the configuration; also the prefix of its session ids. */
  String name();

  SessionKind kind();

  /** Whether the source can list anything on this host, and if not, why; cheap to call. */
  SourceStatus status();

  /** This source's status when it works here. */
  default SourceStatus available() {
    return SourceStatus.available(name(), kind());
  }

  /** This source's status when it cannot list anything here, and why. */
  default SourceStatus unavailable(String why) {
    return SourceStatus.unavailable(name(), kind(), why);
  }

  /** This source's status when it works here with a limit the operator should know of. */
  default SourceStatus availableWithNote(String note) {
    return new SourceStatus(name(), kind(), true, note);
  }

  /**
   * Reads the sessions now. Every session's id starts with {@code name() + ":"}.
   *
   * @throws SourceException when the sessions cannot be read; the message is for an operator
   */
  List<Session> list() throws SourceException;

  /**
   * Reads the sessions now, with the problems that left some out without stopping the listing (a
   * session file that cannot be parsed, say). The agent reports each problem beside the sessions
   * that were read. Sources that either list everything or fail keep this default.
   *
   * @throws SourceException when the sessions cannot be read at all
   */
  default Listing listing() throws SourceException {
    return new Listing(list(), List.of());
  }

  /**
   * A source's sessions of this moment.
   *
   * @param problems why some sessions were left out, each in words for an operator; empty when none
   */
  record Listing(List<Session> sessions, List<String> problems) {
    public Listing {
      sessions = List.copyOf(sessions);
      problems = List.copyOf(problems);
    }
  }

  /**
   * Carries out an action on a session this source has just listed again.
   *
   * <p>Implementations re-check, right before acting, that each process they signal is still the
   * one behind the listed session (PID and start time), and never signal anything else.
   *
   * @param session the session as freshly listed; it offers {@code action}
   * @throws ActionException when the session vanished meanwhile or the action failed
   */
  ActionResult perform(Session session, SessionAction action) throws ActionException;

  /**
   * Carries out an action with what the operator sent along with it: the text of a {@link
   * SessionAction#MESSAGE}. Sources that offer no such action need not override this; the agent has
   * already checked the request ({@link ActionRequest#textProblem}).
   */
  default ActionResult perform(Session session, SessionAction action, ActionRequest request)
      throws ActionException {
    return perform(session, action);
  }
}
