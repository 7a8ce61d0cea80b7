package dev.sessionwatch.agent.config;

import dev.sessionwatch.agent.source.SourceSettings;

/**
 * One source's section under {@code sources:} in the configuration file.
 *
 * @param key the section's name, which is also the source's name
 * @param enabledByDefault whether the source runs when the file does not mention it
 * @param reader reads the section's other keys ({@code enabled} is read here)
 */
public record SourceSection(String key, boolean enabledByDefault, Reader reader) {

  /** Reads a source's settings from its section, with defaults for the keys left out. */
  @FunctionalInterface
  public interface Reader {
    SourceSettings read(ConfigSection section) throws ConfigException;
  }
}
