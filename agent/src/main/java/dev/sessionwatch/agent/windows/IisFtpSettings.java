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
 * Where the IIS FTP source finds PowerShell and IIS's configuration assembly, and its limits.
 *
 * @param powershell Windows PowerShell ({@code powershell.exe}), run by full path
 * @param inetsrvDirectory IIS's directory, holding {@code Microsoft.Web.Administration.dll}
 * @param grace how long a terminated session is watched for before the answer
 * @param timeout how long one run of the script may take (PowerShell starts slowly)
 */
public record IisFtpSettings(
    Path powershell, Path inetsrvDirectory, Duration grace, Duration timeout)
    implements SourceSettings {

  public IisFtpSettings {
    Objects.requireNonNull(powershell, "powershell");
    Objects.requireNonNull(inetsrvDirectory, "inetsrvDirectory");
    Durations.requireGrace(grace);
    Durations.requirePositive(timeout, "timeout");
  }

  /** Windows' own PowerShell and IIS directory under {@code %SystemRoot%\System32}. */
  public static IisFtpSettings defaults() {
    Path system32 = WindowsPaths.system32();
    return new IisFtpSettings(
        system32.resolve("WindowsPowerShell").resolve("v1.0").resolve("powershell.exe"),
        system32.resolve("inetsrv"),
        Duration.ofSeconds(2),
        Duration.ofSeconds(30));
  }

  /** Reads its section of the configuration, with these defaults for the keys left out. */
  public static IisFtpSettings read(ConfigSection section) throws ConfigException {
    IisFtpSettings defaults = defaults();
    return new IisFtpSettings(
        section.path("powershell", defaults.powershell()),
        section.path("inetsrvDirectory", defaults.inetsrvDirectory()),
        section.seconds("graceSeconds", defaults.grace(), 60),
        section.positiveSeconds("timeoutSeconds", defaults.timeout(), 300));
  }

  @Override
  public SessionSource newSource() {
    return new IisFtpSource(this);
  }
}
