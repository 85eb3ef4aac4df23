package dev.incidentflow.workflows.activities;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Timeline entries to append to one incident's timeline, in order. */
public record TimelineAppend(long incidentNumber, List<TimelineEntry> entries) {

  public TimelineAppend {
    if (incidentNumber < 1) {
      throw new IllegalArgumentException("incident numbers start at 1: " + incidentNumber);
    }
    entries = List.copyOf(requireNonNull(entries, "entries is null"));
    Set<String> keys = new HashSet<>();
    for (TimelineEntry entry : entries) {
      if (!keys.add(entry.key())) {
        throw new IllegalArgumentException("two entries share the key " + entry.key());
      }
    }
  }

  public static TimelineAppend of(long incidentNumber, TimelineEntry entry) {
    return new TimelineAppend(incidentNumber, List.of(entry));
  }
}
