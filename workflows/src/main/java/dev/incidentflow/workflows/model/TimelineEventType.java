package dev.incidentflow.workflows.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** The timeline event types; their wire names are a contract (see ARCHITECTURE.md). */
public enum TimelineEventType {
  DECLARED,
  ALERT_FIRED,
  ALERT_RESOLVED,
  PAGED,
  ESCALATED,
  ACKNOWLEDGED,
  IDENTIFIED,
  MITIGATED,
  RESOLVED,
  REOPENED,
  CLOSED,
  CANCELED,
  SEVERITY_CHANGED,
  ROLE_ASSIGNED,
  STATUS_UPDATE,
  UPDATE_OVERDUE,
  DECISION,
  CHANNEL_CREATED,
  /**
   * The channel took its incident's new severity into its name (data: {@code from}, {@code to}).
   */
  CHANNEL_RENAMED,
  /** The incident repeats one closed in the previous 30 days (data: {@code repeatOf}). */
  REPEAT_DETECTED,
  /**
   * A ticket was opened for the owning team, for an incident whose severity pages nobody (data:
   * {@code key}, {@code url}, {@code project}).
   */
  TICKET_CREATED,
  POSTMORTEM_SCHEDULED,
  POSTMORTEM_OVERDUE,
  POSTMORTEM_PUBLISHED,
  /**
   * The postmortem was handed over to another owner (data: {@code to}, and {@code from} when it had
   * an owner).
   */
  POSTMORTEM_HANDED_OVER,
  ACTION_ITEM_CREATED,
  ACTION_ITEM_OVERDUE,
  ACTION_ITEM_ESCALATED,
  ACTION_ITEM_DONE,
  /**
   * Jira moved a done action item out of done, and it is chased again (data: {@code jiraStatus},
   * and {@code reopenedAt} and {@code reopenedBy} when Jira said; {@code round}, which counts its
   * reopenings).
   */
  ACTION_ITEM_REOPENED;

  private static final String[] WIRE_NAMES =
      Arrays.stream(values()).map(TimelineEventType::wireName).toArray(String[]::new);

  /** Every type's wire name, in declaration order. */
  public static String[] wireNames() {
    return WIRE_NAMES.clone();
  }

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static TimelineEventType fromWire(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT));
  }
}
