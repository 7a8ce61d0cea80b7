package dev.sessionwatch.agent.tls;

import dev.sessionwatch.agent.config.ConfigException;
import dev.sessionwatch.agent.config.ConfigSection;
import java.nio.file.Path;

/**
 * The {@code tls:} section of the configuration: whether the agent serves HTTPS, with which key and
 * certificate, and whether clients must present a certificate.
 *
 * @param keyStore a PKCS12 key store holding the agent's private key and certificate
 * @param passwordFile holds the key store's password on its first line
 * @param createIfMissing no key store was configured: the agent creates {@code keyStore} with a
 *     self-signed certificate when it does not exist yet. A configured key store must exist.
 * @param clientCa PEM certificates of the authorities whose client certificates are accepted; when
 *     set, a client without such a certificate is refused during the handshake. Null for no client
 *     certificates.
 */
public record TlsSettings(
    boolean enabled, Path keyStore, Path passwordFile, boolean createIfMissing, Path clientCa) {

  /** The key store's file name, beside the tokens file, when none is configured. */
  public static final String DEFAULT_KEY_STORE = "agent-tls.p12";

  /**
   * Reads the section.
   *
   * @param stateDirectory where the agent keeps its own files (the tokens file's directory)
   */
  public static TlsSettings read(ConfigSection section, Path stateDirectory)
      throws ConfigException {
    boolean enabled = section.bool("enabled", false);
    boolean configured = section.has("keyStore");
    Path keyStore = section.path("keyStore", stateDirectory.resolve(DEFAULT_KEY_STORE));
    Path passwordFile =
        section.path(
            "keyStorePasswordFile", keyStore.resolveSibling(keyStore.getFileName() + ".password"));
    Path clientCa = section.path("clientCa", null);
    section.finish();
    return new TlsSettings(enabled, keyStore, passwordFile, !configured, clientCa);
  }
}
