package dev.sessionwatch.agent.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.sessionwatch.protocol.Json;
import dev.sessionwatch.protocol.Role;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
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
import java.util.Set;
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
  private FileVersion loaded;

  private TokenStore(Path file, Clock clock) {
    this.file = file;
    this.tokens = List.of();
    this.clock = clock;
  }

  public static TokenStore inMemory() {
    return new TokenStore(null, Clock.systemUTC());
  }

  /**
   * Opens the tokens file; a missing file is an empty store that {@link #create} will write.
   *
   * @throws IOException naming the file when it cannot be read or is not a valid tokens file
   */
  public static TokenStore open(Path file) throws IOException {
    TokenStore store = new TokenStore(file, Clock.systemUTC());
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
        // (A revocation takes effect as soon as the file is readable again.)
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
  public String create(String name, Role role) throws IOException {
    return create(name, role, null, null);
  }

  /**
   * Creates a token limited to some session kinds and, for an operator, to some actions.
   *
   * @param kinds the kinds it may see and act on; null for all
   * @param actions the actions it may take; null for all its role allows
   * @return the secret, which is not kept anywhere: show it once
   * @throws IllegalArgumentException for an invalid or taken name, or limits that make no sense
   */
  public synchronized String create(
      String name, Role role, Set<SessionKind> kinds, Set<SessionAction> actions)
      throws IOException {
    Token.requireValidName(name);
    reload();
    if (tokens.stream().anyMatch(t -> t.name().equals(name))) {
      throw new IllegalArgumentException("a token named " + name + " exists already");
    }
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    List<Token> updated = new ArrayList<>(tokens);
    updated.add(new Token(name, role, sha256(secret), clock.instant(), kinds, actions));
    store(updated);
    return secret;
  }

  /**
   * Removes a token, so that it is refused from the next request on (a running agent re-reads the
   * file).
   *
   * @param idOrName the token's id as {@code token list} shows it, or its name
   * @return the token removed
   * @throws IllegalArgumentException when no token has this id or name
   */
  public synchronized Token revoke(String idOrName) throws IOException {
    reload();
    Token revoked =
        tokens.stream()
            .filter(t -> t.id().equals(idOrName) || t.name().equals(idOrName))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no token has the id or name '" + idOrName + "'; see `token list`"));
    List<Token> updated = new ArrayList<>(tokens);
    updated.remove(revoked);
    store(updated);
    return revoked;
  }

  /** The tokens as last read or written. */
  public synchronized List<Token> tokens() {
    return tokens;
  }

  private void reload() throws IOException {
    if (file != null) {
      reloadIfChanged();
    }
  }

  private void store(List<Token> updated) throws IOException {
    if (file != null) {
      save(updated);
    }
    tokens = List.copyOf(updated);
  }

  private void reloadIfChanged() throws IOException {
    FileVersion current;
    try {
      current = FileVersion.of(file);
    } catch (NoSuchFileException e) {
      tokens = List.of();
      loaded = null;
      return;
    }
    if (current.equals(loaded)) {
      return;
    }
    try {
      tokens = List.copyOf(Json.mapper().readValue(file.toFile(), TOKEN_LIST));
    } catch (IOException | IllegalArgumentException e) {
      throw new IOException("cannot read tokens file " + file + ": " + e.getMessage(), e);
    }
    loaded = current;
  }

  /**
   * What tells one content of the file from the next: {@code save} moves a new file into place, so
   * the file key (inode) changes even when the clock is too coarse for the time to.
   */
  private record FileVersion(Object key, FileTime modified, long size) {
    static FileVersion of(Path file) throws IOException {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return new FileVersion(
          attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
    }
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
    loaded = FileVersion.of(file);
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
