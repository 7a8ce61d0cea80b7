package dev.sessionwatch.agent.windows;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A Remote Desktop session's connection state (WTS_CONNECTSTATE_CLASS), read from the STATE column
 * of quser and qwinsta, which print it abbreviated and translated.
 *
 * <p>Only words seen in real output are known; see {@code windows/README.md} among the test
 * resources for where each came from. Japanese Windows prints the English words. A listener
 * (Listen, Abhör., Прослуш) has no user, so quser never lists it; other states are rare and passing
 * (connecting, resetting) and are shown as printed.
 */
enum WinStationState {
  /** A user is logged on and connected. */
  ACTIVE("active", Set.of("active", "aktiv", "actif", "activo", "активный")),
  /** A client is connected; at the console, nobody has logged on yet. */
  CONNECTED("connected", Set.of("conn", "verb.")),
  /** The user is logged on but the client went away; programs keep running. */
  DISCONNECTED("disconnected", Set.of("disc", "getr.", "desc", "разъедин"));

  private final String word;
  private final Set<String> printed;

  WinStationState(String word, Set<String> printed) {
    this.word = word;
    this.printed = printed;
  }

  /** The protocol's word for it: {@code active}, {@code disconnected}, ... */
  String word() {
    return word;
  }

  /** The state a printed word stands for, in any of the languages known; empty for others. */
  static Optional<WinStationState> of(String printedWord) {
    String key = printedWord.toLowerCase(Locale.ROOT);
    for (WinStationState state : values()) {
      if (state.printed.contains(key)) {
        return Optional.of(state);
      }
    }
    return Optional.empty();
  }
}
