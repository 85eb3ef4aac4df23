package dev.incidentflow.api.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TaskWaitsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Where the phase in these tests begins: 10 s into the histories' minute. */
  private static final Instant PHASE_START = Instant.parse("2026-12-03T08:00:10Z");

  /** An event of the given type at {@code at} seconds past 08:00:00 on 2026-12-03. */
  private static String event(int id, String at, String type) {
    return event(id, at, type, "");
  }

  private static String event(int id, String at, String type, String attributes) {
    return "{\"eventId\":\""
        + id
        + "\",\"eventTime\":\"2026-12-03T08:00:"
        + at
        + "Z\",\"eventType\":\"EVENT_TYPE_"
        + type
        + "\""
        + attributes
        + "}";
  }

  /**
   * An event whose attributes (named after its type, as protobuf's JSON names them) hold one field,
   * {@code value} being JSON.
   */
  private static String event(int id, String at, String type, String field, String value) {
    StringBuilder attributes = new StringBuilder();
    for (String word : type.toLowerCase(Locale.ROOT).split("_")) {
      attributes.append(
          attributes.length() == 0
              ? word
              : Character.toUpperCase(word.charAt(0)) + word.substring(1));
    }
    return event(
        id, at, type, ",\"" + attributes + "EventAttributes\":{\"" + field + "\":" + value + "}");
  }

  private static String started(int id, String at, int scheduledId) {
    return event(id, at, "WORKFLOW_TASK_STARTED", "scheduledEventId", "\"" + scheduledId + "\"");
  }

  /** A completion as the Java test server records it, naming the scheduled event only. */
  private static String completed(int id, String at, int scheduledId) {
    return event(id, at, "WORKFLOW_TASK_COMPLETED", "scheduledEventId", "\"" + scheduledId + "\"");
  }

  private static String activityScheduled(int id, String at, String type) {
    return event(id, at, "ACTIVITY_TASK_SCHEDULED", "activityType", "{\"name\":\"" + type + "\"}");
  }

  private static String activityStarted(int id, String at, int scheduledId) {
    return event(id, at, "ACTIVITY_TASK_STARTED", "scheduledEventId", "\"" + scheduledId + "\"");
  }

  private static String timerStarted(int id, String at, String timeout) {
    return event(id, at, "TIMER_STARTED", "startToFireTimeout", "\"" + timeout + "\"");
  }

  private static String timerFired(int id, String at, int startedId) {
    return event(id, at, "TIMER_FIRED", "startedEventId", "\"" + startedId + "\"");
  }

  private static long millis(long millis) {
    return TimeUnit.MILLISECONDS.toNanos(millis);
  }

  private static JsonNode history(String... events) throws Exception {
    return JSON.readTree("{\"events\":[" + String.join(",", events) + "]}");
  }

  @Test
  void eachWorkflowTaskWaitsFromItsSchedulingToItsStartEvenWithEventsBetween() throws Exception {
    JsonNode history =
        history(
            event(1, "00.000", "WORKFLOW_EXECUTION_STARTED"),
            event(2, "00.000", "WORKFLOW_TASK_SCHEDULED"),
            started(3, "00.004", 2),
            event(4, "00.400", "WORKFLOW_TASK_COMPLETED"),
            event(5, "00.769", "WORKFLOW_TASK_SCHEDULED"),
            event(6, "00.842", "ACTIVITY_TASK_COMPLETED"),
            started(7, "19.313", 5));

    assertThat(TaskWaits.of(history)).containsExactly(millis(4), millis(18_544));
  }

  @Test
  void aPhaseCountsOnlyTheTasksScheduledFromItsStart() throws Exception {
    JsonNode history =
        history(
            event(2, "00.000", "WORKFLOW_TASK_SCHEDULED"),
            started(3, "09.000", 2),
            event(5, "10.000", "WORKFLOW_TASK_SCHEDULED"),
            started(6, "10.003", 5));

    assertThat(TaskWaits.scheduledFrom(history, PHASE_START)).containsExactly(millis(3));
  }

  @Test
  void aTimerFiresLateByWhatItsFiringCameAfterItsStartPlusItsDuration() throws Exception {
    JsonNode history =
        history(
            timerStarted(5, "00.250", "1.250s"),
            timerStarted(6, "00.500", "10s"),
            timerFired(9, "01.500", 5),
            timerFired(12, "12.125", 6),
            timerStarted(13, "12.200", "30s"));

    // Due at 01.500 (before the phase) and at 10.500; the last has not fired.
    assertThat(TaskWaits.timerFiringsDueFrom(history, PHASE_START)).containsExactly(millis(1_625));
    assertThat(TaskWaits.timerFiringsDueFrom(history, Instant.MIN))
        .containsExactly(0L, millis(1_625));
  }

  @Test
  void aWorkflowTaskRunsFromItsStartToItsCompletionAndOnlyThePhasesCount() throws Exception {
    JsonNode history =
        history(
            event(2, "00.000", "WORKFLOW_TASK_SCHEDULED"),
            started(3, "00.010", 2),
            completed(4, "00.030", 2),
            event(5, "10.000", "WORKFLOW_TASK_SCHEDULED"),
            started(6, "12.000", 5),
            completed(7, "12.250", 5),
            event(8, "13.000", "WORKFLOW_TASK_SCHEDULED"),
            started(9, "13.001", 8));

    assertThat(TaskWaits.runsScheduledFrom(history, PHASE_START)).containsExactly(millis(250));
  }

  @Test
  void activitiesWaitFromTheirSchedulingToTheirStartByType() throws Exception {
    JsonNode history =
        history(
            activityScheduled(5, "00.000", "PostMessage"),
            activityScheduled(6, "10.000", "Send"),
            activityScheduled(7, "10.000", "PostMessage"),
            activityStarted(8, "10.020", 6),
            activityStarted(9, "14.000", 7),
            activityStarted(10, "14.000", 5));

    assertThat(TaskWaits.activityWaitsScheduledFrom(history, PHASE_START))
        .containsOnly(
            entry("Send", List.of(millis(20))),
            entry("PostMessage", List.of(TimeUnit.SECONDS.toNanos(4))));
  }

  @Test
  void aTaskScheduledButNotStartedHasNoWaitYet() throws Exception {
    assertThat(TaskWaits.of(history(event(2, "00.000", "WORKFLOW_TASK_SCHEDULED")))).isEmpty();
  }

  @Test
  void theLongestWaitCountsATaskNotPickedUpYetAsWaitingUntilTheHistoryIsRead() throws Exception {
    String[] events = {
      event(2, "00.000", "WORKFLOW_TASK_SCHEDULED"),
      started(3, "20.000", 2),
      completed(4, "20.010", 2),
      event(5, "30.000", "WORKFLOW_TASK_SCHEDULED")
    };
    Instant readAt = Instant.parse("2026-12-03T08:00:45Z");

    TaskWaits.LongestWait waiting = TaskWaits.longestWait(history(events), readAt);
    List<String> pickedUp = new ArrayList<>(List.of(events));
    pickedUp.add(started(6, "30.500", 5));
    TaskWaits.LongestWait done =
        TaskWaits.longestWait(history(pickedUp.toArray(String[]::new)), readAt);

    // the first task waited longest; the second had waited 15 s when read, and was then picked up
    assertThat(waiting)
        .isEqualTo(new TaskWaits.LongestWait(millis(20_000), OptionalLong.of(millis(15_000))));
    assertThat(done).isEqualTo(new TaskWaits.LongestWait(millis(20_000), OptionalLong.empty()));
  }
}
