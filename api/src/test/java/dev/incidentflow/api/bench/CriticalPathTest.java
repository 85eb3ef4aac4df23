package dev.incidentflow.api.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CriticalPathTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String payload(String json) {
    return "{\"payloads\":[{\"data\":\""
        + Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8))
        + "\"}]}";
  }

  private static String localActivity(int id, String type) {
    return "{\"eventId\":\""
        + id
        + "\",\"eventTime\":\"2026-11-23T08:00:00.010Z\",\"eventType\":\"EVENT_TYPE_MARKER_RECORDED\","
        + "\"markerRecordedEventAttributes\":{\"markerName\":\"LocalActivity\",\"details\":{\"type\":"
        + payload("\"" + type + "\"")
        + "}}}";
  }

  private static String scheduled(int id, String at, String type) {
    return "{\"eventId\":\""
        + id
        + "\",\"eventTime\":\""
        + at
        + "\",\"eventType\":\"EVENT_TYPE_ACTIVITY_TASK_SCHEDULED\","
        + "\"activityTaskScheduledEventAttributes\":{\"activityType\":{\"name\":\""
        + type
        + "\"}}}";
  }

  @Test
  void listsLocalActivitiesByNameAndActivitiesWithTheirTimesUpToThePage() throws Exception {
    String history =
        "{\"events\":["
            + "{\"eventId\":\"1\",\"eventTime\":\"2026-11-23T08:00:00.000Z\",\"eventType\":\"EVENT_TYPE_WORKFLOW_EXECUTION_STARTED\"},"
            + "{\"eventId\":\"5\",\"eventTime\":\"2026-11-23T08:00:00.010Z\",\"eventType\":\"EVENT_TYPE_MARKER_RECORDED\","
            + "\"markerRecordedEventAttributes\":{\"markerName\":\"Version\",\"details\":{}}},"
            + localActivity(6, "CurrentPolicy")
            + ","
            + localActivity(7, "RecordIncident")
            + ","
            + scheduled(11, "2026-11-23T08:00:00.020Z", "OpenChannel")
            + ","
            + scheduled(13, "2026-11-23T08:00:00.021Z", "Send")
            + ","
            + "{\"eventId\":\"20\",\"eventTime\":\"2026-11-23T08:00:00.050Z\",\"eventType\":\"EVENT_TYPE_ACTIVITY_TASK_COMPLETED\","
            + "\"activityTaskCompletedEventAttributes\":{\"scheduledEventId\":\"11\"}}"
            + "]}";

    assertThat(CriticalPath.describe(JSON.readTree(history)))
        .isEqualTo(
            "3 activities in 21 ms before the page was scheduled: CurrentPolicy (local), RecordIncident (local),"
                + " OpenChannel ? (ms, scheduled to completed)");
  }

  @Test
  void theOpeningActivityIsThePageWhenItComesFirst() throws Exception {
    String history =
        "{\"events\":["
            + "{\"eventId\":\"1\",\"eventTime\":\"2026-11-23T08:00:00.000Z\",\"eventType\":\"EVENT_TYPE_WORKFLOW_EXECUTION_STARTED\"},"
            + scheduled(5, "2026-11-23T08:00:00.003Z", "OpenIncident")
            + ","
            + scheduled(11, "2026-11-23T08:00:00.020Z", "OpenChannel")
            + "]}";

    assertThat(CriticalPath.describe(JSON.readTree(history)))
        .isEqualTo(
            "0 activities in 3 ms before the page was scheduled (ms, scheduled to completed)");
  }

  private static String event(int id, String millis, String type, String attributes) {
    return "{\"eventId\":\""
        + id
        + "\",\"eventTime\":\"2026-11-23T08:00:00."
        + millis
        + "Z\",\"eventType\":\"EVENT_TYPE_"
        + type
        + "\""
        + (attributes.isEmpty() ? "" : "," + attributes)
        + "}";
  }

  /** A new incident's history; the page is scheduled by the task completed as event {@code by}. */
  private static String firstTaskPages(int by) {
    return "{\"events\":["
        + String.join(
            ",",
            event(1, "000", "WORKFLOW_EXECUTION_STARTED", ""),
            event(2, "000", "WORKFLOW_TASK_SCHEDULED", ""),
            event(3, "001", "WORKFLOW_TASK_STARTED", ""),
            event(4, "015", "WORKFLOW_TASK_COMPLETED", ""),
            event(
                5,
                "015",
                "ACTIVITY_TASK_SCHEDULED",
                "\"activityTaskScheduledEventAttributes\":{\"activityType\":{\"name\":\"Send\"},"
                    + "\"workflowTaskCompletedEventId\":\""
                    + by
                    + "\"}"),
            event(
                6,
                "017",
                "ACTIVITY_TASK_STARTED",
                "\"activityTaskStartedEventAttributes\":{\"scheduledEventId\":\"5\"}"))
        + "]}";
  }

  @Test
  void segmentsSplitTheFirstTaskFromTheActivitysWait() throws Exception {
    // The Java test server names the task's started event (3), a real server its completed one (4).
    for (int by : new int[] {3, 4}) {
      assertThat(CriticalPath.segments(JSON.readTree(firstTaskPages(by)), Set.of("Send")))
          .contains(new CriticalPath.Segments(1, 14, 2));
    }
  }

  @Test
  void anActivityScheduledByALaterTaskHasNoSegments() throws Exception {
    assertThat(CriticalPath.segments(JSON.readTree(firstTaskPages(9)), Set.of("Send"))).isEmpty();
    assertThat(CriticalPath.segments(JSON.readTree(firstTaskPages(4)), Set.of("NoOp"))).isEmpty();
  }

  @Test
  void summaryGivesEachSegmentsMedian() {
    assertThat(
            CriticalPath.summary(
                List.of(
                    new CriticalPath.Segments(0, 10, 1),
                    new CriticalPath.Segments(2, 30, 1),
                    new CriticalPath.Segments(1, 20, 5))))
        .isEqualTo(
            "first workflow task waited 1 ms and ran 20 ms; the activity's task waited 1 ms (p50s,"
                + " n=3)");
    assertThat(CriticalPath.summary(List.of())).isEqualTo("no history showed it");
  }
}
