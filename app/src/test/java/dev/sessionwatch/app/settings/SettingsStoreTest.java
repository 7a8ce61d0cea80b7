package dev.sessionwatch.app.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import dev.sessionwatch.app.agent.PinnedCertificate;
import dev.sessionwatch.app.testing.Certificates;
import dev.sessionwatch.protocol.SessionKind;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
  private static final String TOKEN = "sw_secret-token-0123456789";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T10:15:30Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  private SettingsStore store() {
    return new SettingsStore(dir.resolve("sessionwatch"), CLOCK);
  }

  private static Settings someSettings() {
    TableLayout layout =
        new TableLayout(
            List.of(
                new TableLayout.Column("server", 120, true),
                new TableLayout.Column("bytes-sent", 80, false)));
    return Settings.defaults()
        .withServers(
            List.of(
                new SavedServer("web01", URI.create("https://web01.example:7878"), TOKEN),
                new SavedServer("mail01", URI.create("http://10.0.0.5:7878"), "other")))
        .withRefreshSeconds(30)
        .withTableLayout(SessionKind.FTP, layout)
        .withWindow(new WindowSize(1440, 900));
  }

  @Test
  void readsBackWhatItWrote() throws IOException {
    Settings saved = someSettings();
    store().save(saved);

    LoadedSettings loaded = store().load();

    assertThat(loaded.settings()).isEqualTo(saved);
    assertThat(loaded.problem()).isNull();
  }

  @Test
  void keepsTheCertificatePinnedForAServer() throws IOException {
    PinnedCertificate pin = new PinnedCertificate(Certificates.made(dir, "web01"));
    Settings saved =
        Settings.defaults()
            .withServers(
                List.of(
                    new SavedServer(
                        "web01", URI.create("https://web01.example:7878"), TOKEN, pin)));
    store().save(saved);

    SavedServer loaded = store().load().settings().servers().get(0);

    assertThat(loaded.pin()).isEqualTo(pin);
    assertThat(loaded.pin().fingerprint()).isEqualTo(pin.fingerprint());
  }

  @Test
  void startsWithDefaultsWhenThereIsNoFile() {
    LoadedSettings loaded = store().load();

    assertThat(loaded.settings()).isEqualTo(Settings.defaults());
    assertThat(loaded.problem()).isNull();
  }

  @Test
  void writesTheFileReadableByItsOwnerOnly() throws IOException {
    Assumptions.assumeTrue(
        FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
        "needs a POSIX file system for permissions");
    store().save(someSettings());

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store().file())))
        .isEqualTo("rw-------");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(store().file().getParent())))
        .isEqualTo("rwx------");
  }

  @Test
  void leavesNoTemporaryFileBehind() throws IOException {
    store().save(someSettings());
    store().save(someSettings().withRefreshSeconds(60));

    try (var files = Files.list(store().file().getParent())) {
      assertThat(files.map(file -> file.getFileName().toString())).containsExactly("settings.json");
    }
  }

  @Test
  void keepsACorruptFileAsideAndSaysWhere() throws IOException {
    Files.createDirectories(store().file().getParent());
    String corrupt = "{\"servers\": [{\"name\": \"web01\", \"token\": \"" + TOKEN + "\"";
    Files.writeString(store().file(), corrupt);

    LoadedSettings loaded = store().load();

    Path aside = store().file().resolveSibling("settings.json.corrupt-20260301-101530");
    assertThat(aside).hasContent(corrupt);
    assertThat(store().file()).doesNotExist();
    assertThat(loaded.settings()).isEqualTo(Settings.defaults());
    assertThat(loaded.problem()).contains(aside.toString()).doesNotContain(TOKEN);
  }

  @Test
  void treatsSettingsOutOfRangeAsCorrupt() throws IOException {
    Files.createDirectories(store().file().getParent());
    Files.writeString(store().file(), "{\"refreshSeconds\": 7}");

    LoadedSettings loaded = store().load();

    assertThat(loaded.problem()).contains("refreshSeconds");
    assertThat(store().file().resolveSibling("settings.json.corrupt-20260301-101530")).exists();
  }

  @Test
  void neverOverwritesAFileItCouldNotRead() throws IOException {
    Files.createDirectories(store().file()); // a directory where the file should be
    SettingsStore store = store();

    LoadedSettings loaded = store.load();

    assertThat(loaded.problem()).contains("not saved");
    assertThatIOException().isThrownBy(() -> store.save(someSettings()));
    assertThat(store.file()).isDirectory();
  }

  @Test
  void givesMissingFieldsTheirDefaults() throws IOException {
    Files.createDirectories(store().file().getParent());
    Files.writeString(store().file(), "{\"version\": 1, \"refreshSeconds\": 0}");

    Settings settings = store().load().settings();

    assertThat(settings.refreshSeconds()).isZero();
    assertThat(settings.timeoutSeconds()).isEqualTo(Settings.DEFAULT_TIMEOUT_SECONDS);
    assertThat(settings.window()).isEqualTo(WindowSize.DEFAULT);
  }

  @Test
  void neverShowsATokenInToString() {
    assertThat(someSettings().toString()).contains("web01").doesNotContain(TOKEN);
  }

  @Test
  void findsTheConfigurationFolderOfEachPlatform() {
    Path home = Path.of("/home/ann");
    assertThat(SettingsStore.defaultDirectory(Map.of(), "Linux", home))
        .isEqualTo(Path.of("/home/ann/.config/sessionwatch"));
    assertThat(SettingsStore.defaultDirectory(Map.of("XDG_CONFIG_HOME", "/xdg"), "Linux", home))
        .isEqualTo(Path.of("/xdg/sessionwatch"));
    assertThat(SettingsStore.defaultDirectory(Map.of(), "Mac OS X", home))
        .isEqualTo(Path.of("/home/ann/Library/Application Support/Sessionwatch"));
    assertThat(SettingsStore.defaultDirectory(Map.of("APPDATA", "/appdata"), "Windows 11", home))
        .isEqualTo(Path.of("/appdata/Sessionwatch"));
    assertThat(
            SettingsStore.defaultDirectory(
                Map.of("SESSIONWATCH_CONFIG_DIR", "/tmp/sw"), "Linux", home))
        .isEqualTo(Path.of("/tmp/sw"));
  }
}
