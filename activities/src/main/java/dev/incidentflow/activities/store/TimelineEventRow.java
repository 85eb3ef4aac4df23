package dev.incidentflow.activities.store;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.model.TimelineEvent;
import java.time.Instant;

/** A timeline event in its stored form: the type's wire name and the data as JSON. */
record TimelineEventRow(
    int sequence, Instant at, String type, String byWhom, String text, String data) {

  TimelineEventRow {
    requireNonNull(at, "at is null");
    requireNonNull(type, "type is null");
    requireNonNull(byWhom, "byWhom is null");
    requireNonNull(text, "text is null");
    requireNonNull(data, "data is null");
  }

  static TimelineEventRow of(TimelineEvent event) {
    return new TimelineEventRow(
        event.sequence(),
        event.at(),
        event.type().wireName(),
        event.by(),
        event.text(),
        JsonColumns.write(event.data()));
  }
}
