package dev.sessionwatch.agent.windows;

import dev.sessionwatch.agent.os.InetAddressText;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * The protocol's fields from the raw values {@code WTSQuerySessionInformation} gives for a
 * session's client: its name ({@code WTSClientName}, a string) and its address ({@code
 * WTSClientAddress}, a {@code WTS_CLIENT_ADDRESS}: an address family and 20 bytes). Anything odd is
 * absent, never an error and never a guess.
 *
 * <p>Where the address bytes start: Microsoft's page on WTS_CLIENT_ADDRESS
 * (https://learn.microsoft.com/windows/win32/api/wtsapi32/ns-wtsapi32-wts_client_address) says an
 * AF_INET address "is offset by two bytes from the start of the Address member" (192.168.0.1 is
 * {@code 00 00 C0 A8 00 01}). For AF_INET6 it states no offset, and its example ("FFFF::1" as
 * {@code FF FF 00 ... 01}) starts at byte 0; but the one published value from a real host, in
 * pywin32 issue 664 (https://github.com/mhammond/pywin32/issues/664: a client at fe80::... gave
 * {@code 0, 0, 254, 128, 0, ...}), has the IPv6 address at byte 2 as well. The agent reads both
 * families from byte 2. Under the documented example's layout, the first two bytes of a client's
 * link-local or global address (fe80::/10, 2000::/3) are never zero; an IPv6 value whose first two
 * bytes are not zero is therefore not the layout read here, and its address stays absent.
 */
final class WtsClientValues {

  /** Address families as Windows numbers them (ws2def.h); AF_INET6 differs from Linux's 10. */
  static final int AF_UNSPEC = 0;

  static final int AF_INET = 2;
  static final int AF_INET6 = 23;

  /** Where the address starts in the 20 bytes. */
  private static final int OFFSET = 2;

  private static final int IPV4_LENGTH = 4;
  private static final int IPV6_LENGTH = 16;

  private WtsClientValues() {}

  /**
   * The client's address as text: dotted IPv4, IPv6 in its short form (an IPv4-mapped one as IPv4);
   * empty for AF_UNSPEC (no client, as for the console), for any other family (AF_IPX, AF_NETBIOS,
   * or garbage), for too few bytes and for an all-zero address.
   *
   * @param address the structure's {@code Address} member; null is taken as none
   */
  static Optional<String> address(int family, byte[] address) {
    int length =
        switch (family) {
          case AF_INET -> IPV4_LENGTH;
          case AF_INET6 -> IPV6_LENGTH;
          default -> 0;
        };
    if (length == 0 || address == null || address.length < OFFSET + length) {
      return Optional.empty();
    }
    if (family == AF_INET6 && (address[0] != 0 || address[1] != 0)) {
      return Optional.empty();
    }
    byte[] bytes = Arrays.copyOfRange(address, OFFSET, OFFSET + length);
    if (allZero(bytes)) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddressText.of(InetAddress.getByAddress(bytes)));
    } catch (UnknownHostException e) {
      throw new IllegalStateException("4 or 16 bytes are always an address", e);
    }
  }

  /**
   * The client computer's name; empty when blank, as Windows reports it for a session without a
   * remote client (the console).
   */
  static Optional<String> name(String clientName) {
    if (clientName == null || clientName.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(clientName.strip());
  }

  private static boolean allZero(byte[] bytes) {
    for (byte b : bytes) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }
}
