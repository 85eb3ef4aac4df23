package dev.incidentflow.api.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How long a workflow's tasks waited to be picked up: from each {@code WORKFLOW_TASK_SCHEDULED} to
 * its {@code WORKFLOW_TASK_STARTED}, read from the workflow's event history. The server records the
 * start when a poller takes the task, so a long wait is a backlog (the worker's slots busy, the
 * machine's CPU taken) or the server's dispatch, not the workflow's own code.
 */
final class TaskWaits {
  private TaskWaits() {}

  /** The wait of every workflow task in {@code history}, in nanoseconds, in history order. */
  static List<Long> of(JsonNode history) {
    return scheduledFrom(history, Instant.MIN);
  }

  /**
   * Like {@link #of}, but only the tasks the server scheduled at or after {@code from}: the ones of
   * a phase rather than the workflow's whole life.
   */
  static List<Long> scheduledFrom(JsonNode history, Instant from) {
    List<Long> waits = new ArrayList<>();
    Map<Long, Instant> scheduledAt = new HashMap<>();
    for (JsonNode event : history.path("events")) {
      String type = event.path("eventType").asText();
      Instant at = Instant.parse(event.path("eventTime").asText());
      if (type.contains("WORKFLOW_TASK_SCHEDULED") || type.equals("WorkflowTaskScheduled")) {
        scheduledAt.put(event.path("eventId").asLong(), at);
      } else if (type.contains("WORKFLOW_TASK_STARTED") || type.equals("WorkflowTaskStarted")) {
        Instant scheduled =
            scheduledAt.get(
                event.path("workflowTaskStartedEventAttributes").path("scheduledEventId").asLong());
        if (scheduled != null && !scheduled.isBefore(from)) {
          waits.add(Duration.between(scheduled, at).toNanos());
        }
      }
    }
    return waits;
  }
}
