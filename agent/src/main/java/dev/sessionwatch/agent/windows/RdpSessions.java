package dev.sessionwatch.agent.windows;

import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns quser's lines into the protocol's terminal sessions.
 *
 * <p>Windows reuses session numbers, so an id is the number plus a digest of the user and the logon
 * time as printed: {@code rdp:3-1a2b3c4d}. It stays the same while the login lasts and differs for
 * the next login in that session, unless the same user logs on again there within the same minute
 * (quser prints minutes).
 */
final class RdpSessions {

  private RdpSessions() {}

  /**
   * The sessions quser listed.
   *
   * @param collectedAt when quser ran, for the idle time
   * @param host the zone and regional format quser printed times in
   * @throws IllegalArgumentException when the output is not quser's table
   */
  static List<Session> of(String quserOutput, Instant collectedAt, HostSystem host) {
    List<QuserLogin> logins = QuserLogin.parse(quserOutput);
    LogonTime.Order order =
        LogonTime.order(logins.stream().map(QuserLogin::logon).toList(), host.formatLocale());
    List<Session> sessions = new ArrayList<>();
    for (QuserLogin login : logins) {
      Optional<WinStationState> state = WinStationState.of(login.state());
      Instant loginTime =
          LogonTime.parse(login.logon(), order)
              .map(local -> local.atZone(host.zone()).toInstant())
              .orElse(null);
      sessions.add(session(login, state, loginTime, idleSince(login, loginTime, collectedAt)));
    }
    return sessions;
  }

  /** The id of the login on this line. */
  static String id(QuserLogin login) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((login.user() + "\n" + login.logon()).getBytes(StandardCharsets.UTF_8));
      return RdpSource.NAME
          + ":"
          + login.sessionId()
          + "-"
          + HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static Session session(
      QuserLogin login, Optional<WinStationState> state, Instant loginTime, Instant idleSince) {
    Map<String, String> attributes = new TreeMap<>();
    attributes.put("sessionId", Integer.toString(login.sessionId()));
    attributes.put("state", login.state());
    attributes.put("idleTime", login.idle());
    attributes.put("logonTime", login.logon());
    return Session.builder(id(login), SessionKind.TERMINAL, RdpSource.NAME)
        .user(login.user())
        .loginTime(loginTime)
        .idleSince(idleSince)
        .state(state.map(WinStationState::word).orElse(login.state()))
        .actions(actions(login, state))
        .line(login.sessionName())
        .attributes(attributes)
        .build();
  }

  /**
   * A message and a disconnect reach only a connected user (msg needs an active session); unknown
   * state words are taken as connected, as quser lists logged-on users. Log-out is not offered for
   * the console: its user is the one at the server.
   */
  private static List<SessionAction> actions(QuserLogin login, Optional<WinStationState> state) {
    List<SessionAction> actions = new ArrayList<>();
    WinStationState known = state.orElse(WinStationState.ACTIVE);
    if (known == WinStationState.ACTIVE) {
      actions.add(SessionAction.MESSAGE);
    }
    if (known == WinStationState.ACTIVE || known == WinStationState.CONNECTED) {
      actions.add(SessionAction.DISCONNECT);
    }
    if (!isConsole(login)) {
      actions.add(SessionAction.LOGOUT);
    }
    return actions;
  }

  static boolean isConsole(QuserLogin login) {
    return login.sessionName() != null
        && login.sessionName().toLowerCase(Locale.ROOT).equals("console");
  }

  /**
   * When the session last saw input: whole minutes before the minute quser ran in, so that an
   * unchanged session keeps the same instant from poll to poll. An idle time longer than the login
   * is dropped: Windows Server 2008 R2's quser prints such figures (24692+13:29) for sessions idle
   * a moment.
   */
  private static Instant idleSince(QuserLogin login, Instant loginTime, Instant collectedAt) {
    Optional<Duration> idle = IdleTime.parse(login.idle());
    if (idle.isEmpty()) {
      return null;
    }
    Instant since = collectedAt.truncatedTo(ChronoUnit.MINUTES).minus(idle.get());
    if (loginTime != null && since.isBefore(loginTime.truncatedTo(ChronoUnit.MINUTES))) {
      return null;
    }
    return since;
  }
}
