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
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The agent's audit log: one JSON line per action asked for, appended and forced to disk before the
 * answer leaves (and, for an action carried out, once before it is carried out), so a crash loses
 * nothing already answered. The file is owner-only.
 *
 * <p>The file is opened for each entry, not kept open: a log rotated away is created afresh, and a
 * log that became unwritable (permissions, a full disk, a read-only mount) fails the very next
 * entry, which makes the action it was for fail closed.
 */
public final class AuditLog implements Closeable {
  private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());
  private static final int READ_CHUNK = 16 * 1024;
  private static final FileAttribute<?> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  private final Path file;

  private AuditLog(Path file) {
    this.file = file;
  }

  /**
   * Checks that the log can be appended to, creating it (and its folder) if needed.
   *
   * @throws IOException naming the file when it cannot be opened for writing
   */
  public static AuditLog open(Path file) throws IOException {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      openForAppend(file).close();
      return new AuditLog(file);
    } catch (IOException e) {
      throw new IOException("cannot open audit log " + file + ": " + describe(e), e);
    }
  }

  public Path file() {
    return file;
  }

  /**
   * Appends one entry and forces it to disk. A line only partly written (the disk filled up) is cut
   * off again, so that the next entry starts on a line of its own.
   *
   * @throws IOException naming the file and why, when the entry is not safely on disk
   */
  public synchronized void append(AuditEntry entry) throws IOException {
    ByteBuffer line = ByteBuffer.wrap((toJson(entry) + "\n").getBytes(StandardCharsets.UTF_8));
    try (FileChannel channel = openForAppend(file)) {
      long start = channel.size();
      try {
        while (line.hasRemaining()) {
          channel.write(line);
        }
        channel.force(false);
      } catch (IOException e) {
        cutBack(channel, start);
        throw e;
      }
    } catch (IOException e) {
      throw new IOException("cannot write the audit log " + file + ": " + describe(e), e);
    }
  }

  private static FileChannel openForAppend(Path file) throws IOException {
    return FileChannel.open(
        file,
        Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND),
        OWNER_ONLY);
  }

  private void cutBack(FileChannel channel, long size) {
    try {
      channel.truncate(size);
    } catch (IOException e) {
      LOG.warning("could not cut a partly written line off " + file + ": " + describe(e));
    }
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

  /**
   * Nothing stays open between entries; kept (with its {@code throws}) so that owners close the log
   * as any resource, and a later log that does keep something open needs no change in them.
   */
  @Override
  public void close() throws IOException {}
}
