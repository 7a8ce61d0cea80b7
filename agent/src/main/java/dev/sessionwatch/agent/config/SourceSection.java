package dev.sessionwatch.agent.config;

import dev.sessionwatch.agent.source.SourceSettings;
import java.util.List;

/**
 * One source's section under {@code sources:} in the configuration file.
 *
 * @param key the section's name, which is also the source's name (unless the section configures
 *     several sources, each named in it)
 * @param enabledByDefault whether the source runs when the file does not mention it
 * @param reader reads the section's other keys ({@code enabled} is read here)
 */
public record SourceSection(String key, boolean enabledByDefault, SeveralReader reader) {

  /** A section that configures one source. */
  public SourceSection(String key, boolean enabledByDefault, Reader reader) {
    this(key, enabledByDefault, (SeveralReader) section -> List.of(reader.read(section)));
  }

  /** Reads a source's settings from its section, with defaults for the keys left out. */
  @FunctionalInterface
  public interface Reader {
    SourceSettings read(ConfigSection section) throws ConfigException;
  }

  /** Reads the settings of every source a section configures (the exec adapters, say). */
  @FunctionalInterface
  public interface SeveralReader {
    List<? extends SourceSettings> read(ConfigSection section) throws ConfigException;
  }
}
