package dev.sessionwatch.agent.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds glibc x86_64 utmp records (384 bytes, little-endian) byte by byte, for tests. */
public final class UtmpEntryBytes {

  public static final int SIZE = 384;

  private int type = 7;
  private int pid;
  private String line = "";
  private String id = "";
  private String user = "";
  private String host = "";
  private int session;
  private int tvSec;
  private int tvUsec;
  private byte[] address = new byte[16];

  public UtmpEntryBytes type(int value) {
    type = value;
    return this;
  }

  public UtmpEntryBytes pid(int value) {
    pid = value;
    return this;
  }

  public UtmpEntryBytes line(String value) {
    line = value;
    return this;
  }

  public UtmpEntryBytes id(String value) {
    id = value;
    return this;
  }

  public UtmpEntryBytes user(String value) {
    user = value;
    return this;
  }

  public UtmpEntryBytes host(String value) {
    host = value;
    return this;
  }

  public UtmpEntryBytes session(int value) {
    session = value;
    return this;
  }

  public UtmpEntryBytes time(int seconds, int micros) {
    tvSec = seconds;
    tvUsec = micros;
    return this;
  }

  /** ut_addr_v6 as raw bytes in network order: 4 for IPv4 (the first word), 16 for IPv6. */
  public UtmpEntryBytes address(byte... value) {
    address = new byte[16];
    System.arraycopy(value, 0, address, 0, value.length);
    return this;
  }

  public byte[] toBytes() {
    ByteBuffer buffer = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
    buffer.putShort(0, (short) type);
    buffer.putInt(4, pid);
    put(buffer, 8, 32, line);
    put(buffer, 40, 4, id);
    put(buffer, 44, 32, user);
    put(buffer, 76, 256, host);
    buffer.putInt(336, session);
    buffer.putInt(340, tvSec);
    buffer.putInt(344, tvUsec);
    buffer.put(348, address);
    return buffer.array();
  }

  /** A whole file of the given records. */
  public static byte[] file(UtmpEntryBytes... entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (UtmpEntryBytes entry : entries) {
      out.writeBytes(entry.toBytes());
    }
    return out.toByteArray();
  }

  private static void put(ByteBuffer buffer, int offset, int size, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > size) {
      throw new IllegalArgumentException("'" + text + "' does not fit in " + size + " bytes");
    }
    buffer.put(offset, bytes); // the rest stays NUL; a full field gets no terminating NUL
  }
}
