package dev.sessionwatch.agent.source;

/** One source's validated settings from the configuration file: all it needs to be built. */
public interface SourceSettings {

  /** The source these settings describe. */
  SessionSource newSource();
}
