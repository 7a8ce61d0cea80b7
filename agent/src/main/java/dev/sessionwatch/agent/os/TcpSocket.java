package dev.sessionwatch.agent.os;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of {@code /proc/PID/net/tcp} or {@code tcp6}: a TCP socket of the process's network
 * namespace.
 *
 * @param state the kernel's TCP state number ({@link #ESTABLISHED} is 1)
 * @param inode the socket's inode, as in the {@code socket:[INODE]} links of {@code /proc/PID/fd}
 */
public record TcpSocket(InetSocketAddress local, InetSocketAddress remote, int state, long inode) {

  public static final int ESTABLISHED = 1;

  private static final int LOCAL = 1;
  private static final int REMOTE = 2;
  private static final int STATE = 3;
  private static final int INODE = 9;

  public boolean isEstablished() {
    return state == ESTABLISHED;
  }

  /**
   * Parses a whole {@code tcp} or {@code tcp6} table; the heading line is skipped.
   *
   * @throws IllegalArgumentException on a row that is not in the kernel's format
   */
  public static List<TcpSocket> parseTable(String table) {
    List<TcpSocket> sockets = new ArrayList<>();
    String[] lines = table.split("\n");
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].trim();
      if (!line.isEmpty()) {
        sockets.add(parseRow(line));
      }
    }
    return sockets;
  }

  static TcpSocket parseRow(String row) {
    String[] fields = row.split("\\s+");
    if (fields.length <= INODE) {
      throw new IllegalArgumentException("too few fields in a TCP table row: " + row);
    }
    try {
      return new TcpSocket(
          endpoint(fields[LOCAL]),
          endpoint(fields[REMOTE]),
          Integer.parseInt(fields[STATE], 16),
          Long.parseLong(fields[INODE]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("malformed TCP table row: " + row, e);
    }
  }

  /** {@code ADDRESS:PORT}, the port in plain hex, the address as {@link #address} reads it. */
  static InetSocketAddress endpoint(String field) {
    int colon = field.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("not an ADDRESS:PORT field: " + field);
    }
    return new InetSocketAddress(
        address(field.substring(0, colon)), Integer.parseInt(field.substring(colon + 1), 16));
  }

  /**
   * Decodes a hex address of the TCP tables: 8 digits for IPv4, 32 for IPv6.
   *
   * <p>The kernel prints the address as 32-bit words, each with {@code %08X} of the word as the CPU
   * reads it, so on little-endian machines (x86_64, aarch64: the ones the agent runs on) the bytes
   * of every word appear reversed: 127.0.0.1 is {@code 0100007F}, ::1 is {@code
   * 00000000000000000000000001000000}. An IPv4-mapped IPv6 address (::ffff:127.0.0.1, {@code
   * 0000000000000000FFFF00000100007F}) comes back as the IPv4 address, as Java's {@link
   * InetAddress#getByAddress(byte[])} does for such addresses.
   */
  public static InetAddress address(String hex) {
    if (hex.length() != 8 && hex.length() != 32) {
      throw new IllegalArgumentException("not a hex IPv4 or IPv6 address: " + hex);
    }
    byte[] bytes = new byte[hex.length() / 2];
    for (int word = 0; word < bytes.length / 4; word++) {
      for (int i = 0; i < 4; i++) {
        int digit = (word * 4 + 3 - i) * 2;
        bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(digit, digit + 2), 16);
      }
    }
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an address: " + hex, e); // unreachable: 4 or 16
    }
  }
}
