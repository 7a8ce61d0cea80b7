package dev.sessionwatch.agent.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a fake proc file system (the files the agent reads) for tests. */
public final class ProcFixture {

  private final Path root;

  /** Creates the root with a {@code stat} that says the host booted at {@code bootEpochSecond}. */
  public ProcFixture(Path root, long bootEpochSecond) {
    this.root = root;
    write(
        root.resolve("stat"), "cpu  1 2 3 4\nintr 0\nbtime " + bootEpochSecond + "\nprocesses 9\n");
  }

  public Path root() {
    return root;
  }

  public Process process(long pid) {
    return new Process(pid);
  }

  /** A {@code /proc/PID/stat} line with the given fields and plausible values elsewhere. */
  public static String statLine(
      long pid, String comm, char state, long ppid, long pgid, long sid, long ttyNr, long start) {
    return pid
        + " ("
        + comm
        + ") "
        + state
        + " "
        + ppid
        + " "
        + pgid
        + " "
        + sid
        + " "
        + ttyNr
        + " -1 4194560 679 0 0 0 1 0 0 0 20 0 1 0 "
        + start
        + " 15826944 2237 18446744073709551615 94663735382016 94663736226701 0 0 0 0 4098 81925"
        + " 1 0 0 17 1 0 0 0 0 0 0 0 0 0 0 0 0 0\n";
  }

  /** One fake process; {@link #create()} writes its files. */
  public final class Process {
    private final long pid;
    private long ppid = 1;
    private Long sessionLeader;
    private long uid;
    private char state = 'S';
    private long startTicks = 1000;
    private String comm = "sleep";
    private String[] args = {"sleep", "600"};
    private byte[] rawCmdline;
    private long ttyNr;
    private String sessionid = "4294967295";
    private String[] environ;

    private Process(long pid) {
      this.pid = pid;
    }

    public Process ppid(long value) {
      ppid = value;
      return this;
    }

    /** Puts it in the session and process group led by {@code leader} (default: its own). */
    public Process session(long leader) {
      sessionLeader = leader;
      return this;
    }

    public Process uid(long value) {
      uid = value;
      return this;
    }

    public Process state(char value) {
      state = value;
      return this;
    }

    public Process startTicks(long value) {
      startTicks = value;
      return this;
    }

    public Process comm(String value) {
      comm = value;
      return this;
    }

    /** The arguments, written NUL-separated with a NUL after the last, as the kernel does. */
    public Process args(String... value) {
      args = value;
      return this;
    }

    /** A process title as sshd sets it: the title, then NULs over the rest of the old arguments. */
    public Process title(String value) {
      byte[] title = value.getBytes(StandardCharsets.UTF_8);
      rawCmdline = new byte[title.length + 21];
      System.arraycopy(title, 0, rawCmdline, 0, title.length);
      return this;
    }

    public Process ttyNr(long value) {
      ttyNr = value;
      return this;
    }

    /** The audit session id; null leaves {@code sessionid} out (a kernel without audit). */
    public Process auditSession(Long value) {
      sessionid = value == null ? null : Long.toString(value);
      return this;
    }

    /**
     * The {@code NAME=value} entries of {@code environ}; without this call there is no such file.
     */
    public Process environ(String... entries) {
      environ = entries;
      return this;
    }

    /** Links descriptor {@code fd} to {@code socket:[inode]}. */
    public Process socket(int fd, long inode) {
      Path link = dir().resolve("fd").resolve(Integer.toString(fd));
      try {
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, Path.of("socket:[" + inode + "]"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    /** Writes {@code net/tcp} or {@code net/tcp6} as the process sees it. */
    public Process netTable(String name, String content) {
      write(dir().resolve("net").resolve(name), content);
      return this;
    }

    public Process create() {
      long sid = sessionLeader == null ? pid : sessionLeader;
      write(dir().resolve("stat"), statLine(pid, comm, state, ppid, sid, sid, ttyNr, startTicks));
      write(
          dir().resolve("status"),
          "Name:\t"
              + comm
              + "\nUid:\t"
              + uid
              + "\t"
              + uid
              + "\t"
              + uid
              + "\t"
              + uid
              + "\nGid:\t0\t0\t0\t0\n");
      byte[] cmdline = rawCmdline;
      if (cmdline == null) {
        cmdline = nulTerminated(args);
      }
      write(dir().resolve("cmdline"), cmdline);
      if (sessionid != null) {
        write(dir().resolve("sessionid"), sessionid);
      }
      if (environ != null) {
        write(dir().resolve("environ"), nulTerminated(environ));
      }
      return this;
    }

    private Path dir() {
      return root.resolve(Long.toString(pid));
    }
  }

  private static byte[] nulTerminated(String[] entries) {
    return (String.join("\0", entries) + "\0").getBytes(StandardCharsets.UTF_8);
  }

  private static void write(Path file, String content) {
    write(file, content.getBytes(StandardCharsets.UTF_8));
  }

  private static void write(Path file, byte[] content) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
