package dev.sessionwatch.agent.ftp;

import dev.sessionwatch.agent.os.ProcessIdentity;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One connection of ProFTPD's scoreboard, as {@code ftpwho -o json} (ProFTPD 1.3.6 and later) gives
 * it; absent keys are null. See {@link ProftpdWhoJson} for what the keys mean.
 *
 * @param connectedSince when the client connected (whole seconds)
 * @param user the login name; null while the client is still authenticating
 * @param idleSince when the session went idle; null while it runs a command
 * @param transferCompleted the percentage of the file transferred; null for uploads (the final size
 *     is unknown) and when not transferring
 * @param transferBytes the bytes transferred so far; ftpwho leaves it out while it is zero
 * @param transferDurationMs ftpwho's transfer duration, kept raw: in 1.3.8 it is the elapsed time
 *     in milliseconds multiplied by 1000 again, so it is not used for a rate
 */
record ProftpdConnection(
    long pid,
    Instant connectedSince,
    String remoteName,
    String remoteAddress,
    String localAddress,
    Integer localPort,
    String user,
    String userClass,
    String protocol,
    String location,
    boolean authenticating,
    boolean idling,
    Instant idleSince,
    String command,
    String commandArgs,
    boolean downloading,
    boolean uploading,
    Double transferCompleted,
    Long transferBytes,
    Long transferDurationMs) {

  /** ProFTPD keeps this many bytes of a command's argument in the scoreboard, and cuts the rest. */
  static final int KEPT_ARGUMENT_BYTES = 78;

  /** Marks an argument that may have been cut. */
  static final String CUT_MARK = "…";

  /** The session this connection is, for its process (whose start time makes the id unique). */
  Session toSession(ProcessIdentity process) {
    Map<String, String> attributes = new TreeMap<>();
    attributes.put("pid", Long.toString(pid));
    put(attributes, "remoteName", remoteName);
    put(attributes, "localAddress", localAddress);
    put(attributes, "localPort", localPort == null ? null : localPort.toString());
    put(attributes, "class", userClass);
    put(attributes, "protocol", protocol);
    put(attributes, "commandArgs", commandArgs);
    put(
        attributes,
        "transferDurationMs",
        transferDurationMs == null ? null : "" + transferDurationMs);
    boolean transferring = downloading || uploading;
    return Session.builder(ProftpdSource.NAME + ":" + process, SessionKind.FTP, ProftpdSource.NAME)
        .user(user)
        .clientAddress(remoteAddress)
        .loginTime(connectedSince)
        .idleSince(idling ? idleSince : null)
        .state(state())
        .actions(SessionAction.END)
        .currentDirectory(location)
        .currentCommand(command)
        .currentFile(transferring ? shownArgument() : null)
        .progress(transferCompleted == null ? null : transferCompleted / 100)
        .bytesSent(downloading ? transferBytes : null)
        .bytesReceived(uploading ? transferBytes : null)
        .attributes(attributes)
        .build();
  }

  private String state() {
    if (authenticating) {
      return "authenticating";
    }
    if (downloading) {
      return "downloading";
    }
    if (uploading) {
      return "uploading";
    }
    return idling ? "idle" : "active";
  }

  /**
   * The argument, marked when it fills what the scoreboard keeps: it was cut there, or is exactly
   * that long, which the scoreboard cannot tell apart. The rest is never guessed.
   */
  private String shownArgument() {
    if (commandArgs == null) {
      return null;
    }
    boolean full = commandArgs.getBytes(StandardCharsets.UTF_8).length >= KEPT_ARGUMENT_BYTES;
    return full ? commandArgs + CUT_MARK : commandArgs;
  }

  private static void put(Map<String, String> attributes, String key, String value) {
    if (value != null) {
      attributes.put(key, value);
    }
  }
}
