package dev.incidentflow.workflows.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of an incident's timeline. {@code sequence} numbers the events of one incident from 1
 * so that persisting the same event twice (an activity retry) is a no-op.
 */
public record TimelineEvent(
    int sequence,
    Instant at,
    TimelineEventType type,
    String by,
    String text,
    Map<String, String> data) {

  public static final String SYSTEM = "system";

  /** Who a change Jira made is by: an issue closed or reopened there. */
  public static final String JIRA = "jira";

  public TimelineEvent {
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence must be positive: " + sequence);
    }
    requireNonNull(at, "at is null");
    requireNonNull(type, "type is null");
    by = by == null || by.isBlank() ? SYSTEM : by;
    text = text == null ? "" : text;
    data = data == null ? Map.of() : Map.copyOf(data);
  }
}
