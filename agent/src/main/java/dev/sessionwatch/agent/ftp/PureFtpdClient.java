package dev.sessionwatch.agent.ftp;

import dev.sessionwatch.agent.os.ProcessIdentity;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One client of Pure-FTPd's scoreboard, as {@code pure-ftpwho -x -n} (1.0.50) gives it; the
 * transfer fields are null when the client is not transferring. See {@link PureFtpWhoXml}.
 *
 * @param pid the user-owned session process (not its root {@code (PRIV)} helper)
 * @param account the login name; {@value #NOT_LOGGED_IN} before the client logged in
 * @param seconds seconds since the session began
 * @param state {@code IDLE}, {@code DL}, {@code UL} or {@code ERR!}, trimmed
 * @param currentSize bytes transferred so far
 * @param totalSize the file's size; only for downloads
 * @param percentage how much of the file was sent; only for downloads
 * @param bandwidth the transfer's rate in bytes per second
 */
record PureFtpdClient(
    long pid,
    String account,
    long seconds,
    String state,
    String file,
    String host,
    String localHost,
    Integer localPort,
    Long resume,
    Long currentSize,
    Long totalSize,
    Integer percentage,
    Long bandwidth) {

  /** The account pure-ftpwho shows before a client has logged in. */
  static final String NOT_LOGGED_IN = "?";

  /** When the session began, counted back from when pure-ftpwho ran. */
  Instant began(Instant collectedAt) {
    return collectedAt.minusSeconds(seconds);
  }

  /** The session this client is, for its process (whose start time makes the id unique). */
  Session toSession(ProcessIdentity process, Instant collectedAt) {
    Map<String, String> attributes = new TreeMap<>();
    attributes.put("pid", Long.toString(pid));
    attributes.put("state", state);
    put(attributes, "localAddress", localHost);
    put(attributes, "localPort", localPort);
    put(attributes, "resume", resume);
    put(attributes, "totalSize", totalSize);
    boolean downloading = "DL".equals(state);
    boolean uploading = "UL".equals(state);
    boolean loggedIn = !NOT_LOGGED_IN.equals(account);
    return Session.builder(
            PureFtpdSource.NAME + ":" + process, SessionKind.FTP, PureFtpdSource.NAME)
        .user(loggedIn ? account : null)
        .clientAddress(host)
        .loginTime(began(collectedAt))
        .state(loggedIn ? shownState() : "authenticating")
        .actions(SessionAction.END)
        .currentFile(file)
        .transferRateBytesPerSecond(bandwidth)
        .progress(percentage == null ? null : percentage / 100.0)
        .bytesSent(downloading ? currentSize : null)
        .bytesReceived(uploading ? currentSize : null)
        .attributes(attributes)
        .build();
  }

  private String shownState() {
    return switch (state) {
      case "IDLE" -> "idle";
      case "DL" -> "downloading";
      case "UL" -> "uploading";
      case "ERR!" -> "error";
      default -> state.toLowerCase(Locale.ROOT);
    };
  }

  private static void put(Map<String, String> attributes, String key, Object value) {
    if (value != null) {
      attributes.put(key, value.toString());
    }
  }
}
