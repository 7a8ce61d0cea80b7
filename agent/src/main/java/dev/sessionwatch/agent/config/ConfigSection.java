package dev.sessionwatch.agent.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One mapping of the configuration file, read key by key with defaults; {@link #finish} then
 * refuses any key nobody read, so a misspelt setting stops the start instead of being ignored.
 */
public final class ConfigSection {
  private final String prefix;
  private final JsonNode node;
  private final Set<String> known = new LinkedHashSet<>();

  ConfigSection(String prefix, JsonNode node) throws ConfigException {
    this.prefix = prefix;
    this.node = node == null || node.isNull() ? MissingNode.getInstance() : node;
    if (!this.node.isMissingNode() && !this.node.isObject()) {
      throw new ConfigException(
          "setting '" + (prefix.isEmpty() ? "(top level)" : prefix) + "' must be a mapping");
    }
  }

  public String string(String key, String fallback) throws ConfigException {
    JsonNode value = value(key);
    if (value.isMissingNode()) {
      return fallback;
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw invalid(key, "must be a non-empty string");
    }
    return value.asText();
  }

  public Path path(String key, Path fallback) throws ConfigException {
    String text = string(key, null);
    return text == null ? fallback : Path.of(text);
  }

  public boolean bool(String key, boolean fallback) throws ConfigException {
    JsonNode value = value(key);
    if (value.isMissingNode()) {
      return fallback;
    }
    if (!value.isBoolean()) {
      throw invalid(key, "must be true or false");
    }
    return value.asBoolean();
  }

  public int integer(String key, int fallback, int min, int max) throws ConfigException {
    JsonNode value = value(key);
    if (value.isMissingNode()) {
      return fallback;
    }
    if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
      throw invalid(key, "must be a whole number from " + min + " to " + max);
    }
    return value.asInt();
  }

  public Duration seconds(String key, Duration fallback, double max) throws ConfigException {
    JsonNode value = value(key);
    if (value.isMissingNode()) {
      return fallback;
    }
    if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > max) {
      throw invalid(key, "must be a number of seconds from 0 to " + max);
    }
    return Duration.ofMillis(Math.round(value.asDouble() * 1000));
  }

  /** A time limit: like {@link #seconds}, but zero is refused. */
  public Duration positiveSeconds(String key, Duration fallback, double max)
      throws ConfigException {
    Duration value = seconds(key, fallback, max);
    if (value.isZero()) {
      throw invalid(key, "must be more than 0 seconds");
    }
    return value;
  }

  /** A list of non-empty strings, such as a command and its arguments; empty when absent. */
  public List<String> strings(String key) throws ConfigException {
    JsonNode value = value(key);
    if (value.isMissingNode()) {
      return List.of();
    }
    ConfigException wrong =
        invalid(key, "must be a list of non-empty strings, e.g. [/usr/bin/program, --flag]");
    if (!value.isArray() || value.isEmpty()) {
      throw wrong;
    }
    List<String> strings = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual() || item.asText().isEmpty()) {
        throw wrong;
      }
      strings.add(item.asText());
    }
    return List.copyOf(strings);
  }

  /** A list of mappings, each read as a section named {@code key[INDEX]}; empty when absent. */
  public List<ConfigSection> sections(String key) throws ConfigException {
    JsonNode value = value(key);
    if (value.isMissingNode() || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw invalid(key, "must be a list of mappings");
    }
    List<ConfigSection> sections = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      sections.add(new ConfigSection(qualified(key) + "[" + i + "]", value.get(i)));
    }
    return List.copyOf(sections);
  }

  /** A nested mapping, empty when absent. */
  public ConfigSection section(String key) throws ConfigException {
    return new ConfigSection(qualified(key), value(key));
  }

  /** Whether the key is present, without reading it. */
  public boolean has(String key) {
    return node.has(key);
  }

  /** Refuses every key that was not read, naming them and the keys that are known. */
  public void finish() throws ConfigException {
    List<String> unknown = new ArrayList<>();
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        unknown.add(qualified(name));
      }
    }
    if (!unknown.isEmpty()) {
      throw new ConfigException(
          "unknown setting"
              + (unknown.size() > 1 ? "s " : " ")
              + String.join(", ", unknown.stream().map(u -> "'" + u + "'").toList())
              + " (known here: "
              + String.join(", ", known)
              + ")");
    }
  }

  /** An error naming the setting by its full path, for a value the reader refuses. */
  public ConfigException invalid(String key, String problem) {
    return new ConfigException("setting '" + qualified(key) + "' " + problem);
  }

  private JsonNode value(String key) {
    known.add(key);
    return node.path(key);
  }

  private String qualified(String key) {
    return prefix.isEmpty() ? key : prefix + "." + key;
  }
}
