package dev.sessionwatch.agent.tls;

import dev.sessionwatch.protocol.CertificateFingerprint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;

/**
 * The agent's private key and certificate, from the PKCS12 key store the configuration names; with
 * no key store configured, one with a self-signed certificate is created on first use and reused
 * afterwards.
 */
public final class AgentKeyStore {
  private static final Pattern DNS_NAME =
      Pattern.compile(
          "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

  private final Path file;
  private final KeyStore keyStore;
  private final char[] password;
  private final X509Certificate certificate;
  private final boolean created;

  private AgentKeyStore(
      Path file, KeyStore keyStore, char[] password, X509Certificate certificate, boolean created) {
    this.file = file;
    this.keyStore = keyStore;
    this.password = password;
    this.certificate = certificate;
    this.created = created;
  }

  /**
   * Opens the configured key store, or creates the default one first when it does not exist.
   *
   * @param hostName this host's name, for the subject of a new certificate
   * @param listenAddress the address the agent listens on, named in a new certificate too when it
   *     is one particular address
   * @throws IOException naming the file and the setting when it cannot be read or made
   */
  public static AgentKeyStore openOrCreate(
      TlsSettings settings, String hostName, InetAddress listenAddress) throws IOException {
    boolean created = false;
    if (settings.createIfMissing() && !Files.exists(settings.keyStore())) {
      SelfSignedCertificate.create(
          settings.keyStore(),
          settings.passwordFile(),
          DNS_NAME.matcher(hostName).matches() ? hostName : "sessionwatch-agent",
          subjectAlternativeNames(hostName, listenAddress),
          SelfSignedCertificate.Usage.SERVER);
      created = true;
    }
    return open(settings.keyStore(), settings.passwordFile(), created);
  }

  /**
   * Opens a key store that holds exactly one private key with its certificate.
   *
   * @throws IOException naming the file when it is missing, the password is wrong, or it does not
   *     hold one key
   */
  public static AgentKeyStore open(Path file, Path passwordFile) throws IOException {
    return open(file, passwordFile, false);
  }

  private static AgentKeyStore open(Path file, Path passwordFile, boolean created)
      throws IOException {
    if (!Files.exists(file)) {
      throw new IOException("there is no key store at " + file + " (setting tls.keyStore)");
    }
    char[] password = password(passwordFile);
    KeyStore store;
    try (InputStream in = Files.newInputStream(file)) {
      store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
    } catch (IOException | GeneralSecurityException e) {
      throw new IOException(
          "cannot open the key store "
              + file
              + " with the password in "
              + passwordFile
              + ": "
              + e.getMessage(),
          e);
    }
    try {
      List<String> keys = new ArrayList<>();
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias)) {
          keys.add(alias);
        }
      }
      if (keys.size() != 1) {
        throw new IOException(
            "the key store "
                + file
                + " must hold exactly one private key with its certificate, it holds "
                + keys.size());
      }
      Certificate certificate = store.getCertificate(keys.get(0));
      if (!(certificate instanceof X509Certificate x509)) {
        throw new IOException("the key store " + file + " holds no X.509 certificate");
      }
      return new AgentKeyStore(file, store, password, x509, created);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot read the key store " + file + ": " + e.getMessage(), e);
    }
  }

  /** The first line of the file, as keytool's {@code -storepass:file} reads it. */
  private static char[] password(Path passwordFile) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(passwordFile, StandardCharsets.UTF_8)) {
      String line = reader.readLine();
      return line == null ? new char[0] : line.toCharArray();
    } catch (NoSuchFileException e) {
      throw new IOException(
          "there is no key store password file at "
              + passwordFile
              + " (setting tls.keyStorePasswordFile)");
    }
  }

  private static List<String> subjectAlternativeNames(String hostName, InetAddress listen) {
    List<String> names = new ArrayList<>();
    if (DNS_NAME.matcher(hostName).matches()) {
      names.add("dns:" + hostName);
    }
    names.addAll(List.of("dns:localhost", "ip:127.0.0.1", "ip:::1"));
    if (!listen.isAnyLocalAddress() && !listen.isLoopbackAddress()) {
      names.add("ip:" + listen.getHostAddress());
    }
    return names;
  }

  public Path file() {
    return file;
  }

  public X509Certificate certificate() {
    return certificate;
  }

  public CertificateFingerprint fingerprint() {
    return CertificateFingerprint.of(certificate);
  }

  /** Whether this call created the key store (a new self-signed certificate). */
  public boolean created() {
    return created;
  }

  KeyManager[] keyManagers() throws GeneralSecurityException {
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(keyStore, password);
    return factory.getKeyManagers();
  }
}
