package dev.incidentflow.api.json;

/** A status update or decision: {@code {"text": ..., "by": ...}}. */
public record NoteRequest(String text, String by) {}
