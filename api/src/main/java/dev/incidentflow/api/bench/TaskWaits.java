package dev.incidentflow.api.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A workflow's tasks and timers, timed from its event history. How long its workflow tasks waited
 * to be picked up: from each {@code WORKFLOW_TASK_SCHEDULED} to its {@code WORKFLOW_TASK_STARTED}.
 * The server records the start when a poller takes the task, so a long wait is a backlog (the
 * worker's slots busy, the machine's CPU taken) or the server's dispatch, not the workflow's own
 * code. Also how long those tasks ran, how long activity tasks waited, and how late the server
 * fired timers.
 */
final class TaskWaits {
  private TaskWaits() {}

  /** A workflow task's events' times; null for those not in the history yet. */
  private record WorkflowTask(Instant scheduled, Instant started, Instant completed) {}

  /** The wait of every workflow task in {@code history}, in nanoseconds, in history order. */
  static List<Long> of(JsonNode history) {
    return scheduledFrom(history, Instant.MIN);
  }

  /**
   * Like {@link #of}, but only the tasks the server scheduled at or after {@code from}: the ones of
   * a phase rather than the workflow's whole life.
   */
  static List<Long> scheduledFrom(JsonNode history, Instant from) {
    return workflowTasks(history, from).stream()
        .filter(task -> task.started() != null)
        .map(task -> Duration.between(task.scheduled(), task.started()).toNanos())
        .toList();
  }

  /**
   * The longest wait of any of the workflow's tasks to be picked up, in nanoseconds, a task not
   * picked up yet counted as waiting until {@code readAt}; and, when a task was not picked up yet,
   * how long it had waited by then.
   */
  record LongestWait(long nanos, OptionalLong pending) {}

  static LongestWait longestWait(JsonNode history, Instant readAt) {
    long longest = 0;
    OptionalLong pending = OptionalLong.empty();
    for (WorkflowTask task : workflowTasks(history, Instant.MIN)) {
      Instant end = task.started() == null ? readAt : task.started();
      long wait = Duration.between(task.scheduled(), end).toNanos();
      if (task.started() == null && (pending.isEmpty() || wait > pending.getAsLong())) {
        pending = OptionalLong.of(wait);
      }
      longest = Math.max(longest, wait);
    }
    return new LongestWait(longest, pending);
  }

  /**
   * How long the workflow tasks that the server scheduled at or after {@code from} ran, from each
   * {@code WORKFLOW_TASK_STARTED} to its {@code WORKFLOW_TASK_COMPLETED}, in nanoseconds: the
   * workflow's code and the local activities (the incident's saves and lookups) that ran in them.
   */
  static List<Long> runsScheduledFrom(JsonNode history, Instant from) {
    return workflowTasks(history, from).stream()
        .filter(task -> task.started() != null && task.completed() != null)
        .map(task -> Duration.between(task.started(), task.completed()).toNanos())
        .toList();
  }

  /**
   * The workflow tasks scheduled at or after {@code from}, in history order. Each event names its
   * task by the scheduled event's id (the Java test server leaves the started event's id out of a
   * completion).
   */
  private static List<WorkflowTask> workflowTasks(JsonNode history, Instant from) {
    Map<Long, WorkflowTask> tasks = new LinkedHashMap<>();
    for (JsonNode event : history.path("events")) {
      Instant at = Instant.parse(event.path("eventTime").asText());
      if (is(event, "WORKFLOW_TASK_SCHEDULED", "WorkflowTaskScheduled")) {
        if (!at.isBefore(from)) {
          tasks.put(event.path("eventId").asLong(), new WorkflowTask(at, null, null));
        }
      } else if (is(event, "WORKFLOW_TASK_STARTED", "WorkflowTaskStarted")) {
        tasks.computeIfPresent(
            event.path("workflowTaskStartedEventAttributes").path("scheduledEventId").asLong(),
            (id, task) -> new WorkflowTask(task.scheduled(), at, null));
      } else if (is(event, "WORKFLOW_TASK_COMPLETED", "WorkflowTaskCompleted")) {
        tasks.computeIfPresent(
            event.path("workflowTaskCompletedEventAttributes").path("scheduledEventId").asLong(),
            (id, task) -> new WorkflowTask(task.scheduled(), task.started(), at));
      }
    }
    return List.copyOf(tasks.values());
  }

  /**
   * How long the activity tasks that the server scheduled at or after {@code from} waited to be
   * picked up, from each {@code ACTIVITY_TASK_SCHEDULED} to its {@code ACTIVITY_TASK_STARTED}, in
   * nanoseconds, by activity type.
   */
  static Map<String, List<Long>> activityWaitsScheduledFrom(JsonNode history, Instant from) {
    Map<String, List<Long>> waits = new TreeMap<>();
    Map<Long, JsonNode> scheduled = new HashMap<>();
    for (JsonNode event : history.path("events")) {
      Instant at = Instant.parse(event.path("eventTime").asText());
      if (is(event, "ACTIVITY_TASK_SCHEDULED", "ActivityTaskScheduled") && !at.isBefore(from)) {
        scheduled.put(event.path("eventId").asLong(), event);
      } else if (is(event, "ACTIVITY_TASK_STARTED", "ActivityTaskStarted")) {
        JsonNode task =
            scheduled.get(
                event.path("activityTaskStartedEventAttributes").path("scheduledEventId").asLong());
        if (task != null) {
          String type =
              task.path("activityTaskScheduledEventAttributes")
                  .path("activityType")
                  .path("name")
                  .asText();
          Instant scheduledAt = Instant.parse(task.path("eventTime").asText());
          waits
              .computeIfAbsent(type, name -> new ArrayList<>())
              .add(Duration.between(scheduledAt, at).toNanos());
        }
      }
    }
    return waits;
  }

  /**
   * How late the server fired each timer in {@code history} that came due at or after {@code from}:
   * its {@code TIMER_FIRED} against its {@code TIMER_STARTED} plus the timer's duration, in
   * nanoseconds. The server's share of a timer's lateness; the rest is the workflow task's wait
   * (above) and the workflow's own (a timer started late, or work done before the timer's task).
   */
  static List<Long> timerFiringsDueFrom(JsonNode history, Instant from) {
    List<Long> delays = new ArrayList<>();
    Map<Long, Instant> dueAt = new HashMap<>();
    for (JsonNode event : history.path("events")) {
      Instant at = Instant.parse(event.path("eventTime").asText());
      if (is(event, "TIMER_STARTED", "TimerStarted")) {
        String timeout =
            event.path("timerStartedEventAttributes").path("startToFireTimeout").asText();
        dueAt.put(event.path("eventId").asLong(), at.plus(protoDuration(timeout)));
      } else if (is(event, "TIMER_FIRED", "TimerFired")) {
        Instant due =
            dueAt.get(event.path("timerFiredEventAttributes").path("startedEventId").asLong());
        if (due != null && !due.isBefore(from)) {
          delays.add(Duration.between(due, at).toNanos());
        }
      }
    }
    return delays;
  }

  /** Whether {@code event} is of a type, as protobuf's JSON names it or in its short form. */
  private static boolean is(JsonNode event, String protoName, String shortName) {
    String type = event.path("eventType").asText();
    return type.equals("EVENT_TYPE_" + protoName) || type.equals(shortName);
  }

  /** A duration as protobuf's JSON writes it: seconds with a fraction, then "s". */
  private static Duration protoDuration(String text) {
    return Duration.ofNanos(
        new BigDecimal(text.substring(0, text.length() - 1)).movePointRight(9).longValueExact());
  }
}
