package dev.incidentflow.api.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TaskWaitsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String event(int id, String at, String type) {
    return "{\"eventId\":\""
        + id
        + "\",\"eventTime\":\"2026-12-03T08:00:"
        + at
        + "Z\",\"eventType\":\"EVENT_TYPE_"
        + type
        + "\"";
  }

  private static String started(int id, String at, int scheduledId) {
    return event(id, at, "WORKFLOW_TASK_STARTED")
        + ",\"workflowTaskStartedEventAttributes\":{\"scheduledEventId\":\""
        + scheduledId
        + "\"}}";
  }

  @Test
  void eachWorkflowTaskWaitsFromItsSchedulingToItsStartEvenWithEventsBetween() throws Exception {
    String history =
        "{\"events\":["
            + event(1, "00.000", "WORKFLOW_EXECUTION_STARTED")
            + "},"
            + event(2, "00.000", "WORKFLOW_TASK_SCHEDULED")
            + "},"
            + started(3, "00.004", 2)
            + ","
            + event(4, "00.400", "WORKFLOW_TASK_COMPLETED")
            + "},"
            + event(5, "00.769", "WORKFLOW_TASK_SCHEDULED")
            + "},"
            + event(6, "00.842", "ACTIVITY_TASK_COMPLETED")
            + "},"
            + started(7, "19.313", 5)
            + "]}";

    assertThat(TaskWaits.of(JSON.readTree(history)))
        .containsExactly(TimeUnit.MILLISECONDS.toNanos(4), TimeUnit.MILLISECONDS.toNanos(18_544));
  }

  @Test
  void aPhaseCountsOnlyTheTasksScheduledFromItsStart() throws Exception {
    String history =
        "{\"events\":["
            + event(2, "00.000", "WORKFLOW_TASK_SCHEDULED")
            + "},"
            + started(3, "09.000", 2)
            + ","
            + event(5, "10.000", "WORKFLOW_TASK_SCHEDULED")
            + "},"
            + started(6, "10.003", 5)
            + "]}";

    assertThat(
            TaskWaits.scheduledFrom(JSON.readTree(history), Instant.parse("2026-12-03T08:00:10Z")))
        .containsExactly(TimeUnit.MILLISECONDS.toNanos(3));
  }

  @Test
  void aTaskScheduledButNotStartedHasNoWaitYet() throws Exception {
    String history = "{\"events\":[" + event(2, "00.000", "WORKFLOW_TASK_SCHEDULED") + "}" + "]}";

    assertThat(TaskWaits.of(JSON.readTree(history))).isEmpty();
  }
}
