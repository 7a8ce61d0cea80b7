package dev.sessionwatch.app.settings;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link SettingsStore#load()} found.
 *
 * @param problem what went wrong reading the file, in words for the user, naming where the
 *     unreadable file was kept; null when nothing did
 */
public record LoadedSettings(Settings settings, String problem) {
  public LoadedSettings {
    Objects.requireNonNull(settings, "settings");
  }

  public Optional<String> problemText() {
    return Optional.ofNullable(problem);
  }
}
