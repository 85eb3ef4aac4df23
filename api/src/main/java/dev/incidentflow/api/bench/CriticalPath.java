package dev.incidentflow.api.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an incident workflow did between its start and the scheduling of its first page, read from
 * its Temporal event history: each activity in order with the time from its scheduling to its
 * completion. It shows where alert-to-page time goes beyond the floor's single activity.
 */
final class CriticalPath {
  /** The activity type of {@code PagingActivities.send}. */
  static final String PAGE_ACTIVITY = "Send";

  private CriticalPath() {}

  /** {@code 11 activities in 212 ms before the page: CurrentPolicy 14 ms, ...}, or why it cannot say. */
  static String describe(JsonNode history) {
    Instant started = null;
    Map<Long, String> names = new HashMap<>();
    Map<Long, Instant> scheduledAt = new HashMap<>();
    List<Long> order = new ArrayList<>();
    Map<Long, Instant> completedAt = new HashMap<>();
    Instant pageScheduled = null;
    for (JsonNode event : history.path("events")) {
      String type = event.path("eventType").asText();
      Instant at = Instant.parse(event.path("eventTime").asText());
      long id = event.path("eventId").asLong();
      if (type.contains("WORKFLOW_EXECUTION_STARTED") || type.equals("WorkflowExecutionStarted")) {
        started = at;
      } else if (type.contains("ACTIVITY_TASK_SCHEDULED") || type.equals("ActivityTaskScheduled")) {
        String name = event.path("activityTaskScheduledEventAttributes").path("activityType").path("name").asText();
        if (PAGE_ACTIVITY.equals(name)) {
          pageScheduled = at;
          break;
        }
        names.put(id, name);
        scheduledAt.put(id, at);
        order.add(id);
      } else if (type.contains("ACTIVITY_TASK_COMPLETED") || type.equals("ActivityTaskCompleted")) {
        completedAt.put(event.path("activityTaskCompletedEventAttributes").path("scheduledEventId").asLong(), at);
      }
    }
    if (started == null || pageScheduled == null) {
      return "no page in the history";
    }
    StringBuilder text = new StringBuilder()
        .append(order.size()).append(" activities in ").append(Duration.between(started, pageScheduled).toMillis())
        .append(" ms before the page was scheduled:");
    for (long id : order) {
      Instant done = completedAt.get(id);
      text.append(' ').append(names.get(id)).append(' ')
          .append(done == null ? "?" : Long.toString(Duration.between(scheduledAt.get(id), done).toMillis()))
          .append(',');
    }
    text.setLength(text.length() - 1);
    return text.append(" (ms, scheduled to completed)").toString();
  }
}
