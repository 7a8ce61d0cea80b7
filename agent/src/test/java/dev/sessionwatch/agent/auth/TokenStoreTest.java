package dev.sessionwatch.agent.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionwatch.protocol.Role;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
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

  @Test
  void tokensFileWrittenBeforeLimitsExistedStillLoads() throws IOException {
    Path file = dir.resolve("tokens.json");
    String hash = TokenStore.sha256("swa_old");
    Files.writeString(
        file,
        "[ {\n  \"name\" : \"legacy\",\n  \"role\" : \"operator\",\n  \"sha256\" : \""
            + hash
            + "\",\n  \"created\" : \"2026-11-20T10:00:00Z\"\n} ]");

    Token legacy = TokenStore.open(file).authenticate("swa_old").orElseThrow();

    assertThat(legacy.name()).isEqualTo("legacy");
    assertThat(legacy.kinds()).isNull();
    assertThat(legacy.permittedActions()).containsExactly(SessionAction.values());
  }

  @Test
  void limitsAreStoredAndReadBack() throws IOException {
    Path file = dir.resolve("tokens.json");
    String secret =
        TokenStore.open(file)
            .create(
                "ftp-desk",
                Role.OPERATOR,
                EnumSet.of(SessionKind.PANEL, SessionKind.FTP),
                EnumSet.of(SessionAction.END));

    Token token = TokenStore.open(file).authenticate(secret).orElseThrow();

    assertThat(token.visibleKinds()).containsExactly(SessionKind.PANEL, SessionKind.FTP);
    assertThat(token.permittedActions()).containsExactly(SessionAction.END);
    assertThat(token.describeLimits()).isEqualTo("kinds panel,ftp; actions end");
    assertThat(Files.readString(file))
        .contains("\"kinds\" : [ \"panel\", \"ftp\" ]")
        .doesNotContain("visibleKinds", "permittedActions", "\"id\"");
  }

  @Test
  void viewerTokenCannotBeLimitedToActions() {
    assertThatThrownBy(
            () ->
                TokenStore.inMemory().create("v", Role.VIEWER, null, EnumSet.of(SessionAction.END)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("viewer token");
  }

  @Test
  void idIsStableAndRevealsNoPartOfTheHash() throws IOException {
    TokenStore store = TokenStore.inMemory();
    String secret = store.create("ops", Role.OPERATOR);
    Token token = store.tokens().get(0);

    assertThat(token.id()).hasSize(12).isEqualTo(token.id());
    assertThat(token.sha256()).doesNotContain(token.id());
    assertThat(secret).doesNotContain(token.id());
  }

  @Test
  void revokedTokenIsRefusedByARunningAgentAtOnce() throws IOException {
    Path file = dir.resolve("tokens.json");
    TokenStore running = TokenStore.open(file);
    String kept = running.create("kept", Role.VIEWER);
    String revoked = running.create("gone", Role.OPERATOR);
    assertThat(running.authenticate(revoked)).isPresent();

    Token removed = TokenStore.open(file).revoke("gone");

    assertThat(removed.name()).isEqualTo("gone");
    assertThat(running.authenticate(revoked)).isEmpty();
    assertThat(running.authenticate(kept)).isPresent();
  }

  @Test
  void tokenIsRevokedByItsId() throws IOException {
    TokenStore store = TokenStore.inMemory();
    store.create("ops", Role.OPERATOR);
    String id = store.tokens().get(0).id();

    store.revoke(id);

    assertThat(store.tokens()).isEmpty();
  }

  @Test
  void revokingAnUnknownTokenSaysSo() {
    assertThatThrownBy(() -> TokenStore.inMemory().revoke("nobody"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nobody");
  }
}
