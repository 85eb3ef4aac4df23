package dev.incidentflow.workflows.activities;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.model.TimelineEvent;
import dev.incidentflow.workflows.model.TimelineEventType;
import java.time.Instant;
import java.util.Map;

/**
 * A timeline event before the database numbers it.
 *
 * @param key unique within the incident and the same on every retry and replay: the workflow id and
 *     the step, e.g. {@code postmortem-INC-7/overdue}
 */
public record TimelineEntry(
    String key,
    Instant at,
    TimelineEventType type,
    String by,
    String text,
    Map<String, String> data) {

  public TimelineEntry {
    requireNonNull(key, "key is null");
    if (key.isBlank()) {
      throw new IllegalArgumentException("key is blank");
    }
    requireNonNull(at, "at is null");
    requireNonNull(type, "type is null");
    by = by == null || by.isBlank() ? TimelineEvent.SYSTEM : by;
    text = text == null ? "" : text;
    data = data == null ? Map.of() : Map.copyOf(data);
  }
}
