package dev.sessionwatch.agent.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.source.ActionResult;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Webmin adapter docs/agent.md shows, taken from the document as it stands, run by an exec
 * source against a Webmin session database (SDBM, as miniserv keeps it) made for the test.
 */
class WebminExampleTest {

  private static final Path AGENT_DOC = Path.of("../docs/agent.md");
  private static final Path PERL = Path.of("/usr/bin/perl");

  @TempDir Path dir;

  private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private ExecSource source;

  @BeforeEach
  void installTheExample() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(PERL), "needs perl at " + PERL);
    Assumptions.assumeTrue(Files.isReadable(AGENT_DOC), "needs docs/agent.md at " + AGENT_DOC);
    Matcher script =
        Pattern.compile("```perl\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(AGENT_DOC));
    assertThat(script.find()).as("a perl block in docs/agent.md").isTrue();
    Path adapter = dir.resolve("webmin-sessions");
    Files.writeString(adapter, script.group(1));
    Files.setPosixFilePermissions(adapter, PosixFilePermissions.fromString("rwx------"));

    Path database = dir.resolve("sessiondb");
    Files.writeString(
        dir.resolve("miniserv.conf"), "port=10000\nsessiondb=" + database + "\nlogouttime=60\n");
    long t = now.getEpochSecond();
    perl(
        "use Fcntl; use SDBM_File;"
            + " tie(my %db, 'SDBM_File', $ARGV[0], O_RDWR|O_CREAT, 0600) or die;"
            + " $db{'7f3a9c1e2b4d6a8f'} = 'root "
            + (t - 30)
            + " 198.51.100.4';"
            + " $db{'0a1b2c3d4e5f'} = '!alice "
            + (t - 30)
            + " 198.51.100.9';"
            + " $db{'99aa88bb'} = 'bob "
            + (t - 7200)
            + " 198.51.100.7';",
        database.toString());

    // env(1) sets the adapter's configuration file without a shell.
    List<String> env = List.of("/usr/bin/env", "MINISERV_CONFIG=" + dir.resolve("miniserv.conf"));
    source =
        new ExecSource(
            new ExecSettings(
                "webmin",
                SessionKind.PANEL,
                concat(env, adapter.toString(), "list"),
                concat(env, adapter.toString(), "end"),
                Duration.ofSeconds(20),
                1024 * 1024));
  }

  private static List<String> concat(List<String> head, String... tail) {
    return Stream.concat(head.stream(), List.of(tail).stream()).toList();
  }

  private static void perl(String code, String argument) throws IOException, InterruptedException {
    Process perl = new ProcessBuilder(PERL.toString(), "-e", code, argument).inheritIO().start();
    assertThat(perl.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(perl.exitValue()).isZero();
  }

  @Test
  void listsTheLoggedInWebminSessions() throws Exception {
    List<Session> sessions = source.list();

    assertThat(sessions)
        .singleElement()
        .satisfies(
            session -> {
              assertThat(session.id()).matches("webmin:[0-9a-f]{16}");
              assertThat(session.user()).isEqualTo("root");
              assertThat(session.clientAddress()).isEqualTo("198.51.100.4");
              assertThat(session.idleSince()).isEqualTo(now.minusSeconds(30));
              assertThat(session.actions()).containsExactly(SessionAction.END);
            });
  }

  @Test
  void endsAWebminSession() throws Exception {
    ActionResult result = source.perform(source.list().get(0), SessionAction.END);

    assertThat(result.sessionEnded()).isTrue();
    assertThat(source.list()).isEmpty();
  }
}
