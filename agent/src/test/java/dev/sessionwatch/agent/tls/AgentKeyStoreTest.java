package dev.sessionwatch.agent.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentKeyStoreTest {
  @TempDir Path dir;

  private TlsSettings generated() {
    Path keyStore = dir.resolve("state").resolve(TlsSettings.DEFAULT_KEY_STORE);
    return new TlsSettings(true, keyStore, Path.of(keyStore + ".password"), true, null);
  }

  private static List<String> alternativeNames(AgentKeyStore keys) throws Exception {
    return keys.certificate().getSubjectAlternativeNames().stream()
        .map(name -> String.valueOf(name.get(1)))
        .toList();
  }

  @Test
  void createsAnOwnerOnlyKeyStoreWithASelfSignedCertificateWhenNoneIsConfigured() throws Exception {
    TlsSettings settings = generated();

    AgentKeyStore keys =
        AgentKeyStore.openOrCreate(settings, "web01", InetAddress.getByName("0.0.0.0"));

    assertThat(keys.created()).isTrue();
    assertThat(Files.getPosixFilePermissions(settings.keyStore()))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.getPosixFilePermissions(settings.passwordFile()))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(keys.certificate().getSubjectX500Principal())
        .isEqualTo(keys.certificate().getIssuerX500Principal());
    assertThat(keys.certificate().getSubjectX500Principal().getName()).contains("CN=web01");
    assertThat(alternativeNames(keys)).contains("web01", "localhost", "127.0.0.1");
    assertThat(Files.list(settings.keyStore().getParent()))
        .as("no work files left beside the key store")
        .hasSize(2);
  }

  @Test
  void reusesTheKeyStoreItCreated() throws Exception {
    TlsSettings settings = generated();
    AgentKeyStore first =
        AgentKeyStore.openOrCreate(settings, "web01", InetAddress.getLoopbackAddress());

    AgentKeyStore second =
        AgentKeyStore.openOrCreate(settings, "web01", InetAddress.getLoopbackAddress());

    assertThat(second.created()).isFalse();
    assertThat(second.fingerprint()).isEqualTo(first.fingerprint());
  }

  @Test
  void namesTheListenAddressInANewCertificateWhenItIsOneAddress() throws Exception {
    AgentKeyStore keys =
        AgentKeyStore.openOrCreate(generated(), "web01", InetAddress.getByName("192.0.2.7"));

    assertThat(alternativeNames(keys)).contains("192.0.2.7");
  }

  @Test
  void aConfiguredKeyStoreThatIsMissingIsNotCreated() {
    Path keyStore = dir.resolve("agent.p12");
    TlsSettings settings =
        new TlsSettings(true, keyStore, dir.resolve("agent.p12.password"), false, null);

    assertThatThrownBy(
            () -> AgentKeyStore.openOrCreate(settings, "web01", InetAddress.getLoopbackAddress()))
        .hasMessageContaining("no key store at " + keyStore)
        .hasMessageContaining("tls.keyStore");
    assertThat(keyStore).doesNotExist();
  }

  @Test
  void aWrongPasswordIsNamedWithBothFiles() throws Exception {
    TlsSettings settings = generated();
    AgentKeyStore.openOrCreate(settings, "web01", InetAddress.getLoopbackAddress());
    Files.writeString(settings.passwordFile(), "not-the-password\n");

    assertThatThrownBy(() -> AgentKeyStore.open(settings.keyStore(), settings.passwordFile()))
        .hasMessageContaining("cannot open the key store " + settings.keyStore())
        .hasMessageContaining(settings.passwordFile().toString());
  }

  @Test
  void aClientCertificateCanBeMadeForClientAuthentication() throws Exception {
    Path keyStore = dir.resolve("client.p12");

    SelfSignedCertificate.create(
        keyStore,
        dir.resolve("client.p12.password"),
        "laptop",
        List.of(),
        SelfSignedCertificate.Usage.CLIENT);

    assertThat(
            AgentKeyStore.open(keyStore, dir.resolve("client.p12.password"))
                .certificate()
                .getExtendedKeyUsage())
        .containsExactly("1.3.6.1.5.5.7.3.2");
  }
}
