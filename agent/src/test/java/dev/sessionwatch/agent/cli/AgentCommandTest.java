package dev.sessionwatch.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.auth.Token;
import dev.sessionwatch.agent.auth.TokenStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The agent's command line, run in-process as a user would type it. */
class AgentCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine = AgentCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  private Path config(String yaml) throws Exception {
    Path file = dir.resolve("agent.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void tokenCreatePrintsTheSecretOnceAndStoresOnlyItsHash() throws Exception {
    Path tokens = dir.resolve("tokens.json");
    Path config = config("tokensFile: " + tokens + "\n");

    int status =
        run("token", "create", "--name", "laptop", "--role", "operator", "-c", config.toString());

    String secret = out.toString().strip();
    assertThat(status).isZero();
    assertThat(secret).startsWith("swa_");
    assertThat(Files.readString(tokens)).doesNotContain(secret).contains("laptop");
    assertThat(TokenStore.open(tokens).authenticate(secret)).isPresent();
    assertThat(err.toString()).contains("not shown again");
  }

  @Test
  void tokenListShowsLimitsButNeitherSecretNorHash() throws Exception {
    Path tokens = dir.resolve("tokens.json");
    String config = config("tokensFile: " + tokens + "\n").toString();
    run("token", "create", "--name", "desk", "--role", "operator", "-c", config);
    run(
        "token",
        "create",
        "--name",
        "ftp-only",
        "--role",
        "operator",
        "--kinds",
        "ftp,panel",
        "--actions",
        "end",
        "-c",
        config);
    String secrets = out.toString();
    out.getBuffer().setLength(0);

    int status = run("token", "list", "-c", config);

    String listed = out.toString();
    assertThat(status).isZero();
    assertThat(listed).contains("desk", "ftp-only", "kinds panel,ftp; actions end", "operator");
    for (Token token : TokenStore.open(tokens).tokens()) {
      assertThat(listed).contains(token.id()).doesNotContain(token.sha256());
    }
    secrets.lines().forEach(secret -> assertThat(listed).doesNotContain(secret));
  }

  @Test
  void tokenRevokeRemovesTheToken() throws Exception {
    Path tokens = dir.resolve("tokens.json");
    String config = config("tokensFile: " + tokens + "\n").toString();
    run("token", "create", "--name", "laptop", "--role", "viewer", "-c", config);
    String secret = out.toString().strip();
    String id = TokenStore.open(tokens).tokens().get(0).id();

    int status = run("token", "revoke", id, "-c", config);

    assertThat(status).isZero();
    assertThat(out.toString()).contains("Revoked token " + id);
    assertThat(TokenStore.open(tokens).authenticate(secret)).isEmpty();
  }

  @Test
  void unknownKindLimitIsAUsageError() throws Exception {
    int status =
        run(
            "token",
            "create",
            "--name",
            "x",
            "--role",
            "viewer",
            "--kinds",
            "ftp,smtp",
            "-c",
            config("tokensFile: " + dir.resolve("t.json") + "\n").toString());

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("smtp");
  }

  @Test
  void everySubcommandShowsItsHelp() {
    for (String subcommand : new String[] {"serve", "sessions", "fingerprint"}) {
      out.getBuffer().setLength(0);

      assertThat(run(subcommand, "--help")).as(subcommand).isZero();
      assertThat(out.toString())
          .as(subcommand)
          .startsWith("Usage: sessionwatch-agent " + subcommand);
    }
  }

  @Test
  void unknownRoleIsAUsageError() throws Exception {
    int status = run("token", "create", "--name", "x", "--role", "admin");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("unknown role 'admin'");
  }

  @Test
  void unknownSettingStopsWithItsNameAndStatusTwo() throws Exception {
    Path config = config("listen: 127.0.0.1:7878\nlisten_port: 80\n");

    int status = run("sessions", "-c", config.toString());

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("'listen_port'").contains(config.toString());
  }

  @Test
  void serveRefusesAnAddressBeyondLoopback() throws Exception {
    Path config =
        config(
            "listen: 0.0.0.0:0\ntokensFile: "
                + dir.resolve("t.json")
                + "\nauditLog: "
                + dir.resolve("a.log")
                + "\n");

    int status = run("serve", "-c", config.toString());

    assertThat(status).isEqualTo(2);
    assertThat(err.toString())
        .contains("not a loopback address")
        .contains("tls: {enabled: true}")
        .contains("token create");
  }

  @Test
  void fingerprintRefusesWhileTlsIsOff() throws Exception {
    Path config = config("tokensFile: " + dir.resolve("tokens.json") + "\n");

    int status = run("fingerprint", "-c", config.toString());

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("TLS is off").contains("tls: {enabled: true}");
  }

  @Test
  void sessionsListsDemoSessionsOfEveryKindAndUnavailableSources() throws Exception {
    Path config = config("sources:\n  utmp:\n    utmpFile: " + dir.resolve("no-utmp") + "\n");

    int status = run("sessions", "--demo", "-c", config.toString());

    assertThat(status).isZero();
    assertThat(out.toString())
        .startsWith("KIND")
        .contains("demo-panel", "demo-ftp", "demo-terminal")
        .contains("source utmp unavailable: no utmp file at " + dir.resolve("no-utmp"));
  }

  @Test
  void sessionsKeepsOnlyTheAskedKind() throws Exception {
    Path config = config("sources: {utmp: {enabled: false}}\n");

    run("sessions", "--demo", "--kind", "ftp", "-c", config.toString());

    assertThat(out.toString()).contains("demo-ftp").doesNotContain("demo-panel");
  }
}
