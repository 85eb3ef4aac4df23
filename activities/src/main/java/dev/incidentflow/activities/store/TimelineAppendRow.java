package dev.incidentflow.activities.store;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.activities.TimelineEntry;
import java.time.Instant;

/**
 * A timeline entry in its stored form, before the database numbers it. Public only because jdbi
 * binds its accessors reflectively.
 */
public record TimelineAppendRow(
    String idempotencyKey, Instant at, String type, String byWhom, String text, String data) {

  public TimelineAppendRow {
    requireNonNull(idempotencyKey, "idempotencyKey is null");
    requireNonNull(at, "at is null");
    requireNonNull(type, "type is null");
    requireNonNull(byWhom, "byWhom is null");
    requireNonNull(text, "text is null");
    requireNonNull(data, "data is null");
  }

  static TimelineAppendRow of(TimelineEntry entry) {
    return new TimelineAppendRow(
        entry.key(),
        entry.at(),
        entry.type().wireName(),
        entry.by(),
        entry.text(),
        JsonColumns.write(entry.data()));
  }
}
