package dev.sessionwatch.agent.panel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fields the agent uses of one cPanel session file ({@code /var/cpanel/sessions/raw/NAME}), and
 * nothing else.
 *
 * <p>cPanel writes a session as {@code key=value} lines (Cpanel::Session::saveSession through
 * Cpanel::Config::FlushConfig). Besides the fields below, the file holds the session's secrets: the
 * password ({@code pass}), the URL token ({@code cp_security_token}), and more. The parser reads
 * the file byte by byte and keeps the value of a whitelisted key only; every other value is skipped
 * without being stored, so a secret never reaches a session, a log or an error message. Error
 * messages name keys and line numbers, never values.
 *
 * <p>cPanel strips CR and LF from every value it saves; a file holding a CR, a line that is not
 * {@code key=value}, or a whitelisted key twice was not written by cPanel (CVE-2026-41940 forged
 * sessions by splitting the password's line with CR/LF) and is refused as a whole.
 *
 * @param user the login: a cPanel or WHM account, or an e-mail address for webmail
 * @param ipAddress the client's address ({@code ip_address}), or null
 * @param app the cPanel service the login came through ({@code app=} of {@code origin_as_string}:
 *     cpaneld, whostmgrd, webmaild), or null
 * @param loginTime when the login succeeded ({@code successful_internal_auth_with_timestamp} or
 *     {@code successful_external_auth_with_timestamp}), or null before it did
 * @param needsAuth whether the session still waits for its login ({@code needs_auth}): not a login
 * @param registeredProcesses the processes cPanel ends with the session ({@code
 *     registered_processes})
 * @param unreadableProcesses entries of {@code registered_processes} that are not UPIDs
 */
record CpanelSessionFile(
    String user,
    String ipAddress,
    String app,
    Instant loginTime,
    boolean needsAuth,
    List<RegisteredProcess> registeredProcesses,
    int unreadableProcesses) {

  static final String USER = "user";
  static final String IP_ADDRESS = "ip_address";
  static final String ORIGIN = "origin_as_string";
  static final String INTERNAL_AUTH = "successful_internal_auth_with_timestamp";
  static final String EXTERNAL_AUTH = "successful_external_auth_with_timestamp";
  static final String NEEDS_AUTH = "needs_auth";
  static final String REGISTERED_PROCESSES = "registered_processes";

  /** The only keys whose values are read. */
  static final Set<String> KEPT_KEYS =
      Set.of(
          USER, IP_ADDRESS, ORIGIN, INTERNAL_AUTH, EXTERNAL_AUTH, NEEDS_AUTH, REGISTERED_PROCESSES);

  private static final int MAX_KEY_BYTES = 100;
  private static final int MAX_VALUE_BYTES = 4096;
  private static final int MAX_SECONDS_DIGITS = 12;

  CpanelSessionFile {
    registeredProcesses = List.copyOf(registeredProcesses);
  }

  /**
   * One process registered with the session, by cPanel's UPID ({@code PID.STARTTICKS.BOOTTIME},
   * Cpanel::UPID): its PID, its start time in ticks after boot, and the boot's {@code btime}.
   */
  record RegisteredProcess(long pid, long startTimeTicks, long bootTime) {

    /** Parses one UPID; empty when it is not one. */
    static Optional<RegisteredProcess> parse(String upid) {
      String[] parts = upid.split("\\.", -1);
      if (parts.length != 3) {
        return Optional.empty();
      }
      for (String part : parts) {
        if (part.isEmpty() || part.length() > 19 || !part.chars().allMatch(Character::isDigit)) {
          return Optional.empty();
        }
      }
      try {
        return Optional.of(
            new RegisteredProcess(
                Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2])));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
  }

  /** How the person logged in, in the words of cPanel's docs; null for an unknown service. */
  String userType() {
    if (app == null) {
      return null;
    }
    if (app.startsWith("whostmgr")) {
      return "WHM";
    }
    if (app.startsWith("cpanel")) {
      return "cPanel user";
    }
    return app.startsWith("webmail") ? "webmail" : null;
  }

  /** Whether this is a WHM login, whose processes cPanel ends as root rather than as the user. */
  boolean isWhm() {
    return app != null && app.startsWith("whostmgr");
  }

  /**
   * Reads a session file's whitelisted fields.
   *
   * @param maxBytes how much of the file may be read; a longer file is refused
   * @throws IllegalArgumentException when it is not a session file cPanel wrote (the message names
   *     no value)
   * @throws IOException when it cannot be read
   */
  static CpanelSessionFile parse(InputStream in, int maxBytes) throws IOException {
    return fromFields(new LineReader(in, maxBytes).read());
  }

  private static CpanelSessionFile fromFields(Map<String, String> fields) {
    boolean needsAuth = isTrue(fields.get(NEEDS_AUTH));
    String user = fields.get(USER);
    if (user != null && (user.isEmpty() || !isPrintable(user) || user.contains("/"))) {
      throw new IllegalArgumentException("its user is not a login name");
    }
    String ip = fields.get(IP_ADDRESS);
    if (ip != null && !isAddressLiteral(ip)) {
      throw new IllegalArgumentException("its " + IP_ADDRESS + " is not an IP address");
    }
    Instant internal = epochSeconds(fields, INTERNAL_AUTH);
    Instant external = epochSeconds(fields, EXTERNAL_AUTH);
    Instant login =
        internal == null || (external != null && external.isAfter(internal)) ? external : internal;
    if (!needsAuth && user == null) {
      throw new IllegalArgumentException("it has no " + USER);
    }
    if (!needsAuth && login == null) {
      throw new IllegalArgumentException(
          "it has neither " + INTERNAL_AUTH + " nor " + EXTERNAL_AUTH);
    }
    List<RegisteredProcess> processes = new ArrayList<>();
    int unreadable = 0;
    String registered = fields.getOrDefault(REGISTERED_PROCESSES, "");
    for (String upid : registered.isEmpty() ? new String[0] : registered.split(",")) {
      Optional<RegisteredProcess> process = RegisteredProcess.parse(upid);
      if (process.isPresent()) {
        processes.add(process.get());
      } else {
        unreadable++;
      }
    }
    return new CpanelSessionFile(
        user, ip, app(fields.get(ORIGIN)), login, needsAuth, processes, unreadable);
  }

  /** The {@code app=} item of {@code origin_as_string} ({@code address=...,app=cpaneld,...}). */
  private static String app(String origin) {
    if (origin == null) {
      return null;
    }
    for (String item : origin.split(",")) {
      if (item.startsWith("app=") && item.length() > 4 && isPrintable(item)) {
        return item.substring(4);
      }
    }
    return null;
  }

  private static boolean isTrue(String flag) {
    return flag != null && !flag.isEmpty() && !flag.equals("0");
  }

  private static Instant epochSeconds(Map<String, String> fields, String key) {
    String value = fields.get(key);
    if (value == null) {
      return null;
    }
    if (value.isEmpty()
        || value.length() > MAX_SECONDS_DIGITS
        || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("its " + key + " is not a number of seconds");
    }
    return Instant.ofEpochSecond(Long.parseLong(value));
  }

  /**
   * Whether the text can only be an IPv4 or IPv6 literal (never resolved: a name here would mean a
   * DNS query).
   */
  private static boolean isAddressLiteral(String text) {
    return !text.isEmpty()
        && text.length() <= 45
        && (text.indexOf(':') >= 0 || text.chars().allMatch(c -> c == '.' || isDigit(c)))
        && text.chars().allMatch(c -> c == '.' || c == ':' || Character.digit(c, 16) >= 0);
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isPrintable(String text) {
    return text.codePoints().noneMatch(Character::isISOControl);
  }

  /** Splits the file into lines, keeping the values of {@link #KEPT_KEYS} only. */
  private static final class LineReader {
    private final InputStream in;
    private final int maxBytes;
    private final Map<String, String> kept = new HashMap<>();
    private final ByteArrayOutputStream key = new ByteArrayOutputStream();
    private final ByteArrayOutputStream value = new ByteArrayOutputStream();
    private int line = 1;
    private boolean inValue;
    private boolean keepingValue;

    LineReader(InputStream in, int maxBytes) {
      this.in = in;
      this.maxBytes = maxBytes;
    }

    Map<String, String> read() throws IOException {
      byte[] buffer = new byte[4096];
      long total = 0;
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        total += n;
        if (total > maxBytes) {
          throw new IllegalArgumentException("it is larger than " + maxBytes + " bytes");
        }
        for (int i = 0; i < n; i++) {
          accept(buffer[i] & 0xff);
        }
      }
      endLine();
      return kept;
    }

    private void accept(int b) {
      if (b == '\n') {
        endLine();
        line++;
        return;
      }
      if (b == '\r') {
        throw new IllegalArgumentException(
            "line " + line + " holds a carriage return, which cPanel never writes");
      }
      if ((b < 0x20 && b != '\t') || b == 0x7f) {
        throw new IllegalArgumentException("line " + line + " holds binary data");
      }
      if (!inValue) {
        acceptKey(b);
      } else if (keepingValue) {
        if (value.size() >= MAX_VALUE_BYTES) {
          throw new IllegalArgumentException(
              "line " + line + " holds a value longer than " + MAX_VALUE_BYTES + " bytes");
        }
        value.write(b);
      }
      // Any other value is skipped unseen.
    }

    private void acceptKey(int b) {
      if (b == '=') {
        String name = key.toString(StandardCharsets.US_ASCII);
        if (name.isEmpty()) {
          throw new IllegalArgumentException("line " + line + " has no key");
        }
        inValue = true;
        keepingValue = KEPT_KEYS.contains(name);
        if (keepingValue && kept.containsKey(name)) {
          throw new IllegalArgumentException("its " + name + " appears twice");
        }
        return;
      }
      boolean keyByte =
          (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || isDigit(b) || b == '_' || b == '-';
      if (!keyByte || key.size() >= MAX_KEY_BYTES) {
        throw new IllegalArgumentException("line " + line + " is not key=value");
      }
      key.write(b);
    }

    private void endLine() {
      if (inValue && keepingValue) {
        kept.put(key.toString(StandardCharsets.US_ASCII), utf8(value.toByteArray()));
      } else if (!inValue && key.size() > 0) {
        throw new IllegalArgumentException("line " + line + " is not key=value");
      }
      key.reset();
      value.reset();
      inValue = false;
      keepingValue = false;
    }

    private String utf8(byte[] bytes) {
      try {
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
      } catch (CharacterCodingException e) {
        throw new IllegalArgumentException("line " + line + " is not UTF-8");
      }
    }
  }
}
