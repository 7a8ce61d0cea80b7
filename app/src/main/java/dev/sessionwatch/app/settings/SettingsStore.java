package dev.sessionwatch.app.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sessionwatch.app.agent.PinnedCertificate;
import dev.sessionwatch.protocol.Json;
import dev.sessionwatch.protocol.SessionKind;
import java.io.IOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads and writes the settings as JSON in one file, {@code settings.json} in the user's
 * configuration folder. The file holds tokens, so it is readable by its owner only and written
 * atomically (a new file moved over the old one). Blocking: use it off the FX thread.
 *
 * <p>A file that cannot be read as settings is never overwritten: it is renamed aside to {@code
 * settings.json.corrupt-<time>} and the user is told where it is.
 */
public final class SettingsStore {
  public static final String FILE_NAME = "settings.json";

  /** Overrides the configuration folder, for tests and portable installs. */
  public static final String DIRECTORY_VARIABLE = "SESSIONWATCH_CONFIG_DIR";

  private static final int FORMAT_VERSION = 1;
  private static final Set<PosixFilePermission> OWNER_ONLY_FILE =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY =
      PosixFilePermissions.fromString("rwx------");
  private static final DateTimeFormatter ASIDE_STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final ObjectMapper MAPPER =
      Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path directory;
  private final Clock clock;

  /** Set when the file could not be used and is still there: it must not be overwritten. */
  private volatile String untouchable;

