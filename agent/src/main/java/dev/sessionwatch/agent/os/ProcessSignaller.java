package dev.sessionwatch.agent.os;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Ends processes safely: SIGTERM, a short grace, then SIGKILL for those still running.
 *
 * <p>Safety, in order, for every signal:
 *
 * <ol>
 *   <li>PID 1 and lower (init, and kill(2)'s process-group and broadcast meanings of 0 and -1) and
 *       the agent's own PID are never signalled: an ending that includes one is refused as a whole,
 *       before anything is signalled, so that it is not half done.
 *   <li>The process's stat is read fresh from the process table right before the signal; unless its
 *       PID <em>and</em> start ticks are still the ones asked for, it is left alone (its PID was
 *       reused, or it ended).
 *   <li>The signal goes through {@link ProcessHandle}: {@link ProcessHandle#of} records the
 *       process's start time, and {@code destroy()} / {@code destroyForcibly()} (SIGTERM / SIGKILL)
 *       re-read it and call kill(2) only if it is unchanged. Checked in the JDK 17 source: {@code
 *       ProcessHandleImpl.destroyProcess} calls the native {@code destroy0(pid, startTime, force)},
 *       which in {@code ProcessHandleImpl_unix.c} compares {@code isAlive0(pid)} (the start time
 *       read from {@code /proc/PID/stat} in {@code ProcessHandleImpl_linux.c}) with the handle's
 *       and otherwise returns false without signalling. The handle is taken before step 2, so a PID
 *       reused between the two is caught by one check or the other. What remains is the instant
 *       between the JDK's re-read and kill(2), which only a pidfd could close (Java 17 has none).
 * </ol>
 *
 * <p>The process table must be this host's real {@code /proc} as the agent sees it: PIDs are only
 * meaningful in the agent's own PID namespace, so a table whose {@code self} is not the agent (a
 * test fixture, another namespace's proc) is refused outright.
 *
 * <p>A zombie counts as ended: it has exited and only waits for its parent to reap it.
 */
public final class ProcessSignaller {

  public static final Duration DEFAULT_GRACE = Duration.ofSeconds(2);

  private static final Duration POLL_INTERVAL = Duration.ofMillis(20);

  /** How long SIGKILLed processes get to disappear; only a process stuck in the kernel needs it. */
  private static final Duration KILL_WAIT = Duration.ofSeconds(1);

  private enum Outcome {
    SENT,
    GONE,
    FAILED
  }

  private final ProcessTable table;
  private final Duration grace;
  private final long agentPid = ProcessHandle.current().pid();

  /**
   * @param grace how long processes get between SIGTERM and SIGKILL
   */
  public ProcessSignaller(ProcessTable table, Duration grace) {
    this.table = Objects.requireNonNull(table, "table");
    if (grace.isNegative()) {
      throw new IllegalArgumentException("grace must not be negative, was " + grace);
    }
    this.grace = grace;
  }

  /**
   * Ends the given processes: SIGTERM to each, waits up to the grace for them to end, SIGKILL to
   * the ones still running, and waits briefly again.
   *
   * @throws ProtectedProcessException when a target is PID 1 or lower or the agent itself; then
   *     nothing is signalled
   * @throws IllegalStateException when the process table is not this host's view (see the class
   *     comment)
   */
  public Termination end(Collection<ProcessIdentity> targets) throws ProtectedProcessException {
    requireOwnView();
    for (ProcessIdentity target : targets) {
      requireUnprotected(target.pid());
    }
    int vanished = 0;
    List<ProcessIdentity> signalled = new ArrayList<>();
    List<ProcessIdentity> unsignalled = new ArrayList<>();
    for (ProcessIdentity target : new LinkedHashSet<>(targets)) {
      switch (signal(target, false)) {
        case SENT -> signalled.add(target);
        case GONE -> vanished++;
        case FAILED -> unsignalled.add(target);
      }
    }
    awaitEnd(signalled, grace);
    int forced = 0;
    List<ProcessIdentity> survivors = signalled.stream().filter(this::isRunning).toList();
    for (ProcessIdentity survivor : survivors) {
      if (signal(survivor, true) == Outcome.SENT) {
        forced++;
      }
    }
    awaitEnd(survivors, KILL_WAIT);
    int ended = (int) signalled.stream().filter(target -> !isRunning(target)).count();
    int running =
        (int) (signalled.size() - ended + unsignalled.stream().filter(this::isRunning).count());
    return new Termination(signalled.size(), forced, ended, running, vanished);
  }

  private void requireUnprotected(long pid) throws ProtectedProcessException {
    if (pid == agentPid) {
      throw new ProtectedProcessException(
          "refusing to end the agent's own process (PID " + pid + ")");
    }
    if (pid == 1) {
      throw new ProtectedProcessException("refusing to signal PID 1 (init)");
    }
    if (pid < 1) {
      throw new ProtectedProcessException(
          "refusing to signal PID " + pid + " (kill(2) would signal a whole group)");
    }
  }

  private void requireOwnView() {
    if (table.selfPid().orElse(-1) != agentPid) {
      throw new IllegalStateException(
          "the process table at "
              + table.root()
              + " is not this host's /proc as the agent sees it; refusing to signal by PID");
    }
  }

  private Outcome signal(ProcessIdentity target, boolean force) {
    Optional<ProcessHandle> handle = ProcessHandle.of(target.pid());
    if (handle.isEmpty() || !isRunning(target)) {
      return Outcome.GONE;
    }
    boolean sent = force ? handle.get().destroyForcibly() : handle.get().destroy();
    if (sent) {
      return Outcome.SENT;
    }
    // The JDK refused (the start time changed) or kill(2) failed (EPERM): tell them apart.
    return isRunning(target) ? Outcome.FAILED : Outcome.GONE;
  }

  /** Whether the process is still the one asked for, and has not exited. */
  private boolean isRunning(ProcessIdentity target) {
    return table
        .readStat(target.pid())
        .filter(stat -> stat.startTimeTicks() == target.startTimeTicks() && !stat.isZombie())
        .isPresent();
  }

  /** Polls until none of the processes runs, the wait is over, or the thread is interrupted. */
  private void awaitEnd(List<ProcessIdentity> processes, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    long polls = wait.toMillis() / POLL_INTERVAL.toMillis() + 1;
    for (long i = 0; i < polls && System.nanoTime() < deadline; i++) {
      if (processes.stream().noneMatch(this::isRunning)) {
        return;
      }
      try {
        Thread.sleep(POLL_INTERVAL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // shutting down: stop waiting, keep the flag
        return;
      }
    }
  }
}
