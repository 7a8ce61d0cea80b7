package dev.sessionwatch.agent.terminal;

import dev.sessionwatch.agent.os.ProcessIdentity;
import dev.sessionwatch.agent.os.ProcessInfo;
import dev.sessionwatch.agent.os.ProcessSignaller;
import dev.sessionwatch.agent.os.ProcessSnapshot;
import dev.sessionwatch.agent.os.ProcessTable;
import dev.sessionwatch.agent.source.ActionException;
import dev.sessionwatch.agent.source.ActionResult;
import dev.sessionwatch.agent.source.ListedProcess;
import dev.sessionwatch.agent.source.SessionSource;
import dev.sessionwatch.agent.source.SourceException;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import dev.sessionwatch.protocol.SourceStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Terminal logins: utmp's user entries (SSH with a terminal, console logins) whose process still
 * runs, plus SSH logins without a terminal ({@code ssh -T}, scp, sftp), which sshd does not record
 * in utmp and only the process table shows.
 *
 * <p>A session's id is {@code utmp:PID-STARTTICKS} of the login's process (utmp's ut_pid: for
 * OpenSSH the {@code sshd: USER [priv]} monitor), so a later process with the same PID never
 * matches it.
 *
 * <p>Actions: {@link SessionAction#DISCONNECT} ends the {@code sshd: USER@LINE} process, so the
 * client sees "closed by remote host" while programs the user detached ({@code setsid nohup cmd &})
 * keep running; {@link SessionAction#LOGOUT} ends the login and everything it started (see {@link
 * TerminalLogin#logoutTargets}). Both send SIGTERM, wait the configured grace, then SIGKILL.
 */
public final class UtmpSource implements SessionSource {

  public static final String NAME = "utmp";

  private final UtmpSettings settings;
  private final ProcessTable table;
  private final ProcessSignaller signaller;

  public UtmpSource(UtmpSettings settings) {
    this.settings = settings;
    this.table = new ProcessTable(settings.procRoot());
    this.signaller = new ProcessSignaller(table, settings.grace());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public SessionKind kind() {
    return SessionKind.TERMINAL;
  }

  @Override
  public SourceStatus status() {
    Path file = settings.utmpFile();
    if (!Files.exists(file)) {
      return unavailable(noFile(file));
    }
    if (!Files.isReadable(file)) {
      return unavailable("cannot read the utmp file at " + file);
    }
    return available();
  }

  @Override
  public List<Session> list() throws SourceException {
    return scan().logins().stream().map(TerminalLogin::session).toList();
  }

  @Override
  public ActionResult perform(Session session, SessionAction action) throws ActionException {
    Scan scan;
    TerminalLogin login;
    try {
      scan = scan();
      login =
          scan.logins().stream()
              .filter(candidate -> candidate.session().id().equals(session.id()))
              .findFirst()
              .orElseThrow(() -> gone(session));
    } catch (SourceException e) {
      throw new ActionException(ActionException.Reason.FAILED, e.getMessage(), e);
    }
    if (!login.session().allows(action)) {
      throw new ActionException(
          ActionException.Reason.NOT_OFFERED,
          "session " + session.id() + " does not offer " + action.wireName());
    }
    // The snapshot took a while to read: look at the login's process once more, right now.
    ProcessIdentity leader = login.leader().identity();
    boolean leaderRuns =
        table
            .readStat(leader.pid())
            .filter(stat -> stat.identity().equals(leader) && !stat.isZombie())
            .isPresent();
    if (!leaderRuns) {
      throw gone(session);
    }
    List<ProcessIdentity> targets =
        switch (action) {
          case DISCONNECT -> login.connectionProcess().map(ProcessInfo::identity).stream().toList();
          case LOGOUT -> login.logoutTargets(scan.snapshot());
          case END ->
              throw new ActionException(
                  ActionException.Reason.NOT_OFFERED,
                  "terminal sessions are not ended but logged out");
          case MESSAGE ->
              throw new ActionException(
                  ActionException.Reason.NOT_OFFERED, "utmp logins take no message");
        };
    return new ListedProcess(session, targets).end(signaller);
  }

  /** The logins of this moment, with the process table they were found in. */
  private record Scan(ProcessSnapshot snapshot, List<TerminalLogin> logins) {}

  private Scan scan() throws SourceException {
    Path file = settings.utmpFile();
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new SourceException(noFile(file), e);
    } catch (IOException e) {
      throw new SourceException("cannot read the utmp file at " + file + ": " + e, e);
    }
    try {
      ProcessSnapshot snapshot = table.snapshot();
      return new Scan(
          snapshot,
          new TerminalLogins(table, snapshot, table.bootTime(), settings.devRoot())
              .find(UtmpParser.parse(content)));
    } catch (IOException e) {
      throw new SourceException(
          "cannot read the process table at " + table.root() + ": " + e.getMessage(), e);
    }
  }

  private static String noFile(Path file) {
    return "no utmp file at " + file;
  }

  private static ActionException gone(Session session) {
    return new ActionException(
        ActionException.Reason.GONE, "session " + session.id() + " has ended");
  }
}