  public SettingsStore(Path directory, Clock clock) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The usual configuration folder of this platform: {@code $SESSIONWATCH_CONFIG_DIR} when set;
   * else {@code $XDG_CONFIG_HOME/sessionwatch} or {@code ~/.config/sessionwatch} on Linux and other
   * Unix, {@code ~/Library/Application Support/Sessionwatch} on macOS, {@code
   * %APPDATA%\Sessionwatch} on Windows.
   */
  public static Path defaultDirectory(Map<String, String> environment, String osName, Path home) {
    String override = environment.get(DIRECTORY_VARIABLE);
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      String appData = environment.get("APPDATA");
      Path base =
          appData != null && !appData.isBlank()
              ? Path.of(appData)
              : home.resolve("AppData").resolve("Roaming");
      return base.resolve("Sessionwatch");
    }
    if (os.startsWith("mac")) {
      return home.resolve("Library").resolve("Application Support").resolve("Sessionwatch");
    }
    String configHome = environment.get("XDG_CONFIG_HOME");
    Path base =
        configHome != null && Path.of(configHome).isAbsolute()
            ? Path.of(configHome)
            : home.resolve(".config");
    return base.resolve("sessionwatch");
  }

  public Path file() {
    return directory.resolve(FILE_NAME);
  }

  /**
   * Reads the settings; the defaults when there is no file yet. A file that is not valid settings
   * is renamed aside and reported in {@link LoadedSettings#problem()}, with the defaults.
   */
  public LoadedSettings load() {
    Path file = file();
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new LoadedSettings(Settings.defaults(), null);
    } catch (IOException e) {
      untouchable = "could not be read";
      return new LoadedSettings(
          Settings.defaults(),
          "Could not read the settings in "
              + file
              + " ("
              + e.getClass().getSimpleName()
              + "); changes are not saved until it is fixed or removed.");
    }
    String defect;
    try {
      SettingsFile read = MAPPER.readValue(content, SettingsFile.class);
      if (read == null) {
        defect = "it is empty";
      } else {
        Settings settings = read.toSettings();
        List<String> problems = settings.problems();
        if (problems.isEmpty()) {
          return new LoadedSettings(settings, null);
        }
        defect = String.join("; ", problems);
      }
    } catch (JsonProcessingException e) {
      // Only where: the parser's own words may quote the file, tokens and all.
      defect = "it is not valid settings JSON" + where(e);
    } catch (IllegalArgumentException e) {
      defect = e.getMessage();
    } catch (IOException e) {
      defect = "it could not be read (" + e.getClass().getSimpleName() + ")";
    }
    return new LoadedSettings(Settings.defaults(), putAside(file, defect));
  }

  /**
   * Writes {@code settings} to the file, readable by its owner only, replacing the old file in one
   * step so a crash never leaves half a file.
   */
  public void save(Settings settings) throws IOException {
    if (untouchable != null) {
      throw new IOException("left untouched: the file there " + untouchable);
    }
    createDirectory();
    byte[] content = MAPPER.writeValueAsBytes(SettingsFile.of(settings));
    Path temporary = createOwnerOnlyFile(directory, FILE_NAME + ".", ".tmp");
    try {
      Files.write(temporary, content);
      try {
        Files.move(
            temporary, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file(), StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static String where(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " (line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ")";
  }

  private String putAside(Path file, String defect) {
    Path aside = file.resolveSibling(FILE_NAME + ".corrupt-" + ASIDE_STAMP.format(clock.instant()));
    try {
      Files.move(file, aside);
      return "The settings file could not be used, because "
          + defect
          + ". It was kept as "
          + aside
          + "; the console starts with default settings.";
    } catch (IOException e) {
      untouchable = "could not be used and was not renamed aside";
      return "The settings file "
          + file
          + " could not be used, because "
          + defect
          + ", and could not be renamed aside ("
          + e.getMessage()
          + "); fix or remove it. Changes are not saved until then.";
    }
  }

  private void createDirectory() throws IOException {
    if (Files.isDirectory(directory)) {
      return;
    }
    if (isPosix()) {
      Files.createDirectories(
          directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
    } else {
      Files.createDirectories(directory);
    }
  }

  /** On Windows the folder under %APPDATA% is already the user's own. */
  private static Path createOwnerOnlyFile(Path directory, String prefix, String suffix)
      throws IOException {
    FileAttribute<?>[] attributes =
        isPosix()
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)}
            : new FileAttribute<?>[0];
    return Files.createTempFile(directory, prefix, suffix, attributes);
  }

  private static boolean isPosix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  /**
   * The file's shape. Numbers are boxed so a missing one takes its default rather than 0, and the
   * version lets a later console read an older file.
   */
  private record SettingsFile(
      Integer version,
      List<ServerFile> servers,
      Integer refreshSeconds,
      Integer timeoutSeconds,
      Integer idleMinutes,
      Map<SessionKind, TableLayout> tableLayouts,
      WindowSize window) {

    static SettingsFile of(Settings settings) {
      return new SettingsFile(
          FORMAT_VERSION,
          settings.servers().stream().map(ServerFile::of).toList(),
          settings.refreshSeconds(),
          settings.timeoutSeconds(),
          settings.idleMinutes(),
          settings.tableLayouts(),
          settings.window());
    }

    Settings toSettings() {
      if (version != null && version > FORMAT_VERSION) {
        throw new IllegalArgumentException(
            "it was written by a newer console (format " + version + ")");
      }
      List<SavedServer> saved =
          servers == null ? List.of() : servers.stream().map(ServerFile::toSavedServer).toList();
      return new Settings(
          saved,
          refreshSeconds == null ? Settings.DEFAULT_REFRESH_SECONDS : refreshSeconds,
          timeoutSeconds == null ? Settings.DEFAULT_TIMEOUT_SECONDS : timeoutSeconds,
          idleMinutes == null ? Settings.DEFAULT_IDLE_MINUTES : idleMinutes,
          tableLayouts,
          window);
    }
  }

  /**
   * One server in the file; its {@code toString} leaves the token out like {@link SavedServer}.
   *
   * @param certificate the pinned certificate's DER in Base64; null when none is pinned
   */
  private record ServerFile(String name, URI agentUrl, String token, String certificate) {
    static ServerFile of(SavedServer server) {
      return new ServerFile(
          server.name(),
          server.agentUrl(),
          server.token(),
          server.pin() == null ? null : server.pin().toBase64());
    }

    SavedServer toSavedServer() {
      if (name == null || agentUrl == null || token == null) {
        throw new IllegalArgumentException("a server lacks its name, agentUrl or token");
      }
      return new SavedServer(
          name,
          agentUrl,
          token,
          certificate == null ? null : PinnedCertificate.fromBase64(certificate));
    }

    @Override
    public String toString() {
      return "ServerFile[" + name + " " + agentUrl + "]";
    }
  }
}
