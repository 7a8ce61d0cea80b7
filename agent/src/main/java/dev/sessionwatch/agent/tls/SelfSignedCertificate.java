package dev.sessionwatch.agent.tls;

import dev.sessionwatch.agent.os.CommandRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Creates a PKCS12 key store holding a new EC P-256 key and a self-signed certificate for it, by
 * running the JDK's own {@code keytool} (the JDK has no public API that makes a certificate; see
 * docs/decisions/0007-agent-certificate.md). The key store and its password file are written
 * owner-only ({@code rw-------}) and appear together, complete, or not at all.
 */
public final class SelfSignedCertificate {
  /** What the certificate's key may be used for. */
  public enum Usage {
    SERVER("serverAuth"),
    CLIENT("clientAuth");

    private final String keytoolName;

    Usage(String keytoolName) {
      this.keytoolName = keytoolName;
    }
  }

  static final String ALIAS = "sessionwatch";
  private static final Duration KEYTOOL_TIMEOUT = Duration.ofSeconds(60);
  private static final SecureRandom RANDOM = new SecureRandom();

  private SelfSignedCertificate() {}

  /**
   * Writes {@code keyStore} and {@code passwordFile}.
   *
   * @param commonName the certificate's subject and issuer CN
   * @param subjectAlternativeNames in keytool's form: {@code dns:web01}, {@code ip:127.0.0.1}
   * @throws IOException naming keytool's complaint when it fails or cannot be run
   */
  public static void create(
      Path keyStore,
      Path passwordFile,
      String commonName,
      List<String> subjectAlternativeNames,
      Usage usage)
      throws IOException {
    Path directory = keyStore.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    Path work =
        Files.createTempDirectory(
            directory,
            ".sessionwatch-tls-",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    try {
      Path password = work.resolve("password");
      Files.createFile(
          password,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      byte[] random = new byte[32];
      RANDOM.nextBytes(random);
      Files.writeString(
          password,
          Base64.getUrlEncoder().withoutPadding().encodeToString(random),
          StandardCharsets.US_ASCII);
      Path store = work.resolve("keystore.p12");
      runKeytool(store, password, commonName, subjectAlternativeNames, usage);
      Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("rw-------"));
      // The password first: a key store on disk always has its password beside it.
      Files.move(password, passwordFile, StandardCopyOption.REPLACE_EXISTING);
      Files.move(store, keyStore, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      try (Stream<Path> left = Files.walk(work)) {
        for (Path path : left.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }

  private static void runKeytool(
      Path store, Path password, String commonName, List<String> names, Usage usage)
      throws IOException {
    Path keytool = keytool();
    if (!Files.isExecutable(keytool)) {
      throw new IOException(
          "cannot create a certificate: there is no keytool at "
              + keytool
              + " (this Java runtime lacks it); configure tls.keyStore with a certificate instead");
    }
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            keytool.toString(),
            "-genkeypair",
            "-noprompt",
            "-alias",
            ALIAS,
            "-keyalg",
            "EC",
            "-groupname",
            "secp256r1",
            "-sigalg",
            "SHA256withECDSA",
            // Ten years, from yesterday: a console whose clock is a little behind still accepts it.
            "-validity",
            "3650",
            "-startdate",
            "-1d",
            "-dname",
            "CN=" + commonName + ", O=Sessionwatch",
            "-ext",
            "KU=digitalSignature",
            "-ext",
            "EKU=" + usage.keytoolName));
    if (!names.isEmpty()) {
      command.addAll(List.of("-ext", "SAN=" + String.join(",", names)));
    }
    command.addAll(
        List.of(
            "-keystore",
            store.toString(),
            "-storetype",
            "PKCS12",
            // From a file, not the command line, where every user could read it in /proc.
            "-storepass:file",
            password.toString()));
    CommandRunner.Result result;
    try {
      result = new CommandRunner(KEYTOOL_TIMEOUT, 64 * 1024).run(command);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while keytool created the certificate", e);
    }
    if (result.exitStatus() != 0) {
      String said =
          result.errorText().isEmpty()
              ? new String(result.stdout(), StandardCharsets.UTF_8).trim()
              : result.errorText();
      throw new IOException(
          "keytool could not create the certificate (exit status "
              + result.exitStatus()
              + "): "
              + said);
    }
  }

  /** The keytool of the running Java, which every JDK and JRE ships beside {@code java}. */
  static Path keytool() {
    boolean windows = System.getProperty("os.name").startsWith("Windows");
    return Path.of(System.getProperty("java.home"), "bin", windows ? "keytool.exe" : "keytool");
  }
}
