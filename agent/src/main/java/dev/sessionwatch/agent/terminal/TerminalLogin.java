package dev.sessionwatch.agent.terminal;

import dev.sessionwatch.agent.os.ProcessIdentity;
import dev.sessionwatch.agent.os.ProcessInfo;
import dev.sessionwatch.agent.os.ProcessSnapshot;
import dev.sessionwatch.protocol.Session;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A login as listed, with the processes behind it.
 *
 * @param leader the login's own process: utmp's ut_pid, or the sshd monitor of a notty login
 * @param connection the {@code sshd: USER@LINE} process serving its connection, if any
 * @param auditSessionId the audit session this login opened, or null when it opened none (see
 *     {@link TerminalLogins})
 */
record TerminalLogin(
    Session session, ProcessInfo leader, ProcessInfo connection, Long auditSessionId) {

  Optional<ProcessInfo> connectionProcess() {
    return Optional.ofNullable(connection);
  }

  /**
   * The processes a logout ends, as found in the given (fresh) process table: the leader and
   * everything below it by parent PID, plus every process of the login's audit session. The audit
   * session also catches what was detached from the tree ({@code setsid nohup cmd &} becomes a
   * child of init once its shell exits); the tree catches what left the audit session (a nested
   * login through {@code su -l} with pam_loginuid, say). Zombies have already ended.
   */
  List<ProcessIdentity> logoutTargets(ProcessSnapshot snapshot) {
    Set<ProcessInfo> targets = new LinkedHashSet<>();
    targets.add(leader);
    targets.addAll(snapshot.descendants(leader));
    if (auditSessionId != null) {
      targets.addAll(snapshot.inAuditSession(auditSessionId));
    }
    return targets.stream()
        .filter(process -> !process.isZombie())
        .map(ProcessInfo::identity)
        .toList();
  }
}
