package dev.sessionwatch.agent.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sessionwatch.protocol.AuditEntry;
import dev.sessionwatch.protocol.Json;
import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;

/**
 * The agent's audit log: one JSON line per action asked for, appended and forced to disk before the
 * answer leaves, so a crash loses nothing already answered. The file is owner-only.
 */
public final class AuditLog implements Closeable {
  private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());
  private static final int READ_CHUNK = 16 * 1024;

  private final Path file;
  private final FileChannel channel;

  private AuditLog(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /**
   * Opens the log for appending, creating it (and its folder) if needed.
   *
   * @throws IOException naming the file when it cannot be opened for writing
   */
  public static AuditLog open(Path file) throws IOException {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      if (!Files.exists(file)) {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      FileChannel channel =
          FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      return new AuditLog(file, channel);
    } catch (IOException e) {
      throw new IOException("cannot open audit log " + file + ": " + describe(e), e);
    }
  }

  public Path file() {
    return file;
  }

  /** Appends one entry and forces it to disk. */
  public synchronized void append(AuditEntry entry) throws IOException {
    byte[] line = (toJson(entry) + "\n").getBytes(StandardCharsets.UTF_8);
    ByteBuffer buffer = ByteBuffer.wrap(line);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    channel.force(false);
  }

  /**
   * The latest entries, newest first, read from the end of the file. Lines that are not valid
   * entries (a line cut by a crash, a hand edit) are skipped and logged.
   */
  public synchronized List<AuditEntry> latest(int limit) throws IOException {
    List<AuditEntry> entries = new ArrayList<>();
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long end = in.length();
      byte[] carry = new byte[0];
      while (end > 0 && entries.size() < limit) {
        int size = (int) Math.min(READ_CHUNK, end);
        byte[] chunk = new byte[size + carry.length];
        in.seek(end - size);
        in.readFully(chunk, 0, size);
        System.arraycopy(carry, 0, chunk, size, carry.length);
        end -= size;
        int lineEnd = chunk.length;
        for (int i = chunk.length - 1; i >= 0 && entries.size() < limit; i--) {
          if (chunk[i] == '\n') {
            parse(chunk, i + 1, lineEnd, entries);
            lineEnd = i;
          }
        }
        carry = Arrays.copyOfRange(chunk, 0, lineEnd);
        if (end == 0 && entries.size() < limit) {
          parse(carry, 0, carry.length, entries);
        }
      }
    }
    return entries;
  }

  private void parse(byte[] bytes, int from, int to, List<AuditEntry> into) {
    if (to <= from) {
      return;
    }
    String line = new String(bytes, from, to - from, StandardCharsets.UTF_8);
    try {
      into.add(Json.mapper().readValue(line, AuditEntry.class));
    } catch (JsonProcessingException e) {
      LOG.warning("skipping an unreadable line in " + file + ": " + e.getOriginalMessage());
    }
  }

  private static String toJson(AuditEntry entry) {
    try {
      return Json.mapper().writeValueAsString(entry);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an audit entry is always serialisable", e);
    }
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  @Override
  public synchronized void close() throws IOException {
    channel.close();
  }
}
