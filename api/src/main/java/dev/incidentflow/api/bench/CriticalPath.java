package dev.incidentflow.api.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an incident workflow did between its start and the scheduling of its first page, read from
 * its Temporal event history: each activity in order with the time from its scheduling to its
 * completion (local activities by name). It shows where alert-to-page time goes beyond the floor's
 * single activity.
 */
final class CriticalPath {
  /**
   * The activity types that page: {@code OpeningActivities.openIncident}, which sends a new
   * incident's first page, and {@code PagingActivities.send}, which sends it when that failed (and
   * sent it in runs before the opening activity). When the opening's attempt failed, the path read
   * ends at the opening, before the page: the fake PagerDuty of the bench never fails.
   */
  static final Set<String> PAGE_ACTIVITIES = Set.of("OpenIncident", "Send");

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
   * Where one start-to-activity path spent its time, from the history's event times (milliseconds,
   * as the server records them): the first workflow task's wait to be picked up and its run, then
   * the wait of the activity's task. The rest of the measured latency is the start call's return
   * and the activity's own work until its effect arrives.
   */
  record Segments(long firstTaskWaitMillis, long firstTaskRunMillis, long activityWaitMillis) {}

  /**
   * The {@link Segments} of the path from the workflow's start to the task of the first activity of
   * one of the {@code activities} types being picked up, when the first workflow task scheduled it;
   * empty otherwise.
   */
  static Optional<Segments> segments(JsonNode history, Set<String> activities) {
    Instant taskScheduled = null;
    Instant taskStarted = null;
    Instant taskCompleted = null;
    long firstTaskStartedId = -1;
    long firstTaskCompletedId = -1;
    long activityScheduledId = -1;
    Instant activityScheduled = null;
    for (JsonNode event : history.path("events")) {
      String type = event.path("eventType").asText();
      Instant at = Instant.parse(event.path("eventTime").asText());
      if (is(type, "WORKFLOW_TASK_SCHEDULED", "WorkflowTaskScheduled") && taskScheduled == null) {
        taskScheduled = at;
      } else if (is(type, "WORKFLOW_TASK_STARTED", "WorkflowTaskStarted") && taskStarted == null) {
        taskStarted = at;
        firstTaskStartedId = event.path("eventId").asLong();
      } else if (is(type, "WORKFLOW_TASK_COMPLETED", "WorkflowTaskCompleted")
          && taskCompleted == null) {
        taskCompleted = at;
        firstTaskCompletedId = event.path("eventId").asLong();
      } else if (is(type, "ACTIVITY_TASK_SCHEDULED", "ActivityTaskScheduled")
          && activityScheduled == null
          && activities.contains(
              event
                  .path("activityTaskScheduledEventAttributes")
                  .path("activityType")
                  .path("name")
                  .asText())) {
        long scheduledBy =
            event
                .path("activityTaskScheduledEventAttributes")
                .path("workflowTaskCompletedEventId")
                .asLong();
        // The Java test server names the task's started event here, a real server its completed
        // one.
        if (scheduledBy != firstTaskStartedId && scheduledBy != firstTaskCompletedId) {
          return Optional.empty(); // a later workflow task scheduled it
        }
        activityScheduled = at;
        activityScheduledId = event.path("eventId").asLong();
      } else if (is(type, "ACTIVITY_TASK_STARTED", "ActivityTaskStarted")
          && activityScheduled != null
          && event.path("activityTaskStartedEventAttributes").path("scheduledEventId").asLong()
              == activityScheduledId) {
        return Optional.of(
            new Segments(
                Duration.between(taskScheduled, taskStarted).toMillis(),
                Duration.between(taskStarted, taskCompleted).toMillis(),
                Duration.between(activityScheduled, at).toMillis()));
      }
    }
    return Optional.empty();
  }

  /** The p50 of each segment over {@code paths}, as one line. */
  static String summary(List<Segments> paths) {
    if (paths.isEmpty()) {
      return "no history showed it";
    }
    return String.format(
        Locale.ROOT,
        "first workflow task waited %d ms and ran %d ms; the activity's task waited %d ms (p50s,"
            + " n=%d)",
        p50(paths.stream().mapToLong(Segments::firstTaskWaitMillis).toArray()),
        p50(paths.stream().mapToLong(Segments::firstTaskRunMillis).toArray()),
        p50(paths.stream().mapToLong(Segments::activityWaitMillis).toArray()),
        paths.size());
  }

  private static long p50(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(sorted.length - 1) / 2];
  }

  private static boolean is(String type, String protoName, String shortName) {
    return type.contains(protoName) || type.equals(shortName);
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
        if (PAGE_ACTIVITIES.contains(name)) {
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
