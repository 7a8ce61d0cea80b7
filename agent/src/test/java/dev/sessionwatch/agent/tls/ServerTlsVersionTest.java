package dev.sessionwatch.agent.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.os.CommandRunner;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent speaks TLS 1.2 and 1.3 only, even in a JVM whose security settings allow TLS 1.1: the
 * JDK's own defaults refuse 1.1 already, so the test runs {@link TlsVersionProbe} in a JVM that
 * allows it, and checks there that a plain server accepts 1.1 (the control) and the agent does not.
 */
class ServerTlsVersionTest {
  /** The JDK 17 list without TLSv1.1 and the SHA-1 handshake signatures TLS 1.1 needs. */
  private static final String ALLOWING_TLS_11 =
      "jdk.tls.disabledAlgorithms=SSLv3, RC4, DES, MD5withRSA, DH keySize < 1024, "
          + "EC keySize < 224, 3DES_EDE_CBC, anon, NULL\n";

  @TempDir Path dir;

  @Test
  void refusesTls11AndAcceptsTls12WhereTheJvmWouldAllowBoth() throws Exception {
    Path keyStore = dir.resolve(TlsSettings.DEFAULT_KEY_STORE);
    Path password = Path.of(keyStore + ".password");
    AgentKeyStore.openOrCreate(
        new TlsSettings(true, keyStore, password, true, null),
        "localhost",
        InetAddress.getLoopbackAddress());
    Path security = dir.resolve("allow-tls11.security");
    Files.writeString(security, ALLOWING_TLS_11);

    CommandRunner.Result result =
        new CommandRunner(Duration.ofSeconds(90), 1 << 20)
            .run(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djava.security.properties=" + security,
                    "-cp",
                    System.getProperty("java.class.path"),
                    TlsVersionProbe.class.getName(),
                    keyStore.toString(),
                    password.toString(),
                    dir.resolve("audit.log").toString(),
                    "TLSv1.1",
                    "TLSv1.2"));

    String output = new String(result.stdout(), StandardCharsets.UTF_8);
    assertThat(result.exitStatus()).as(result.errorText()).isZero();
    assertThat(output)
        .as("the control: this JVM allows TLS 1.1")
        .contains("control TLSv1.1 accepted as TLSv1.1");
    assertThat(output)
        .contains("agent TLSv1.1 refused")
        .contains("agent TLSv1.2 accepted as TLSv1.2");
  }
}
