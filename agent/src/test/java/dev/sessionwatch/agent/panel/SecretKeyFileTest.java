package dev.sessionwatch.agent.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretKeyFileTest {

  private static final String KEY = "24f8c5e5-fcb5-bdfc-aac0-7bff0e800334";

  @TempDir Path dir;

  private Path file(String content, String permissions) throws Exception {
    Path file = dir.resolve("plesk-secret-key");
    Files.writeString(file, content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    return file;
  }

  @Test
  void readsTheKeyWithoutItsLineEnd() throws Exception {
    SecretKeyFile keyFile = new SecretKeyFile(file(KEY + "\n", "rw-------"));

    assertThat(keyFile.read().value()).isEqualTo(KEY);
    assertThat(keyFile.problem()).isEmpty();
  }

  @Test
  void readsAKeyTheOwnerMayOnlyRead() throws Exception {
    assertThat(new SecretKeyFile(file(KEY, "r--------")).read().value()).isEqualTo(KEY);
  }

  @Test
  void refusesAMissingFile() {
    Path missing = dir.resolve("missing");

    assertThat(new SecretKeyFile(missing).problem())
        .contains("there is no secret key file " + missing);
  }

  @Test
  void refusesAnEmptyFile() throws Exception {
    Path file = file("\n", "rw-------");

    assertThat(new SecretKeyFile(file).problem())
        .contains("the secret key file " + file + " is empty");
  }

  @Test
  void refusesAFileItsGroupMayRead() throws Exception {
    Path file = file(KEY, "rw-r-----");

    assertThatThrownBy(() -> new SecretKeyFile(file).read())
        .isInstanceOf(SecretKeyFile.UnusableKeyException.class)
        .hasMessage(
            "the secret key file "
                + file
                + " is open to its group or others (chmod 600 "
                + file
                + ")")
        .hasMessageNotContaining(KEY);
  }

  @Test
  void refusesAFileOthersMayRead() throws Exception {
    Path file = file(KEY, "rw----r--");

    assertThat(new SecretKeyFile(file).problem())
        .hasValueSatisfying(p -> assertThat(p).contains("open to its group or others"));
  }

  @Test
  void refusesADirectory() throws Exception {
    Path directory = Files.createDirectory(dir.resolve("keys"));
    Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));

    assertThat(new SecretKeyFile(directory).problem())
        .contains("the secret key file " + directory + " is not a regular file");
  }

  @Test
  void refusesTwoWordsWithoutShowingThem() throws Exception {
    Path file = file(KEY + " " + KEY, "rw-------");

    assertThatThrownBy(() -> new SecretKeyFile(file).read())
        .isInstanceOf(SecretKeyFile.UnusableKeyException.class)
        .hasMessageContaining("holds more than one key")
        .hasMessageNotContaining(KEY);
  }

  @Test
  void refusesAFileOfAnotherUser() throws Exception {
    Assumptions.assumeTrue(
        "root".equals(System.getProperty("user.name")), "needs root to give a file away");
    Path file = file(KEY, "rw-------");
    UserPrincipal nobody =
        file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
    Files.setOwner(file, nobody);

    assertThat(new SecretKeyFile(file).problem())
        .contains(
            "the secret key file " + file + " belongs to nobody, not to the agent's user root");
  }

  @Test
  void keysStringHidesTheKey() {
    SecretKey key = new SecretKey(KEY);

    assertThat(key.toString()).doesNotContain(KEY);
    assertThat(key.redact("the key " + KEY + " is wrong"))
        .isEqualTo("the key [secret key] is wrong");
  }
}
