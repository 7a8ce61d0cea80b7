package dev.sessionwatch.agent.os;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The formats of the small per-process files under {@code /proc/PID}: pure, for the reader. */
public final class ProcFormat {

  /** What {@code /proc/PID/sessionid} holds when no login opened an audit session: (u32)-1. */
  public static final long UNSET_AUDIT_SESSION = 4294967295L;

  private static final Pattern SOCKET_LINK = Pattern.compile("socket:\\[(\\d+)]");

  private ProcFormat() {}

  /**
   * The arguments of {@code /proc/PID/cmdline}, joined by spaces.
   *
   * <p>Arguments are NUL-separated with a NUL after the last. Programs that rewrite their title
   * (sshd's {@code sshd: alice [priv]}) pad it with NULs over the old argument area, so every
   * trailing NUL is dropped, not just one.
   */
  public static String cmdline(byte[] content) {
    int end = content.length;
    while (end > 0 && content[end - 1] == 0) {
      end--;
    }
    byte[] joined = new byte[end];
    for (int i = 0; i < end; i++) {
      joined[i] = content[i] == 0 ? (byte) ' ' : content[i];
    }
    return new String(joined, StandardCharsets.UTF_8);
  }

  /**
   * The variables of {@code /proc/PID/environ}: the environment the process was started with,
   * {@code NAME=value} entries each followed by a NUL.
   *
   * <p>An entry without {@code =} is skipped; of a name given twice, the first counts, as for
   * getenv(3).
   */
  public static Map<String, String> environment(byte[] content) {
    Map<String, String> variables = new LinkedHashMap<>();
    int start = 0;
    for (int i = 0; i <= content.length; i++) {
      if (i == content.length || content[i] == 0) {
        String entry = new String(content, start, i - start, StandardCharsets.UTF_8);
        int equals = entry.indexOf('=');
        if (equals > 0) {
          variables.putIfAbsent(entry.substring(0, equals), entry.substring(equals + 1));
        }
        start = i + 1;
      }
    }
    return variables;
  }

  /**
   * The real user id from the {@code Uid:} line of {@code /proc/PID/status} (real, effective,
   * saved, filesystem).
   *
   * @throws IllegalArgumentException when there is no such line
   */
  public static long realUid(String status) {
    for (String line : status.split("\n")) {
      if (line.startsWith("Uid:")) {
        String[] ids = line.substring(4).trim().split("\\s+");
        try {
          return Long.parseLong(ids[0]);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("malformed Uid line: " + line, e);
        }
      }
    }
    throw new IllegalArgumentException("no Uid line in /proc/PID/status");
  }

  /**
   * The audit session id from {@code /proc/PID/sessionid}, or null when it is unset (the kernel
   * writes 4294967295 until pam_loginuid sets a login uid) or unreadable.
   */
  public static Long auditSessionId(String content) {
    try {
      long id = Long.parseLong(content.trim());
      return id == UNSET_AUDIT_SESSION || id < 0 ? null : id;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The inode of a {@code /proc/PID/fd/N} link target {@code socket:[INODE]}, if it is one. */
  public static OptionalLong socketInode(String linkTarget) {
    Matcher matcher = SOCKET_LINK.matcher(linkTarget);
    return matcher.matches()
        ? OptionalLong.of(Long.parseLong(matcher.group(1)))
        : OptionalLong.empty();
  }
}
