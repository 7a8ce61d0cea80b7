package dev.sessionwatch.agent.ftp;

import dev.sessionwatch.agent.os.BootTime;
import dev.sessionwatch.agent.os.InetAddressText;
import dev.sessionwatch.agent.os.ProcessIdentity;
import dev.sessionwatch.agent.os.ProcessInfo;
import dev.sessionwatch.agent.os.ProcessSnapshot;
import dev.sessionwatch.agent.source.ListedProcess;
import dev.sessionwatch.agent.source.SourceException;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import dev.sessionwatch.protocol.SourceStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * vsftpd's sessions, from its processes: vsftpd keeps no list of them, but with {@code
 * setproctitle_enable=YES} each session's processes carry its client, user and command in their
 * titles (see {@link VsftpdProcessTitle}).
 *
 * <p>A session is a process group: its leader (a {@code vsftpd} process that made itself a session
 * leader for the connection, running as the unprivileged user) lives as long as the connection; a
 * child carries the login and the command. The id is {@code vsftpd:PID-STARTTICKS} of the leader.
 * Without process titles only the leader's control connection tells anything, so sessions are
 * listed with their client address alone (reading another process's sockets needs root).
 *
 * <p>{@link SessionAction#END} signals every process of the session, each re-checked: killing the
 * leader alone lets a running transfer finish, and the logged-in child ignores SIGTERM while idle,
 * so SIGKILL follows after the grace.
 */
public final class VsftpdSource extends FtpProcessSource {

  public static final String NAME = "vsftpd";

  private static final String PROCESS_NAME = "vsftpd";
  private static final String LEADER_ACTIVITY = "connected";

  private final VsftpdSettings settings;

  public VsftpdSource(VsftpdSettings settings) {
    super(NAME, settings.procRoot(), settings.grace());
    this.settings = settings;
  }

  @Override
  public SourceStatus status() {
    if (!Files.isExecutable(settings.vsftpd())) {
      return unavailable("no vsftpd at " + settings.vsftpd() + " (package vsftpd)");
    }
    String text;
    try {
      text = Files.readString(settings.configFile());
    } catch (IOException e) {
      return availableWithNote(
          "cannot read " + settings.configFile() + " to tell whether process titles are on: " + e);
    }
    if (!VsftpdConfigFile.setsProcessTitles(text)) {
      return availableWithNote(
          "setproctitle_enable is off in "
              + settings.configFile()
              + ": sessions are listed with their client address only; set"
              + " setproctitle_enable=YES for user, command and file");
    }
    return available();
  }

  /** The sessions of this moment, each with all of its processes. */
  @Override
  List<ListedProcess> scan() throws SourceException {
    ProcessSnapshot snapshot;
    try {
      snapshot = table().snapshot();
    } catch (IOException e) {
      throw new SourceException("cannot read the process table at " + table().root() + ": " + e, e);
    }
    BootTime bootTime = bootTime();
    List<ListedProcess> sessions = new ArrayList<>();
    for (ProcessInfo process : snapshot.all()) {
      if (isVsftpd(process) && process.pid() == process.sid()) {
        clientAddress(process)
            .ifPresent(address -> sessions.add(session(process, address, snapshot, bootTime)));
      }
    }
    return sessions;
  }

  /**
   * The client of a session leader: from its title, or without titles from its control connection;
   * empty when the process is not a session leader (the listener, say).
   */
  private Optional<String> clientAddress(ProcessInfo leader) {
    Optional<VsftpdProcessTitle> title = VsftpdProcessTitle.parse(leader.cmdline());
    if (title.isPresent()) {
      return title
          .filter(t -> t.user() == null && LEADER_ACTIVITY.equals(t.activity()))
          .map(VsftpdProcessTitle::clientAddress);
    }
    return table().tcpPeer(leader.pid()).map(peer -> InetAddressText.of(peer.getAddress()));
  }

  private ListedProcess session(
      ProcessInfo leader, String clientAddress, ProcessSnapshot snapshot, BootTime bootTime) {
    List<ProcessInfo> children =
        snapshot.descendants(leader).stream().filter(VsftpdSource::isVsftpd).toList();
    Optional<VsftpdProcessTitle> activity =
        children.stream()
            .map(child -> VsftpdProcessTitle.parse(child.cmdline()))
            .flatMap(Optional::stream)
            .filter(title -> !title.isListener())
            .findFirst();
    SortedMap<String, String> attributes = new TreeMap<>();
    attributes.put("pid", Long.toString(leader.pid()));
    activity
        .map(VsftpdProcessTitle::argument)
        .ifPresent(argument -> attributes.put("commandArgs", argument));
    boolean transferring = activity.map(t -> t.isDownloading() || t.isUploading()).orElse(false);
    Session session =
        Session.builder(NAME + ":" + leader.identity(), SessionKind.FTP, NAME)
            .user(activity.map(VsftpdProcessTitle::user).orElse(null))
            .clientAddress(clientAddress)
            .loginTime(bootTime.instantAfter(leader.startTimeTicks()))
            .state(activity.map(VsftpdProcessTitle::state).orElse(null))
            .actions(SessionAction.END)
            .currentCommand(activity.map(VsftpdProcessTitle::command).orElse(null))
            .currentFile(transferring ? activity.get().argument() : null)
            .attributes(attributes)
            .build();
    List<ProcessIdentity> processes = new ArrayList<>();
    processes.add(leader.identity());
    children.forEach(child -> processes.add(child.identity()));
    return new ListedProcess(session, processes);
  }

  private static boolean isVsftpd(ProcessInfo process) {
    return !process.isZombie() && PROCESS_NAME.equals(process.comm());
  }
}
