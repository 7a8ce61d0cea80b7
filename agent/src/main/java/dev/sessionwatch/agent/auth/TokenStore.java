package dev.sessionwatch.agent.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.sessionwatch.protocol.Json;
import dev.sessionwatch.protocol.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The tokens an agent accepts, kept as hashes only: in a file the agent re-reads when it changes
 * (so {@code token create} takes effect without a restart), or in memory for an embedded agent.
 */
public final class TokenStore {
  private static final Logger LOG = Logger.getLogger(TokenStore.class.getName());
  private static final TypeReference<List<Token>> TOKEN_LIST = new TypeReference<>() {};
  private static final String SECRET_PREFIX = "swa_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path file;
  private final Clock clock;
  private List<Token> tokens;
  private FileTime loadedModified;

  private TokenStore(Path file, List<Token> tokens, FileTime loadedModified, Clock clock) {
    this.file = file;
    this.tokens = tokens;
    this.loadedModified = loadedModified;
    this.clock = clock;
  }

  public static TokenStore inMemory() {
    return new TokenStore(null, List.of(), null, Clock.systemUTC());
  }

  /**
   * Opens the tokens file; a missing file is an empty store that {@link #create} will write.
   *
   * @throws IOException naming the file when it cannot be read or is not a valid tokens file
   */
  public static TokenStore open(Path file) throws IOException {
    TokenStore store = new TokenStore(file, List.of(), null, Clock.systemUTC());
    store.reloadIfChanged();
    return store;
  }

  /** The token this secret belongs to, compared in constant time against every stored hash. */
  public synchronized Optional<Token> authenticate(String secret) {
    if (file != null) {
      try {
        reloadIfChanged();
      } catch (IOException e) {
        // Keep the tokens loaded last; a half-written or broken file must not lock everyone out.
        LOG.warning("keeping the previous tokens: " + e.getMessage());
      }
    }
    byte[] presented = sha256(secret).getBytes(StandardCharsets.US_ASCII);
    Token match = null;
    for (Token token : tokens) {
      if (MessageDigest.isEqual(presented, token.sha256().getBytes(StandardCharsets.US_ASCII))) {
        match = token;
      }
    }
    return Optional.ofNullable(match);
  }

  /**
   * Creates a token and stores its hash.
   *
   * @return the secret, which is not kept anywhere: show it once
   * @throws IllegalArgumentException for an invalid or taken name
   */
  public synchronized String create(String name, Role role) throws IOException {
    Token.requireValidName(name);
    if (file != null) {
      reloadIfChanged();
    }
    if (tokens.stream().anyMatch(t -> t.name().equals(name))) {
      throw new IllegalArgumentException("a token named " + name + " exists already");
    }
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    List<Token> updated = new ArrayList<>(tokens);
    updated.add(new Token(name, role, sha256(secret), clock.instant()));
    if (file != null) {
      save(updated);
    }
    tokens = List.copyOf(updated);
    return secret;
  }

  public synchronized List<Token> tokens() {
    return tokens;
  }

  private void reloadIfChanged() throws IOException {
    FileTime modified;
    try {
      modified = Files.getLastModifiedTime(file);
    } catch (NoSuchFileException e) {
      tokens = List.of();
      loadedModified = null;
      return;
    }
    if (modified.equals(loadedModified)) {
      return;
    }
    try {
      tokens = List.copyOf(Json.mapper().readValue(file.toFile(), TOKEN_LIST));
    } catch (IOException | IllegalArgumentException e) {
      throw new IOException("cannot read tokens file " + file + ": " + e.getMessage(), e);
    }
    loadedModified = modified;
  }

  /** Writes the whole file beside itself, owner-only, then moves it into place. */
  private void save(List<Token> updated) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp =
        Files.createTempFile(
            dir,
            ".tokens",
            ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      Json.mapper().writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), updated);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
    loadedModified = Files.getLastModifiedTime(file);
  }

  static String sha256(String secret) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JRE has SHA-256", e);
    }
  }
}
