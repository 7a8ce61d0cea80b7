package dev.sessionwatch.agent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.cli.AgentCommand;
import dev.sessionwatch.agent.os.CommandRunner;
import dev.sessionwatch.agent.testing.Await;
import dev.sessionwatch.agent.testing.TlsHandshake;
import dev.sessionwatch.agent.tls.AgentKeyStore;
import dev.sessionwatch.agent.tls.TlsSettings;
import dev.sessionwatch.protocol.CertificateFingerprint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the agent's own command line, each command in a JVM of its own as an operator runs
 * them. {@code fingerprint} creates the self-signed certificate, {@code serve} reuses it, and the
 * certificate it presents over TLS has the fingerprint both printed.
 */
class ServeOverTlsTest {
  private static final Duration STARTUP = Duration.ofSeconds(60);

  @TempDir Path dir;

  private Process serving;

  @AfterEach
  void stopAgent() throws InterruptedException {
    if (serving != null) {
      serving.destroy();
      if (!serving.waitFor(10, TimeUnit.SECONDS)) {
        serving.destroyForcibly();
      }
    }
  }

  private List<String> agentCommand(String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.add(AgentCommand.class.getName());
    command.addAll(List.of(arguments));
    return command;
  }

  @Test
  void servesTheCertificateWhoseFingerprintTheFingerprintCommandPrints() throws Exception {
    Path config = dir.resolve("agent.yaml");
    Files.writeString(
        config,
        String.join(
            "\n",
            "listen: 127.0.0.1:0",
            "tokensFile: " + dir.resolve("tokens.json"),
            "auditLog: " + dir.resolve("audit.log"),
            "sources: {utmp: {enabled: false}, proftpd: {enabled: false},"
                + " pure-ftpd: {enabled: false}}",
            "tls: {enabled: true}",
            ""));

    CommandRunner.Result printed =
        new CommandRunner(STARTUP, 1 << 16)
            .run(agentCommand("fingerprint", "-c", config.toString()));
    String fingerprint = new String(printed.stdout(), StandardCharsets.UTF_8).strip();

    assertThat(printed.exitStatus()).as(printed.errorText()).isZero();
    assertThat(printed.errorText())
        .contains(
            "Created a self-signed certificate in " + dir.resolve(TlsSettings.DEFAULT_KEY_STORE));
    List<String> output = serve(config);
    URI uri =
        Await.value(
            "serve to say where it listens",
            STARTUP,
            () ->
                output.stream()
                    .filter(line -> line.contains(" serving https://"))
                    .map(line -> URI.create(line.replaceAll(".* serving (\\S+) .*", "$1")))
                    .findFirst());
    assertThat(presentedFingerprint(uri).text()).isEqualTo(fingerprint);
    assertThat(output)
        .contains("  TLS certificate SHA-256 fingerprint: " + fingerprint)
        .noneMatch(line -> line.contains("created a self-signed"));
  }

  /** Starts {@code serve}; its output lines arrive in the list as it prints them. */
  private List<String> serve(Path config) throws IOException {
    serving =
        new ProcessBuilder(agentCommand("serve", "-c", config.toString()))
            .redirectErrorStream(true)
            .start();
    serving.getOutputStream().close();
    List<String> lines = new CopyOnWriteArrayList<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(serving.getInputStream(), StandardCharsets.UTF_8))) {
                in.lines().forEach(lines::add);
              } catch (IOException | java.io.UncheckedIOException e) {
                lines.add("(output ended: " + e + ")");
              }
            },
            "serve-output");
    reader.setDaemon(true);
    reader.start();
    return lines;
  }

  /** The certificate the server presents, trusting the one in the key store the agent made. */
  private CertificateFingerprint presentedFingerprint(URI uri) throws Exception {
    Path keyStore = dir.resolve(TlsSettings.DEFAULT_KEY_STORE);
    X509Certificate made =
        AgentKeyStore.open(keyStore, Path.of(keyStore + ".password")).certificate();
    SSLSession session =
        TlsHandshake.with(
            new InetSocketAddress(uri.getHost(), uri.getPort()), TlsHandshake.trusting(made));
    return CertificateFingerprint.of((X509Certificate) session.getPeerCertificates()[0]);
  }
}
