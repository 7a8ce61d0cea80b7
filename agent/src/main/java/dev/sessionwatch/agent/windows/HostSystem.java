package dev.sessionwatch.agent.windows;

import java.time.ZoneId;
import java.util.Locale;

/**
 * What the Windows sources need to know of the host they run on.
 *
 * @param osName the JVM's {@code os.name}
 * @param zone the host's time zone, in which quser prints logon times
 * @param formatLocale the host's regional format, with which quser prints dates: the agent and the
 *     tools it starts run as the same account, so they share it
 */
record HostSystem(String osName, ZoneId zone, Locale formatLocale) {

  static HostSystem current() {
    return new HostSystem(
        System.getProperty("os.name", "unknown"),
        ZoneId.systemDefault(),
        Locale.getDefault(Locale.Category.FORMAT));
  }

  boolean isWindows() {
    return osName.startsWith("Windows");
  }

  /** Why a Windows source reads nothing here. */
  String notWindows(String what) {
    return what + " exist only on Windows; this host runs " + osName;
  }
}
