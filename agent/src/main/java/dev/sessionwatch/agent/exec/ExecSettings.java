package dev.sessionwatch.agent.exec;

import dev.sessionwatch.agent.config.ConfigException;
import dev.sessionwatch.agent.config.ConfigSection;
import dev.sessionwatch.agent.config.Durations;
import dev.sessionwatch.agent.source.SessionSource;
import dev.sessionwatch.agent.source.SourceSettings;
import dev.sessionwatch.protocol.SessionKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One exec adapter: a source whose sessions a program of the operator's prints, for a panel the
 * agent has no source of its own for.
 *
 * @param name the source's name, and the prefix every session id the list command prints must have
 *     ({@code NAME:})
 * @param kind the kind of every session it lists
 * @param list the command that prints the sessions: an absolute program path and its arguments
 * @param end the command that ends one, given the session's id as its last argument; empty when the
 *     adapter only lists
 * @param timeout how long either command may run
 * @param maxOutputBytes how much either command may print
 */
public record ExecSettings(
    String name,
    SessionKind kind,
    List<String> list,
    List<String> end,
    Duration timeout,
    int maxOutputBytes)
    implements SourceSettings {

  /** The section under {@code sources:} that holds the adapters. */
  public static final String KEY = "exec";

  /**
   * Lower case, starting with a letter: so it can be a source name, and no id that starts with it
   * can be mistaken for an option by the end command.
   */
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  private static final int DEFAULT_MAX_OUTPUT_BYTES = 1024 * 1024;

  public ExecSettings {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    list = List.copyOf(list);
    end = List.copyOf(end);
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not an adapter name: " + name);
    }
    if (list.isEmpty()) {
      throw new IllegalArgumentException("an adapter needs a list command");
    }
    Durations.requirePositive(timeout, "timeout");
    if (maxOutputBytes <= 0) {
      throw new IllegalArgumentException("maxOutputBytes must be positive, was " + maxOutputBytes);
    }
  }

  /**
   * Reads the {@code exec} section: a list of adapters under {@code adapters}, none by default.
   *
   * @throws ConfigException naming the adapter's setting that is wrong
   */
  public static List<ExecSettings> read(ConfigSection section) throws ConfigException {
    List<ExecSettings> adapters = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (ConfigSection adapter : section.sections("adapters")) {
      ExecSettings settings = readAdapter(adapter);
      adapter.finish();
      if (!names.add(settings.name())) {
        throw adapter.invalid("name", "repeats the name of an earlier adapter");
      }
      adapters.add(settings);
    }
    return adapters;
  }

  private static ExecSettings readAdapter(ConfigSection adapter) throws ConfigException {
    String name = adapter.string("name", null);
    if (name == null || !NAME.matcher(name).matches()) {
      throw adapter.invalid(
          "name",
          "must be the adapter's source name: lower-case letters, digits and '-', starting with"
              + " a letter (e.g. webmin)");
    }
    String kindText = adapter.string("kind", null);
    SessionKind kind;
    try {
      kind = SessionKind.fromWire(kindText);
    } catch (IllegalArgumentException e) {
      throw adapter.invalid("kind", "must be panel, ftp or terminal");
    }
    List<String> list = command(adapter, "list");
    if (list.isEmpty()) {
      throw adapter.invalid("list", "is required: the command that prints the sessions");
    }
    return new ExecSettings(
        name,
        kind,
        list,
        command(adapter, "end"),
        adapter.positiveSeconds("timeoutSeconds", DEFAULT_TIMEOUT, 300),
        adapter.integer("maxOutputBytes", DEFAULT_MAX_OUTPUT_BYTES, 1024, 64 * 1024 * 1024));
  }

  /** A command line whose program is an absolute path: what runs must not depend on a PATH. */
  private static List<String> command(ConfigSection adapter, String key) throws ConfigException {
    List<String> command = adapter.strings(key);
    if (!command.isEmpty() && !Path.of(command.get(0)).isAbsolute()) {
      throw adapter.invalid(key, "must start with the program's absolute path");
    }
    return command;
  }

  @Override
  public SessionSource newSource() {
    return new ExecSource(this);
  }
}
