package dev.sessionwatch.app.details;

/** One line of the details dialog: a readable label and the value as people read it. */
public record DetailField(String label, String value) {}
