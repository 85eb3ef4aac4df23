package dev.incidentflow.api.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
}
