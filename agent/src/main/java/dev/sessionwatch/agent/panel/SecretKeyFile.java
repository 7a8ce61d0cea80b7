package dev.sessionwatch.agent.panel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The file holding Plesk's secret key, checked the way ssh checks a private key: a regular file of
 * the agent's own user, which neither its group nor others may read, write or run. It is read
 * afresh on each use, so a new key takes effect without a restart. No message ever holds the file's
 * content.
 */
final class SecretKeyFile {

  /** Longer than any key Plesk makes (a UUID or 32 hex digits); a bigger file is not a key. */
  private static final long MAX_BYTES = 1024;

  /** What an HTTP header value may hold; Plesk's keys are hex digits and dashes. */
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]+");

  private static final Set<PosixFilePermission> GROUP_OR_OTHERS =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  private final Path file;

  SecretKeyFile(Path file) {
    this.file = file;
  }

  Path path() {
    return file;
  }

  /** Why the file cannot be used now, in words for an operator; empty when it can. */
  Optional<String> problem() {
    try {
      read();
      return Optional.empty();
    } catch (UnusableKeyException e) {
      return Optional.of(e.getMessage());
    }
  }

  /**
   * The key, after checking the file.
   *
   * @throws UnusableKeyException saying what is wrong with the file, never what it holds
   */
  SecretKey read() throws UnusableKeyException {
    PosixFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, PosixFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw unusable("there is no secret key file " + file);
    } catch (IOException | UnsupportedOperationException e) {
      throw unusable("cannot read the attributes of the secret key file " + file + ": " + e);
    }
    if (!attributes.isRegularFile()) {
      throw unusable("the secret key file " + file + " is not a regular file");
    }
    String agentUser = System.getProperty("user.name");
    if (!attributes.owner().getName().equals(agentUser)) {
      throw unusable(
          "the secret key file "
              + file
              + " belongs to "
              + attributes.owner().getName()
              + ", not to the agent's user "
              + agentUser);
    }
    if (attributes.permissions().stream().anyMatch(GROUP_OR_OTHERS::contains)) {
      throw unusable(
          "the secret key file "
              + file
              + " is open to its group or others (chmod 600 "
              + file
              + ")");
    }
    if (attributes.size() > MAX_BYTES) {
      throw unusable("the secret key file " + file + " is larger than a secret key");
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      // The exception names the file only; a malformed-input error holds no content either.
      throw unusable("cannot read the secret key file " + file + ": " + e.getClass().getName());
    }
    if (text.isEmpty()) {
      throw unusable("the secret key file " + file + " is empty");
    }
    if (!KEY.matcher(text).matches()) {
      throw unusable(
          "the secret key file " + file + " holds more than one key, or characters no key has");
    }
    return new SecretKey(text);
  }

  private static UnusableKeyException unusable(String message) {
    return new UnusableKeyException(message);
  }

  /** The key file cannot be used; the message says why and never holds the key. */
  static final class UnusableKeyException extends Exception {
    UnusableKeyException(String message) {
      super(message);
    }
  }
}
