package dev.sessionwatch.agent.config;

/** The configuration cannot be used; the message names the file and the setting. */
public final class ConfigException extends Exception {
  public ConfigException(String message) {
    super(message);
  }
}
