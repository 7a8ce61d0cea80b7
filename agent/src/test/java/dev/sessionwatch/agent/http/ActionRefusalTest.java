package dev.sessionwatch.agent.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.sessionwatch.agent.os.ProcessTable;
import dev.sessionwatch.agent.source.ActionException;
import dev.sessionwatch.agent.source.FixtureSource;
import dev.sessionwatch.agent.terminal.UtmpSettings;
import dev.sessionwatch.agent.testing.AgentOverHttp;
import dev.sessionwatch.protocol.AuditEntry;
import dev.sessionwatch.protocol.AuditTrail;
import dev.sessionwatch.protocol.Json;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Actions the agent refuses whatever the token: on processes it did not list, on protected ones.
 */
class ActionRefusalTest {
  @TempDir Path dir;

  @Test
  void processNotBehindAListedSessionIsNeverSignalled() throws Exception {
    Path utmp = Files.createFile(dir.resolve("utmp"));
    UtmpSettings settings =
        new UtmpSettings(utmp, ProcessTable.DEFAULT_ROOT, Path.of("/dev"), Duration.ZERO);
    Process sleep = new ProcessBuilder("sleep", "30").start();
    try (AgentOverHttp agent =
        AgentOverHttp.serving(List.of(settings.newSource()), dir.resolve("audit.log"))) {
      long ticks =
          new ProcessTable(ProcessTable.DEFAULT_ROOT)
              .read(sleep.pid())
              .orElseThrow()
              .identity()
              .startTimeTicks();
      long initTicks =
          new ProcessTable(ProcessTable.DEFAULT_ROOT)
              .read(1)
              .orElseThrow()
              .identity()
              .startTimeTicks();

      for (String id :
          List.of("utmp:" + sleep.pid() + "-" + ticks, "utmp:1-" + initTicks, "utmp:../../1-0")) {
        HttpResponse<String> response =
            agent.post("/v1/sessions/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/logout");
        assertThat(response.statusCode()).as(id).isEqualTo(404);
      }
      assertThat(sleep.waitFor(300, TimeUnit.MILLISECONDS)).isFalse();
    } finally {
      sleep.destroyForcibly();
      sleep.waitFor(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void endingAProtectedProcessIsForbiddenAndAuditedAsRefused() throws Exception {
    FixtureSource ftp = new FixtureSource("ftpd", SessionKind.FTP);
    ftp.add("300-3", "bob", SessionAction.END);
    ftp.failActionsWith(
        ActionException.Reason.PROTECTED, "refusing to end the agent's own process (PID 42)");
    try (AgentOverHttp agent = AgentOverHttp.serving(List.of(ftp), dir.resolve("audit.log"))) {
      HttpResponse<String> response = agent.post("/v1/sessions/ftpd:300-3/end");

      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(Json.mapper().readTree(response.body()).get("error").asText())
          .isEqualTo("protected_process");
      AuditTrail trail = Json.mapper().readValue(agent.get("/v1/audit").body(), AuditTrail.class);
      assertThat(trail.entries())
          .extracting(AuditEntry::outcome, AuditEntry::status)
          .containsExactly(
              tuple(AuditEntry.Outcome.REFUSED, 403), tuple(AuditEntry.Outcome.REQUESTED, 0));
    }
  }
}
