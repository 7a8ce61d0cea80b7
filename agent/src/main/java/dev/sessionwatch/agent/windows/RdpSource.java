package dev.sessionwatch.agent.windows;

import dev.sessionwatch.agent.source.ActionException;
import dev.sessionwatch.agent.source.ActionResult;
import dev.sessionwatch.agent.source.SessionSource;
import dev.sessionwatch.agent.source.SourceException;
import dev.sessionwatch.protocol.ActionRequest;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import dev.sessionwatch.protocol.SourceStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Windows Remote Desktop sessions (and the console's), from {@code quser}; they are disconnected
 * with {@code tsdiscon}, logged off with {@code logoff} and sent a message with {@code msg}. See
 * docs/decisions/0006-windows-sessions-from-command-output.md for why command output rather than
 * the WTS API, and docs/decisions/0008-rdp-clients-through-wts.md for why the WTS API (JNA) all the
 * same for each session's client name and address, which quser does not print.
 *
 * <p>quser exits with an error, in the host's language, when nobody is logged on; qwinsta, which
 * lists every session with or without a user, then tells that apart from a real failure.
 *
 * <p>Before acting, the source lists the sessions again and acts only if the session number still
 * belongs to the same login (user and logon time): the id carries both.
 */
public final class RdpSource implements SessionSource {

  public static final String NAME = "rdp";
  private static final Logger LOG = Logger.getLogger(RdpSource.class.getName());

  private final RdpSettings settings;
  private final HostSystem host;
  private final Clock clock;
  private final WindowsTool quser;
  private final WindowsTool qwinsta;
  private final WindowsTool tsdiscon;
  private final WindowsTool logoff;
  private final WindowsTool msg;
  private final Supplier<RdpClients> clients;
  private final AtomicBoolean toldNoClients = new AtomicBoolean();

  public RdpSource(RdpSettings settings) {
    this(settings, HostSystem.current(), Clock.systemUTC(), WtsRdpClients::new);
  }

  /**
   * @param clients makes what tells each session's client; called only on Windows, on a listing
   *     with a connected session, so that JNA is never loaded elsewhere
   */
  RdpSource(RdpSettings settings, HostSystem host, Clock clock, Supplier<RdpClients> clients) {
    this.settings = settings;
    this.host = host;
    this.clock = clock;
    this.clients = clients;
    this.quser = tool("quser.exe");
    this.qwinsta = tool("qwinsta.exe");
    this.tsdiscon = tool("tsdiscon.exe");
    this.logoff = tool("logoff.exe");
    this.msg = tool("msg.exe");
  }

  private WindowsTool tool(String file) {
    return new WindowsTool(settings.systemDirectory().resolve(file), settings.timeout());
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
    if (!host.isWindows()) {
      return unavailable(host.notWindows("Remote Desktop sessions"));
    }
    if (!Files.isRegularFile(quser.program())) {
      return unavailable(
          "no quser.exe in "
              + settings.systemDirectory()
              + " (Windows Home editions lack the Remote Desktop query tools)");
    }
    return available();
  }

  @Override
  public List<Session> list() throws SourceException {
    Instant collectedAt = clock.instant();
    WindowsTool.Ran ran = run(quser, List.of());
    if (ran.truncated()) {
      throw new SourceException("quser printed more than the agent reads");
    }
    if (ran.exitStatus() != 0) {
      return noneLoggedOn(ran);
    }
    List<Session> sessions;
    try {
      sessions = RdpSessions.of(ran.out(), collectedAt, host);
    } catch (IllegalArgumentException e) {
      throw new SourceException("quser's output is not its table: " + e.getMessage(), e);
    }
    return withClients(sessions);
  }

  /**
   * The sessions with the client name ({@code remoteHost}) and address ({@code clientAddress})
   * Windows reports for each connected one. A disconnected session has no client, and is not asked:
   * what Windows keeps for it would be a past client, if anything. When the WTS API cannot load,
   * the sessions are listed without clients, and the log says why once.
   */
  private List<Session> withClients(List<Session> sessions) {
    if (!host.isWindows() || sessions.stream().allMatch(RdpSource::isDisconnected)) {
      return sessions;
    }
    try {
      RdpClients known = clients.get();
      List<Session> listed = new ArrayList<>();
      for (Session session : sessions) {
        listed.add(isDisconnected(session) ? session : withClient(session, known));
      }
      return listed;
    } catch (LinkageError e) {
      if (toldNoClients.compareAndSet(false, true)) {
        LOG.log(
            Level.WARNING,
            "the WTS API did not load: Remote Desktop sessions are listed without their clients",
            e);
      }
      return sessions;
    }
  }

  private static boolean isDisconnected(Session session) {
    return WinStationState.DISCONNECTED.word().equals(session.state());
  }

  private static Session withClient(Session session, RdpClients known) {
    RdpClient client = known.of(Integer.parseInt(session.attributes().get("sessionId")));
    return session.toBuilder().remoteHost(client.name()).clientAddress(client.address()).build();
  }

  /**
   * quser failed: no sessions when qwinsta shows no user logged on (quser says so in the host's
   * language, "No User exists for *" in English), else quser's own complaint.
   */
  private List<Session> noneLoggedOn(WindowsTool.Ran failed) throws SourceException {
    String complaint =
        "quser exited with status " + failed.exitStatus() + ": " + failed.complaint();
    WindowsTool.Ran sessions = run(qwinsta, List.of());
    if (sessions.exitStatus() != 0 || sessions.truncated()) {
      throw new SourceException(complaint);
    }
    try {
      if (WinStation.parse(sessions.out()).stream().noneMatch(WinStation::hasUser)) {
        return List.of();
      }
    } catch (IllegalArgumentException e) {
      throw new SourceException(complaint, e);
    }
    throw new SourceException(complaint);
  }

  private WindowsTool.Ran run(WindowsTool tool, List<String> arguments) throws SourceException {
    try {
      return tool.run(arguments);
    } catch (IOException e) {
      throw new SourceException(tool.name() + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceException("interrupted while " + tool.name() + " ran", e);
    }
  }

  @Override
  public ActionResult perform(Session session, SessionAction action) throws ActionException {
    return perform(session, action, ActionRequest.NONE);
  }

  @Override
  public ActionResult perform(Session session, SessionAction action, ActionRequest request)
      throws ActionException {
    Session listed = relisted(session.id());
    if (!listed.allows(action)) {
      throw new ActionException(
          ActionException.Reason.NOT_OFFERED,
          "session "
              + session.id()
              + " ("
              + listed.state()
              + ") does not offer "
              + action.wireName());
    }
    String sessionNumber = listed.attributes().get("sessionId");
    ToolCall call = call(action, sessionNumber, request);
    WindowsTool.Ran ran;
    try {
      ran = call.tool().run(call.arguments());
    } catch (IOException e) {
      throw new ActionException(
          ActionException.Reason.FAILED, call.tool().name() + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ActionException(
          ActionException.Reason.FAILED, "interrupted while " + call.tool().name() + " ran", e);
    }
    if (ran.exitStatus() != 0) {
      throw new ActionException(
          ActionException.Reason.FAILED,
          call.tool().name() + " exited with status " + ran.exitStatus() + ": " + ran.complaint());
    }
    if (action == SessionAction.MESSAGE) {
      return new ActionResult(
          false,
          "showed \""
              + request.text()
              + "\" in session "
              + sessionNumber
              + " for "
              + settings.messageSeconds()
              + " s");
    }
    return new ActionResult(
        tookEffect(session.id(), action),
        action == SessionAction.LOGOUT
            ? "logged off session " + sessionNumber
            : "disconnected session " + sessionNumber + "; its programs keep running");
  }

  /** A tool and its arguments, each argument one element of the command line. */
  record ToolCall(WindowsTool tool, List<String> arguments) {
    List<String> commandLine() {
      return tool.command(arguments);
    }
  }

  /**
   * What carries out an action: {@code tsdiscon 3}, {@code logoff 3}, {@code msg 3 /TIME:60 TEXT}.
   */
  ToolCall call(SessionAction action, String sessionNumber, ActionRequest request)
      throws ActionException {
    if (!sessionNumber.matches("\\d{1,9}")) {
      throw new ActionException(
          ActionException.Reason.FAILED, "not a session number: " + sessionNumber);
    }
    return switch (action) {
      case DISCONNECT -> new ToolCall(tsdiscon, List.of(sessionNumber));
      case LOGOUT -> new ToolCall(logoff, List.of(sessionNumber));
      case MESSAGE -> {
        Optional<String> problem = ActionRequest.textProblem(request.text());
        if (problem.isPresent()) {
          throw new ActionException(ActionException.Reason.FAILED, problem.get());
        }
        yield new ToolCall(
            msg, List.of(sessionNumber, "/TIME:" + settings.messageSeconds(), request.text()));
      }
      case END ->
          throw new ActionException(
              ActionException.Reason.NOT_OFFERED,
              "Remote Desktop sessions are logged off, not ended");
    };
  }

  /** The session as listed now: the same number, user and logon time. */
  private Session relisted(String id) throws ActionException {
    try {
      return list().stream()
          .filter(s -> s.id().equals(id))
          .findFirst()
          .orElseThrow(
              () ->
                  new ActionException(ActionException.Reason.GONE, "session " + id + " has ended"));
    } catch (SourceException e) {
      throw new ActionException(ActionException.Reason.FAILED, e.getMessage(), e);
    }
  }

  /**
   * Whether the action took effect within the grace: the login gone after a log-off, no longer
   * connected after a disconnect. Windows does both asynchronously.
   */
  private boolean tookEffect(String id, SessionAction action) {
    return new GracePeriod(settings.grace())
        .awaits(
            () -> {
              try {
                Optional<Session> now = list().stream().filter(s -> s.id().equals(id)).findFirst();
                return now.isEmpty()
                    || action == SessionAction.DISCONNECT
                        && !now.get().allows(SessionAction.DISCONNECT);
              } catch (SourceException e) {
                return false;
              }
            });
  }
}
