package dev.sessionwatch.agent.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionwatch.protocol.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoreTest {
  @TempDir Path dir;

  @Test
  void createdTokenAuthenticatesWithItsRole() throws IOException {
    TokenStore store = TokenStore.open(dir.resolve("tokens.json"));

    String secret = store.create("ops", Role.OPERATOR);

    assertThat(store.authenticate(secret))
        .hasValueSatisfying(
            t -> {
              assertThat(t.name()).isEqualTo("ops");
              assertThat(t.role()).isEqualTo(Role.OPERATOR);
            });
  }

  @Test
  void fileHoldsOnlyTheHashAndIsOwnerOnly() throws IOException {
    Path file = dir.resolve("tokens.json");
    String secret = TokenStore.open(file).create("ops", Role.VIEWER);

    assertThat(Files.readString(file)).doesNotContain(secret).contains(TokenStore.sha256(secret));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void tokenCreatedByAnotherProcessIsAcceptedWithoutRestart() throws IOException {
    Path file = dir.resolve("tokens.json");
    TokenStore running = TokenStore.open(file);

    String secret = TokenStore.open(file).create("late", Role.VIEWER);
    // the file system's timestamp may be coarse: make the change visible for certain
    Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 5_000));

    assertThat(running.authenticate(secret)).isPresent();
  }

  @Test
  void wrongSecretIsRefused() throws IOException {
    TokenStore store = TokenStore.inMemory();
    String secret = store.create("ops", Role.OPERATOR);

    assertThat(store.authenticate(secret + "x")).isEmpty();
    assertThat(store.authenticate("")).isEmpty();
  }

  @Test
  void secondTokenWithTheSameNameIsRefused() throws IOException {
    TokenStore store = TokenStore.inMemory();
    store.create("ops", Role.OPERATOR);

    assertThatThrownBy(() -> store.create("ops", Role.VIEWER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exists");
  }

  @Test
  void invalidNameIsRefused() {
    assertThatThrownBy(() -> TokenStore.inMemory().create("two words", Role.VIEWER))
        .hasMessageContaining("invalid token name");
  }

  @Test
  void brokenFileIsReportedByName() throws IOException {
    Path file = dir.resolve("tokens.json");
    Files.writeString(file, "{not json");

    assertThatThrownBy(() -> TokenStore.open(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString());
  }
}
