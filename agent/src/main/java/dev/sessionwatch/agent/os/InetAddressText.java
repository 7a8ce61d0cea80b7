package dev.sessionwatch.agent.os;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Writes an IP address the way people read it: dotted IPv4, and IPv6 in the short form of RFC 5952
 * ({@code ::1}, not Java's {@code 0:0:0:0:0:0:0:1}).
 */
public final class InetAddressText {

  private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private InetAddressText() {}

  /**
   * A text that is a literal IPv4 or IPv6 address, in the form of {@link #of} (an IPv4-mapped IPv6
   * address becomes the IPv4 address); null for anything else. Never a DNS lookup: the text comes
   * from a file or a process, and may be a host name or the X display {@code :0}.
   */
  public static String ofLiteral(String text) {
    try {
      if (text != null && IPV4_LITERAL.matcher(text).matches()) {
        byte[] bytes = new byte[4];
        String[] octets = text.split("\\.");
        for (int i = 0; i < 4; i++) {
          int octet = Integer.parseInt(octets[i]);
          if (octet > 255) {
            return null;
          }
          bytes[i] = (byte) octet;
        }
        return of(InetAddress.getByAddress(bytes));
      }
      if (text != null && IPV6_LITERAL.matcher(text).matches()) {
        // A name with a colon is parsed as an IPv6 literal and never looked up in DNS.
        return of(InetAddress.getByName(text));
      }
    } catch (UnknownHostException e) {
      // Not an address after all, such as the X display ":0".
    }
    return null;
  }

  public static String of(InetAddress address) {
    if (address instanceof Inet4Address) {
      return address.getHostAddress();
    }
    byte[] bytes = ((Inet6Address) address).getAddress();
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
    }
    // The longest run of two or more zero groups (the first of equal runs) becomes "::".
    int runStart = -1;
    int runLength = 0;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > runLength && j - i >= 2) {
        runStart = i;
        runLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == runStart) {
        text.append("::");
        i += runLength - 1;
        continue;
      }
      if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[i]));
    }
    return text.toString();
  }
}
