package dev.sessionwatch.agent.os;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The process table read once: lookups by PID, parent and audit session, without I/O. */
public final class ProcessSnapshot {

  private final Map<Long, ProcessInfo> byPid = new LinkedHashMap<>();
  private final Map<Long, List<ProcessInfo>> byParent = new LinkedHashMap<>();

  public ProcessSnapshot(Collection<ProcessInfo> processes) {
    for (ProcessInfo process : processes) {
      byPid.put(process.pid(), process);
      byParent.computeIfAbsent(process.ppid(), ppid -> new ArrayList<>()).add(process);
    }
  }

  /** Every process, in the order they were read (ascending PID when read from /proc). */
  public Collection<ProcessInfo> all() {
    return byPid.values();
  }

  public Optional<ProcessInfo> find(long pid) {
    return Optional.ofNullable(byPid.get(pid));
  }

  public List<ProcessInfo> children(ProcessInfo parent) {
    // A child cannot have started before its parent: the snapshot is read one process at a time,
    // so a "child" that did belonged to an earlier process with the parent's PID.
    return byParent.getOrDefault(parent.pid(), List.of()).stream()
        .filter(child -> child.startTimeTicks() >= parent.startTimeTicks())
        .toList();
  }

  /** The process's children, their children and so on (not the process itself). */
  public List<ProcessInfo> descendants(ProcessInfo root) {
    List<ProcessInfo> found = new ArrayList<>();
    Deque<ProcessInfo> pending = new ArrayDeque<>(List.of(root));
    while (!pending.isEmpty()) {
      for (ProcessInfo child : children(pending.poll())) {
        if (child.pid() != root.pid() && !found.contains(child)) {
          found.add(child);
          pending.add(child);
        }
      }
    }
    return found;
  }

  /** The processes that belong to one audit session. */
  public List<ProcessInfo> inAuditSession(long auditSessionId) {
    return byPid.values().stream()
        .filter(process -> Long.valueOf(auditSessionId).equals(process.auditSessionId()))
        .toList();
  }
}
