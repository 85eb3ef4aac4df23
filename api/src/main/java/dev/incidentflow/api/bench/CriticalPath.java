package dev.incidentflow.api.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an incident workflow did between its start and the scheduling of its first page, read from
 * its Temporal event history: each activity in order with the time from its scheduling to its
 * completion (local activities by name). It shows where alert-to-page time goes beyond the floor's
 * single activity.
 */
final class CriticalPath {
  /** The activity type of {@code PagingActivities.send}. */
  static final String PAGE_ACTIVITY = "Send";

  /** The marker a local activity leaves in the history, with its type, times and result. */
  private static final String LOCAL_ACTIVITY_MARKER = "LocalActivity";

  private static final ObjectMapper JSON = new ObjectMapper();

  private CriticalPath() {}

  /** The JSON value of a Temporal payload list's first payload (base64 in proto JSON). */
  private static JsonNode payload(JsonNode payloads) {
    String data = payloads.path("payloads").path(0).path("data").asText("");
    try {
      return data.isEmpty() ? JSON.missingNode() : JSON.readTree(Base64.getDecoder().decode(data));
    } catch (IOException | IllegalArgumentException e) {
      return JSON.missingNode();
    }
  }

  /**
   * {@code 6 activities in 41 ms before the page: CurrentPolicy (local), ..., OpenChannel 30}, or
   * why it cannot say. Local activities run inside the workflow task and have no times of their
   * own.
   */
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
        String name =
            event
                .path("activityTaskScheduledEventAttributes")
                .path("activityType")
                .path("name")
                .asText();
        if (PAGE_ACTIVITY.equals(name)) {
          pageScheduled = at;
          break;
        }
        names.put(id, name);
        scheduledAt.put(id, at);
        order.add(id);
      } else if (type.contains("ACTIVITY_TASK_COMPLETED") || type.equals("ActivityTaskCompleted")) {
        completedAt.put(
            event.path("activityTaskCompletedEventAttributes").path("scheduledEventId").asLong(),
            at);
      } else if (type.contains("MARKER_RECORDED") || type.equals("MarkerRecorded")) {
        JsonNode marker = event.path("markerRecordedEventAttributes");
        if (LOCAL_ACTIVITY_MARKER.equals(marker.path("markerName").asText())) {
          // The marker is written when the workflow task completes; it holds no run time of its
          // own.
          names.put(id, payload(marker.path("details").path("type")).asText("?") + " (local)");
          order.add(id);
        }
      }
    }
    if (started == null || pageScheduled == null) {
      return "no page in the history";
    }
    StringBuilder text =
        new StringBuilder()
            .append(order.size())
            .append(" activities in ")
            .append(Duration.between(started, pageScheduled).toMillis())
            .append(" ms before the page was scheduled:");
    for (long id : order) {
      Instant scheduled = scheduledAt.get(id);
      Instant done = completedAt.get(id);
      text.append(' ').append(names.get(id));
      if (scheduled != null) {
        text.append(' ')
            .append(
                done == null ? "?" : Long.toString(Duration.between(scheduled, done).toMillis()));
      }
      text.append(',');
    }
    text.setLength(text.length() - 1);
    return text.append(" (ms, scheduled to completed)").toString();
  }
}
