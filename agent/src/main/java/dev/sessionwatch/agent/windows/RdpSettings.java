package dev.sessionwatch.agent.windows;

import dev.sessionwatch.agent.config.ConfigException;
import dev.sessionwatch.agent.config.ConfigSection;
import dev.sessionwatch.agent.config.Durations;
import dev.sessionwatch.agent.source.SessionSource;
import dev.sessionwatch.agent.source.SourceSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the Remote Desktop source finds Windows' session tools, and its limits.
 *
 * @param systemDirectory where {@code quser.exe}, {@code qwinsta.exe}, {@code tsdiscon.exe}, {@code
 *     logoff.exe} and {@code msg.exe} are; they are run by full path, never looked up
 * @param messageSeconds how long a message stays on the user's screen ({@code msg /TIME:})
 * @param grace how long a disconnect or log-out is watched for before the answer
 * @param timeout how long each tool may run
 */
public record RdpSettings(
    Path systemDirectory, int messageSeconds, Duration grace, Duration timeout)
    implements SourceSettings {

  public RdpSettings {
    Objects.requireNonNull(systemDirectory, "systemDirectory");
    if (messageSeconds < 1) {
      throw new IllegalArgumentException("messageSeconds must be positive, was " + messageSeconds);
    }
    Durations.requireGrace(grace);
    Durations.requirePositive(timeout, "timeout");
  }

  /** {@code %SystemRoot%\System32}; msg's own default of 60 s. */
  public static RdpSettings defaults() {
    return new RdpSettings(
        WindowsPaths.system32(), 60, Duration.ofSeconds(2), Duration.ofSeconds(10));
  }

  /** Reads its section of the configuration, with these defaults for the keys left out. */
  public static RdpSettings read(ConfigSection section) throws ConfigException {
    RdpSettings defaults = defaults();
    return new RdpSettings(
        section.path("systemDirectory", defaults.systemDirectory()),
        section.integer("messageSeconds", defaults.messageSeconds(), 1, 3600),
        section.seconds("graceSeconds", defaults.grace(), 60),
        section.positiveSeconds("timeoutSeconds", defaults.timeout(), 300));
  }

  @Override
  public SessionSource newSource() {
    return new RdpSource(this);
  }
}
