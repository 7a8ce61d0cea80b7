package dev.sessionwatch.agent.windows;

import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads the values out of a buffer {@code WTSQuerySessionInformationW} returned, never past the
 * length it reported. Only memory is read here, no function called, so tests run it on Linux over
 * recorded bytes.
 *
 * <p>A WTS_CLIENT_ADDRESS is read member by member at its fixed offsets (a DWORD at 0, 20 bytes at
 * 4, no padding), not through jna-platform's {@code Wtsapi32.WTS_CLIENT_ADDRESS}: JNA takes a
 * nested structure's alignment from its enclosing library interface, so building that structure
 * loads wtsapi32.dll, and it could never be read anywhere but on Windows.
 */
final class WtsBuffer {

  /** A client name is at most CLIENTNAME_LENGTH (20) characters; more is not a name. */
  private static final int NAME_CAP_BYTES = 1024;

  /** sizeof(WTS_CLIENT_ADDRESS): the AddressFamily DWORD, then the 20 bytes of Address. */
  private static final int CLIENT_ADDRESS_SIZE = 24;

  private static final int ADDRESS_OFFSET = 4;

  private WtsBuffer() {}

  /** The client's name from a {@code WTSClientName} buffer: UTF-16LE, ending at its NUL. */
  static Optional<String> clientName(Pointer buffer, int length) {
    int bytes = Math.min(Math.max(length, 0), NAME_CAP_BYTES) & ~1;
    String text = new String(buffer.getByteArray(0, bytes), StandardCharsets.UTF_16LE);
    int end = text.indexOf('\0');
    return WtsClientValues.name(end < 0 ? text : text.substring(0, end));
  }

  /** The client's address from a {@code WTSClientAddress} buffer (family in native order). */
  static Optional<String> clientAddress(Pointer buffer, int length) {
    if (length < CLIENT_ADDRESS_SIZE) {
      return Optional.empty();
    }
    return WtsClientValues.address(
        buffer.getInt(0),
        buffer.getByteArray(ADDRESS_OFFSET, CLIENT_ADDRESS_SIZE - ADDRESS_OFFSET));
  }
}
