package dev.sessionwatch.agent.panel;

import dev.sessionwatch.agent.os.BootTime;
import dev.sessionwatch.agent.os.InetAddressText;
import dev.sessionwatch.agent.os.ProcessInfo;
import dev.sessionwatch.agent.os.ProcessSignaller;
import dev.sessionwatch.agent.os.ProcessSnapshot;
import dev.sessionwatch.agent.os.ProcessTable;
import dev.sessionwatch.agent.os.UserNames;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Logins to the Cockpit web console, from the process table.
 *
 * <p>Seen with Cockpit 287 (Debian 12), for one login:
 *
 * <pre>
 * cockpit-ws                     cockpit-wsinstance; the web server, one for many logins
 *  \_ cockpit-session localhost  root (setuid); authenticates through PAM, holds the login
 *      \_ cockpit-bridge         the user; serves the browser everything it sees
 * </pre>
 *
 * <p>A session is a root {@code cockpit-session} child of {@code cockpit-ws} with exactly one
 * {@code cockpit-bridge} child; one without a bridge is still authenticating and not yet a login.
 * Only root (or the setuid program) can run a root process, so a user cannot pass a program of
 * theirs off as a login. The session id is {@code cockpit:PID-STARTTICKS} of the {@code
 * cockpit-session} process, which lives exactly as long as the login.
 *
 * <p>Fields: {@code user} is the bridge's user (its uid when the passwd file does not name it);
 * {@code clientAddress} is {@code COCKPIT_REMOTE_PEER}, which cockpit-ws puts in the environment it
 * starts {@code cockpit-session} with (read from the root process, not from the bridge, whose
 * memory its user may rewrite; reading it needs root); {@code loginTime} is when the bridge
 * started, right after the login succeeded. Cockpit keeps no idle time on the host, so {@code
 * idleSince} is absent. utmp is no help: Cockpit's record id is the first three digits of the PID,
 * so concurrent logins can overwrite each other's records.
 *
 * <p>{@link SessionAction#END} sends the bridge SIGTERM (then SIGKILL after the grace): {@code
 * cockpit-session} then closes the PAM session and exits, cockpit-ws closes the browser's websocket
 * ("Your session has been terminated") and forgets the session's cookie. {@code cockpit-session}
 * itself is never signalled: SIGTERM leaves the login running (checked with Cockpit 287), and
 * SIGKILL would skip the PAM close and leave its utmp record behind.
 */
public final class CockpitSource implements SessionSource {

  public static final String NAME = "cockpit";

  private static final String WEB_SERVER = "cockpit-ws";
  private static final String SESSION = "cockpit-session";
  private static final String BRIDGE = "cockpit-bridge";
  private static final String REMOTE_PEER = "COCKPIT_REMOTE_PEER";

  private final CockpitSettings settings;
  private final ProcessTable table;
  private final ProcessSignaller signaller;

  public CockpitSource(CockpitSettings settings) {
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
    return SessionKind.PANEL;
  }

  /** Available wherever Cockpit is installed; when cockpit-ws does not run, no one is logged in. */
  @Override
  public SourceStatus status() {
    if (!Files.isExecutable(settings.cockpitWs())) {
      return unavailable("no cockpit-ws at " + settings.cockpitWs() + " (package cockpit-ws)");
    }
    return available();
  }

  @Override
  public List<Session> list() throws SourceException {
    return scan().stream().map(ListedProcess::session).toList();
  }

  @Override
  public ActionResult perform(Session session, SessionAction action) throws ActionException {
    return ListedProcess.endPicked(this::scan, session, action, signaller);
  }

  /** The logins of this moment, each with its bridge, the process ending signals. */
  private List<ListedProcess> scan() throws SourceException {
    ProcessSnapshot snapshot;
    BootTime bootTime;
    try {
      snapshot = table.snapshot();
      bootTime = table.bootTime();
    } catch (IOException e) {
      throw new SourceException(
          "cannot read the process table at " + table.root() + ": " + e.getMessage(), e);
    }
    UserNames users = userNames();
    List<ListedProcess> logins = new ArrayList<>();
    for (ProcessInfo process : snapshot.all()) {
      if (isSession(process, snapshot)) {
        bridge(process, snapshot)
            .ifPresent(
                bridge ->
                    logins.add(
                        new ListedProcess(
                            session(process, bridge, bootTime, users),
                            List.of(bridge.identity()))));
      }
    }
    return logins;
  }

  private static boolean isSession(ProcessInfo process, ProcessSnapshot snapshot) {
    return SESSION.equals(process.comm())
        && process.uid() == 0
        && !process.isZombie()
        && snapshot
            .find(process.ppid())
            .filter(parent -> WEB_SERVER.equals(parent.comm()) && !parent.isZombie())
            // A parent that started later merely reuses the PID of the session's cockpit-ws.
            .filter(parent -> parent.startTimeTicks() <= process.startTimeTicks())
            .isPresent();
  }

  /** The session's one bridge; none while it authenticates (or once the bridge has exited). */
  private static Optional<ProcessInfo> bridge(ProcessInfo session, ProcessSnapshot snapshot) {
    List<ProcessInfo> bridges =
        snapshot.children(session).stream()
            .filter(child -> BRIDGE.equals(child.comm()) && !child.isZombie())
            .toList();
    return bridges.size() == 1 ? Optional.of(bridges.get(0)) : Optional.empty();
  }

  private Session session(
      ProcessInfo leader, ProcessInfo bridge, BootTime bootTime, UserNames users) {
    String uid = Long.toString(bridge.uid());
    Map<String, String> attributes = new TreeMap<>();
    attributes.put("pid", Long.toString(leader.pid()));
    attributes.put("bridgePid", Long.toString(bridge.pid()));
    attributes.put("uid", uid);
    return Session.builder(NAME + ":" + leader.identity(), SessionKind.PANEL, NAME)
        .panel(NAME)
        .user(users.name(bridge.uid()).orElse(uid))
        .clientAddress(
            table
                .environment(leader.pid())
                .map(environment -> InetAddressText.ofLiteral(environment.get(REMOTE_PEER)))
                .orElse(null))
        .loginTime(bootTime.instantAfter(bridge.startTimeTicks()))
        .actions(SessionAction.END)
        .attributes(attributes)
        .build();
  }

  /** The passwd file's names; without it, users show as their uid. */
  private UserNames userNames() {
    try {
      return UserNames.read(settings.passwdFile());
    } catch (IOException e) {
      return UserNames.parse("");
    }
  }
}
