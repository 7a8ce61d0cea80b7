package dev.sessionwatch.agent.terminal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses a utmp file as glibc writes it on x86_64 (and aarch64): fixed records of 384 bytes,
 * little-endian.
 *
 * <pre>
 *   0 ut_type   short        44 ut_user  char[32]    340 tv_sec  int32
 *   4 ut_pid    int32        76 ut_host  char[256]   344 tv_usec int32
 *   8 ut_line   char[32]    332 e_termination, e_exit short  348 ut_addr_v6 int32[4]
 *  40 ut_id     char[4]     336 ut_session int32     364 reserved char[20]
 * </pre>
 *
 * <p>Strings are NUL-padded but <em>not</em> NUL-terminated when they fill their field. The time
 * fields are 32 bits even on 64-bit glibc (for compatibility with 32-bit programs); tv_sec is read
 * unsigned so it lasts until 2106. ut_addr_v6 holds the address bytes in network order: an IPv4
 * address fills only the first word. A truncated record at the end (a writer caught mid-write) is
 * ignored.
 */
public final class UtmpParser {

  public static final int RECORD_SIZE = 384;

  private static final int TYPE = 0;
  private static final int PID = 4;
  private static final int LINE = 8;
  private static final int LINE_SIZE = 32;
  private static final int ID = 40;
  private static final int ID_SIZE = 4;
  private static final int USER = 44;
  private static final int USER_SIZE = 32;
  private static final int HOST = 76;
  private static final int HOST_SIZE = 256;
  private static final int EXIT_TERMINATION = 332;
  private static final int EXIT_STATUS = 334;
  private static final int SESSION = 336;
  private static final int TV_SEC = 340;
  private static final int TV_USEC = 344;
  private static final int ADDR_V6 = 348;
  private static final int ADDR_V6_SIZE = 16;

  private UtmpParser() {}

  /** Every whole record of the file's content, in file order. */
  public static List<UtmpRecord> parse(byte[] content) {
    ByteBuffer buffer = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
    List<UtmpRecord> records = new ArrayList<>();
    for (int start = 0; start + RECORD_SIZE <= content.length; start += RECORD_SIZE) {
      records.add(record(buffer, start));
    }
    return records;
  }

  private static UtmpRecord record(ByteBuffer buffer, int start) {
    return new UtmpRecord(
        buffer.getShort(start + TYPE),
        Integer.toUnsignedLong(buffer.getInt(start + PID)),
        text(buffer, start + LINE, LINE_SIZE),
        text(buffer, start + ID, ID_SIZE),
        text(buffer, start + USER, USER_SIZE),
        text(buffer, start + HOST, HOST_SIZE),
        buffer.getShort(start + EXIT_TERMINATION),
        buffer.getShort(start + EXIT_STATUS),
        buffer.getInt(start + SESSION),
        Instant.ofEpochSecond(
            Integer.toUnsignedLong(buffer.getInt(start + TV_SEC)),
            Integer.toUnsignedLong(buffer.getInt(start + TV_USEC)) * 1000),
        address(buffer, start + ADDR_V6));
  }

  private static String text(ByteBuffer buffer, int offset, int size) {
    int length = 0;
    while (length < size && buffer.get(offset + length) != 0) {
      length++;
    }
    return new String(buffer.array(), offset, length, StandardCharsets.UTF_8);
  }

  private static InetAddress address(ByteBuffer buffer, int offset) {
    byte[] bytes = Arrays.copyOfRange(buffer.array(), offset, offset + ADDR_V6_SIZE);
    boolean onlyFirstWord = true;
    boolean allZero = true;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] != 0) {
        allZero = false;
        onlyFirstWord &= i < 4;
      }
    }
    if (allZero) {
      return null;
    }
    try {
      return InetAddress.getByAddress(onlyFirstWord ? Arrays.copyOf(bytes, 4) : bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("4 or 16 bytes are always an address", e);
    }
  }
}
