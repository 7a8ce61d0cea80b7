package dev.sessionwatch.agent.windows;

import dev.sessionwatch.agent.source.ActionException;
import dev.sessionwatch.agent.source.ActionResult;
import dev.sessionwatch.agent.source.SessionSource;
import dev.sessionwatch.agent.source.SourceException;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import dev.sessionwatch.protocol.SourceStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The FTP sessions of IIS (7.5 and later): {@code sessions} of every site's {@code ftpServer}, read
 * and terminated by {@code iis-ftp-sessions.ps1}, a script shipped inside the agent and run with
 * {@code powershell.exe -File}: AppCmd cannot read these runtime elements.
 *
 * <p>The script gets its arguments as separate strings and checks their form itself; no value from
 * a request is ever part of a script's text. It is written once to a directory of the agent's own
 * and compared with the shipped one before each run.
 */
public final class IisFtpSource implements SessionSource {

  public static final String NAME = "iis-ftp";

  private static final String SCRIPT = "iis-ftp-sessions.ps1";
  private static final String ASSEMBLY = "Microsoft.Web.Administration.dll";
  private static final int GONE_STATUS = 3;

  private final IisFtpSettings settings;
  private final HostSystem host;
  private final WindowsTool powershell;
  private final byte[] script;
  private Path scriptFile; // guarded by this

  public IisFtpSource(IisFtpSettings settings) {
    this(settings, HostSystem.current());
  }

  IisFtpSource(IisFtpSettings settings, HostSystem host) {
    this.settings = settings;
    this.host = host;
    this.powershell = new WindowsTool(settings.powershell(), settings.timeout());
    this.script = shippedScript();
  }

  private static byte[] shippedScript() {
    try (InputStream in = IisFtpSource.class.getResourceAsStream(SCRIPT)) {
      if (in == null) {
        throw new IllegalStateException("the agent lacks its " + SCRIPT);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public SessionKind kind() {
    return SessionKind.FTP;
  }

  @Override
  public SourceStatus status() {
    if (!host.isWindows()) {
      return unavailable(host.notWindows("IIS FTP sessions"));
    }
    if (!Files.isRegularFile(settings.powershell())) {
      return unavailable("no PowerShell at " + settings.powershell());
    }
    if (!Files.isRegularFile(assembly())) {
      return unavailable(
          "no " + ASSEMBLY + " in " + settings.inetsrvDirectory() + " (is IIS installed?)");
    }
    return available();
  }

  private Path assembly() {
    return settings.inetsrvDirectory().resolve(ASSEMBLY);
  }

  @Override
  public List<Session> list() throws SourceException {
    return sessions().stream().map(IisFtpSession::toSession).toList();
  }

  private List<IisFtpSession> sessions() throws SourceException {
    WindowsTool.Ran ran;
    try {
      ran = runScript(List.of("list", assembly().toString()));
    } catch (IOException e) {
      throw new SourceException("PowerShell failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceException("interrupted while PowerShell ran", e);
    }
    if (ran.exitStatus() != 0) {
      throw new SourceException(
          SCRIPT + " exited with status " + ran.exitStatus() + ": " + ran.complaint());
    }
    if (ran.truncated()) {
      throw new SourceException(SCRIPT + " printed more than the agent reads");
    }
    try {
      return IisFtpSession.parse(ran.out());
    } catch (IllegalArgumentException e) {
      throw new SourceException(SCRIPT + "'s output is not its JSON: " + e.getMessage(), e);
    }
  }

  /**
   * The command line of a run: PowerShell without profile or prompts, the script, then the
   * arguments.
   */
  List<String> commandLine(List<String> scriptArguments) throws IOException {
    List<String> arguments = new ArrayList<>();
    arguments.addAll(
        List.of("-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass", "-File"));
    arguments.add(scriptFile().toString());
    arguments.addAll(scriptArguments);
    return powershell.command(arguments);
  }

  private WindowsTool.Ran runScript(List<String> scriptArguments)
      throws IOException, InterruptedException {
    List<String> command = commandLine(scriptArguments);
    return powershell.run(command.subList(1, command.size()));
  }

  /**
   * The script on disk, written on first use and rewritten should it differ from the shipped one.
   */
  private synchronized Path scriptFile() throws IOException {
    if (scriptFile == null) {
      scriptFile = Files.createTempDirectory("sessionwatch-").resolve(SCRIPT);
      scriptFile.toFile().deleteOnExit();
      scriptFile.getParent().toFile().deleteOnExit();
    }
    if (!Files.isRegularFile(scriptFile)
        || !Arrays.equals(Files.readAllBytes(scriptFile), script)) {
      Files.write(scriptFile, script);
    }
    return scriptFile;
  }

  @Override
  public ActionResult perform(Session session, SessionAction action) throws ActionException {
    if (action != SessionAction.END) {
      throw new ActionException(
          ActionException.Reason.NOT_OFFERED, "FTP sessions are ended, not " + action.wireName());
    }
    IisFtpSession listed = relisted(session.id());
    if (!listed.terminable()) {
      throw new ActionException(
          ActionException.Reason.NOT_OFFERED,
          "session id " + listed.sessionId() + " is not one the agent passes on");
    }
    WindowsTool.Ran ran;
    try {
      ran =
          runScript(
              List.of(
                  "terminate",
                  assembly().toString(),
                  Long.toString(listed.siteId()),
                  listed.sessionId(),
                  listed.startDigest()));
    } catch (IOException e) {
      throw new ActionException(
          ActionException.Reason.FAILED, "PowerShell failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ActionException(
          ActionException.Reason.FAILED, "interrupted while PowerShell ran", e);
    }
    if (ran.exitStatus() == GONE_STATUS) {
      throw new ActionException(
          ActionException.Reason.GONE, "session " + session.id() + " has ended");
    }
    if (ran.exitStatus() != 0) {
      throw new ActionException(
          ActionException.Reason.FAILED,
          SCRIPT + " exited with status " + ran.exitStatus() + ": " + ran.complaint());
    }
    return new ActionResult(
        gone(session.id()),
        "terminated FTP session " + listed.sessionId() + " of site " + listed.site());
  }

  /** The session as listed now, by id: the same site, session id and start time. */
  private IisFtpSession relisted(String id) throws ActionException {
    try {
      return sessions().stream()
          .filter(s -> s.id().equals(id))
          .findFirst()
          .orElseThrow(
              () ->
                  new ActionException(ActionException.Reason.GONE, "session " + id + " has ended"));
    } catch (SourceException e) {
      throw new ActionException(ActionException.Reason.FAILED, e.getMessage(), e);
    }
  }

  /** Whether the session is no longer listed, within the grace. */
  private boolean gone(String id) {
    return new GracePeriod(settings.grace())
        .awaits(
            () -> {
              try {
                return sessions().stream().noneMatch(s -> s.id().equals(id));
              } catch (SourceException e) {
                return false;
              }
            });
  }
}
