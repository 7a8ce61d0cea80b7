package dev.sessionwatch.agent.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionwatch.protocol.AuditEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
  @TempDir Path dir;

  private static AuditEntry entry(int n) {
    return new AuditEntry(
        Instant.parse("2026-11-23T10:00:00Z").plusSeconds(n),
        "ops",
        "127.0.0.1",
        "utmp:" + n + "-1",
        "logout",
        "user" + n,
        "utmp",
        AuditEntry.Outcome.DONE,
        200,
        "ended " + "x".repeat(200));
  }

  @Test
  void latestIsNewestFirstAcrossManyChunks() throws IOException {
    try (AuditLog log = AuditLog.open(dir.resolve("audit.log"))) {
      for (int i = 0; i < 500; i++) {
        log.append(entry(i));
      }

      assertThat(log.latest(3))
          .extracting(AuditEntry::sessionId)
          .containsExactly("utmp:499-1", "utmp:498-1", "utmp:497-1");
      assertThat(log.latest(1000))
          .hasSize(500)
          .last()
          .extracting(AuditEntry::sessionId)
          .isEqualTo("utmp:0-1");
    }
  }

  @Test
  void reopenedLogKeepsEarlierEntries() throws IOException {
    Path file = dir.resolve("audit.log");
    try (AuditLog log = AuditLog.open(file)) {
      log.append(entry(1));
    }
    try (AuditLog log = AuditLog.open(file)) {
      log.append(entry(2));

      assertThat(log.latest(10)).hasSize(2);
    }
  }

  @Test
  void unreadableLineIsSkipped() throws IOException {
    Path file = dir.resolve("audit.log");
    try (AuditLog log = AuditLog.open(file)) {
      log.append(entry(1));
      Files.writeString(file, "{cut by a cra\n", StandardOpenOption.APPEND);
      log.append(entry(2));

      assertThat(log.latest(10)).extracting(AuditEntry::user).containsExactly("user2", "user1");
    }
  }

  @Test
  void newLogIsOwnerOnly() throws IOException {
    Path file = dir.resolve("sub/audit.log");
    try (AuditLog log = AuditLog.open(file)) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void unopenableLogIsReportedByName() throws IOException {
    Path blocker = dir.resolve("file");
    Files.writeString(blocker, "");

    assertThatThrownBy(() -> AuditLog.open(blocker.resolve("audit.log")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("cannot open audit log");
  }

  @Test
  void logRotatedAwayIsCreatedAfreshOwnerOnly() throws IOException {
    Path file = dir.resolve("audit.log");
    AuditLog log = AuditLog.open(file);
    log.append(entry(1));
    Files.move(file, dir.resolve("audit.log.1"));

    log.append(entry(2));

    assertThat(log.latest(10)).extracting(AuditEntry::sessionId).containsExactly("utmp:2-1");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void entryThatCannotBeWrittenFailsNamingTheLog() throws IOException {
    Path file = dir.resolve("audit.log");
    AuditLog log = AuditLog.open(file);
    Files.delete(file);
    Files.createDirectory(file);

    assertThatThrownBy(() -> log.append(entry(1)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("cannot write the audit log " + file);
  }
}
