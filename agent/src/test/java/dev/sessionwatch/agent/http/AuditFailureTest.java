package dev.sessionwatch.agent.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionwatch.agent.source.FixtureSource;
import dev.sessionwatch.agent.testing.AgentOverHttp;
import dev.sessionwatch.protocol.AuditEntry;
import dev.sessionwatch.protocol.Json;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An audit log that cannot be written makes actions fail closed (503, nothing done) while sessions
 * are still listed: a log replaced by a folder, an immutable log, a full disk.
 */
class AuditFailureTest {
  @TempDir Path dir;

  private final FixtureSource ftp = new FixtureSource("ftpd", SessionKind.FTP);
  private AgentOverHttp agent;
  private Path mounted;

  private void startAgent(Path auditLog) throws IOException {
    agent = AgentOverHttp.serving(List.of(ftp), auditLog);
    ftp.add("300-3", "bob", SessionAction.END);
  }

  @AfterEach
  void stopAgent() throws Exception {
    if (agent != null) {
      agent.close();
    }
    if (mounted != null) {
      run("umount", mounted.toString());
    }
  }

  private void assertActionFailsClosedWhileListingWorks() throws Exception {
    HttpResponse<String> action = agent.post("/v1/sessions/ftpd:300-3/end");

    assertThat(action.statusCode()).isEqualTo(503);
    JsonNode error = Json.mapper().readTree(action.body());
    assertThat(error.get("error").asText()).isEqualTo("audit_unavailable");
    assertThat(error.get("message").asText()).contains("no action is taken");
    assertThat(ftp.performed()).isEmpty();
    assertThat(agent.get("/v1/sessions").statusCode()).isEqualTo(200);
    assertThat(agent.get("/v1/sessions/ftpd:300-3").statusCode()).isEqualTo(200);
  }

  @Test
  void logReplacedByAFolderRefusesActionsButNotListing() throws Exception {
    Path log = dir.resolve("audit.log");
    startAgent(log);
    Files.delete(log);
    Files.createDirectory(log);

    assertActionFailsClosedWhileListingWorks();
    assertThat(agent.get("/v1/audit").statusCode()).isEqualTo(503);
  }

  @Test
  void immutableLogRefusesActionsButNotListing() throws Exception {
    Path log = dir.resolve("audit.log");
    startAgent(log);
    assumeTrue(run("chattr", "+i", log.toString()), "chattr +i failed: needs root and ext4/tmpfs");
    try {
      assertActionFailsClosedWhileListingWorks();
      assertThat(agent.get("/v1/audit").statusCode()).isEqualTo(200);
    } finally {
      run("chattr", "-i", log.toString());
    }
  }

  @Test
  void fullDiskRefusesActionsUntilThereIsRoomAgain() throws Exception {
    Path small = Files.createDirectory(dir.resolve("small"));
    assumeTrue(
        run("mount", "-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs", small.toString()),
        "mounting a small tmpfs failed: needs root (CAP_SYS_ADMIN)");
    mounted = small;
    Path log = small.resolve("audit.log");
    startAgent(log);
    Path filler = small.resolve("filler");
    fill(filler);

    assertActionFailsClosedWhileListingWorks();

    Files.delete(filler);
    assertThat(agent.post("/v1/sessions/ftpd:300-3/end").statusCode()).isEqualTo(200);
    assertThat(ftp.performed()).containsExactly("ftpd:300-3 end");
    // No line cut short by the full disk: every line is a whole entry.
    for (String line : Files.readAllLines(log)) {
      assertThat(Json.mapper().readValue(line, AuditEntry.class).sessionId())
          .isEqualTo("ftpd:300-3");
    }
  }

  /** Writes until the file system is full (a few dozen writes on a 64 KiB tmpfs). */
  private static void fill(Path filler) throws IOException {
    byte[] block = new byte[4096];
    try (OutputStream out = Files.newOutputStream(filler)) {
      for (int i = 0; i < 1024; i++) {
        out.write(block);
        out.flush();
      }
    } catch (IOException full) {
      return;
    }
    throw new AssertionError("the small file system never filled up");
  }

  /** Runs a program (no shell); true when it exited with status 0. */
  private static boolean run(String... command) throws Exception {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      return false;
    }
    process.getInputStream().transferTo(OutputStream.nullOutputStream());
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return false;
    }
    return process.exitValue() == 0;
  }
}
