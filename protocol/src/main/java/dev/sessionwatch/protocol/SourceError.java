package dev.sessionwatch.protocol;

/** A source that failed while listing: the other sources' sessions are still in the list. */
public record SourceError(String source, String message) {}
