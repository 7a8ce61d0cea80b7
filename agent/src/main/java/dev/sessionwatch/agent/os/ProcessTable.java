package dev.sessionwatch.agent.os;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads processes from a proc file system: {@code /proc}, or a fixture tree in tests.
 *
 * <p>Processes come and go while the table is read; one that vanishes midway is simply left out.
 * Parsing is done by {@link ProcStat}, {@link ProcFormat} and {@link TcpSocket}; this class only
 * reads files.
 */
public final class ProcessTable {

  public static final Path DEFAULT_ROOT = Path.of("/proc");

  private final Path root;

  public ProcessTable(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  /**
   * Reads every process.
   *
   * @throws IOException when the root cannot be listed
   */
  public ProcessSnapshot snapshot() throws IOException {
    List<Long> pids = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
          pids.add(Long.parseLong(name));
        }
      }
    } catch (DirectoryIteratorException e) {
      throw e.getCause();
    }
    pids.sort(Comparator.naturalOrder());
    List<ProcessInfo> processes = new ArrayList<>();
    for (long pid : pids) {
      read(pid).ifPresent(processes::add);
    }
    return new ProcessSnapshot(processes);
  }

  /** One process read now, or empty when it is gone (or its files cannot be read). */
  public Optional<ProcessInfo> read(long pid) {
    Path dir = root.resolve(Long.toString(pid));
    try {
      Optional<ProcStat> stat = readStat(pid);
      if (stat.isEmpty()) {
        return Optional.empty();
      }
      long uid = ProcFormat.realUid(Files.readString(dir.resolve("status")));
      String cmdline = ProcFormat.cmdline(Files.readAllBytes(dir.resolve("cmdline")));
      Path sessionFile = dir.resolve("sessionid");
      Long auditSession =
          Files.isReadable(sessionFile)
              ? ProcFormat.auditSessionId(Files.readString(sessionFile))
              : null;
      return Optional.of(ProcessInfo.of(stat.get(), uid, cmdline, auditSession));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty(); // gone while being read (ESRCH shows as an IOException)
    }
  }

  /** Only the stat line of a process, read now: the cheap re-check before a signal. */
  public Optional<ProcStat> readStat(long pid) {
    try {
      return Optional.of(
          ProcStat.parse(Files.readString(root.resolve(Long.toString(pid)).resolve("stat"))));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * The environment the process was started with ({@code /proc/PID/environ}), or empty when it is
   * gone or not the reader's to read: another user's process needs root. A process may overwrite
   * this area of its own memory, so only a variable of a process the user cannot write to (a root
   * process, for one) is to be trusted.
   */
  public Optional<Map<String, String>> environment(long pid) {
    try {
      return Optional.of(
          ProcFormat.environment(
              Files.readAllBytes(root.resolve(Long.toString(pid)).resolve("environ"))));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** When the host booted, to turn start ticks into instants. */
  public BootTime bootTime() throws IOException {
    try {
      return BootTime.parse(Files.readString(root.resolve("stat")));
    } catch (IllegalArgumentException e) {
      throw new IOException(e.getMessage() + " at " + root.resolve("stat"), e);
    }
  }

  /**
   * The PID of the reader as this proc tree sees it ({@code self}): the agent's own PID only when
   * the tree is the agent's own PID namespace's; empty for a fixture tree, which has no {@code
   * self}.
   */
  public OptionalLong selfPid() {
    try {
      return OptionalLong.of(
          Long.parseLong(Files.readSymbolicLink(root.resolve("self")).toString()));
    } catch (IOException | NumberFormatException | UnsupportedOperationException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * The far end of the process's first established TCP connection, by descriptor number.
   *
   * <p>The process's {@code fd/N} links name socket inodes; {@code net/tcp} and {@code net/tcp6} of
   * the process (its network namespace) map inodes to addresses. Reading another user's descriptors
   * needs root; without it the answer is empty.
   */
  public Optional<InetSocketAddress> tcpPeer(long pid) {
    Path dir = root.resolve(Long.toString(pid));
    List<Long> inodes = socketInodes(dir.resolve("fd"));
    if (inodes.isEmpty()) {
      return Optional.empty();
    }
    List<TcpSocket> sockets = new ArrayList<>();
    for (String table : List.of("tcp", "tcp6")) {
      try {
        sockets.addAll(TcpSocket.parseTable(Files.readString(dir.resolve("net").resolve(table))));
      } catch (IOException | IllegalArgumentException e) {
        // No IPv6 (or no IPv4) in this kernel, or the process is gone: look in the other table.
      }
    }
    for (long inode : inodes) {
      for (TcpSocket socket : sockets) {
        if (socket.inode() == inode && socket.isEstablished()) {
          return Optional.of(socket.remote());
        }
      }
    }
    return Optional.empty();
  }

  private static List<Long> socketInodes(Path fdDir) {
    List<Path> links = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(fdDir)) {
      entries.forEach(links::add);
    } catch (IOException | DirectoryIteratorException e) {
      return List.of(); // gone, or not ours to read
    }
    links.sort(Comparator.comparingLong(ProcessTable::descriptorNumber));
    List<Long> inodes = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    for (Path link : links) {
      try {
        OptionalLong inode = ProcFormat.socketInode(Files.readSymbolicLink(link).toString());
        if (inode.isPresent() && seen.add(inode.getAsLong())) {
          inodes.add(inode.getAsLong());
        }
      } catch (IOException e) {
        // The descriptor was closed meanwhile.
      }
    }
    return inodes;
  }

  private static long descriptorNumber(Path link) {
    try {
      return Long.parseLong(link.getFileName().toString());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }
}
