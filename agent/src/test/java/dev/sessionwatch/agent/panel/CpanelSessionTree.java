package dev.sessionwatch.agent.panel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * A cPanel session directory in a test's folder, laid out as cPanel lays out {@code
 * /var/cpanel/sessions}: {@code raw/} (the session files), {@code cache/} (cPanel's serialized copy
 * of each) and {@code preauth/} (flags of sessions waiting for their login).
 */
final class CpanelSessionTree {

  /** The secrets every session file below holds; none of them may ever leave the source. */
  static final List<String> SECRETS =
      List.of(
          "pass=",
          "5f0d6a1c2b7e",
          "/cpsess0228251236",
          "ss27XQjbY11gmCDs",
          "cp_security_token",
          "external_validation_token");

  private final Path root;

  CpanelSessionTree(Path root) throws IOException {
    this.root = root;
    for (String directory : List.of("raw", "cache", "preauth")) {
      Files.createDirectories(root.resolve(directory));
    }
  }

  Path root() {
    return root;
  }

  /**
   * A session file of a login in cPanel's format: the keys real ones hold (as session files
   * published with the CVE-2026-41940 advisories show them, in no particular order), the secrets
   * among them, and the extra lines given.
   */
  static String loggedIn(String user, String app, long loginEpochSecond, String... extraLines) {
    StringBuilder text =
        new StringBuilder()
            .append("local_port=2083\n")
            .append("hulk_registered=1\n")
            .append("pass=5f0d6a1c2b7e9a40d3\n")
            .append("origin_as_string=address=203.0.113.7,app=")
            .append(app)
            .append(",method=handle_form_login\n")
            .append("tfa_verified=0\n")
            .append("local_ip_address=192.0.2.10\n")
            .append("external_validation_token=ss27XQjbY11gmCDs\n")
            .append("cp_security_token=/cpsess0228251236\n")
            .append("ip_address=203.0.113.7\n")
            .append("user=")
            .append(user)
            .append('\n')
            .append("successful_internal_auth_with_timestamp=")
            .append(loginEpochSecond)
            .append('\n')
            .append("port=51234\n")
            .append("login_theme=cpanel\n")
            .append("theme=jupiter\n")
            .append("lang=en\n");
    for (String line : extraLines) {
      text.append(line).append('\n');
    }
    return text.toString();
  }

  /** Writes {@code raw/NAME} and its {@code cache/NAME}, last changed at the given time. */
  Path write(String name, String content, Instant lastChange) throws IOException {
    return write(name, content.getBytes(StandardCharsets.UTF_8), lastChange);
  }

  Path write(String name, byte[] content, Instant lastChange) throws IOException {
    Path file = root.resolve("raw").resolve(name);
    Files.write(file, content);
    Files.setLastModifiedTime(file, FileTime.from(lastChange));
    Files.writeString(root.resolve("cache").resolve(name), "{\"user\":\"cached\"}");
    return file;
  }

  /** Marks a session as waiting for its login, as cPanel does for a login page just opened. */
  void flagPreauth(String name) throws IOException {
    Files.writeString(root.resolve("preauth").resolve(name), "1764000000");
  }

  /** The names in one of the three directories. */
  List<String> names(String directory) {
    try (Stream<Path> files = Files.list(root.resolve(directory))) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
