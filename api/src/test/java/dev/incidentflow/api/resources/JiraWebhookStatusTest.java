package dev.incidentflow.api.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidentflow.workflows.activities.TrackerStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How a Jira webhook's {@code fields.status} reads as the status. */
class JiraWebhookStatusTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theStatusNameAndWhetherItsCategoryIsDone() throws Exception {
    assertThat(
            status(
                "{\"name\": \"Done\", \"statusCategory\": {\"key\": \"done\", \"name\": \"Done\"}}"))
        .isEqualTo(new TrackerStatus("PAY-1", "Done", true));
    assertThat(
            status("{\"name\": \"In Review\", \"statusCategory\": {\"key\": \"indeterminate\"}}"))
        .isEqualTo(new TrackerStatus("PAY-1", "In Review", false));
  }

  @Test
  void withoutANameTheCategorysNameOrKeyStandsIn() throws Exception {
    assertThat(status("{\"statusCategory\": {\"key\": \"done\", \"name\": \"Done\"}}"))
        .isEqualTo(new TrackerStatus("PAY-1", "Done", true));
    assertThat(status("{\"name\": \" \", \"statusCategory\": {\"key\": \"done\"}}"))
        .isEqualTo(new TrackerStatus("PAY-1", "done", true));
  }

  @Test
  void theTimeItTookTheStatusIsJirasStatusCategoryChangeOrTheEventsWhenItChangedTheStatus()
      throws Exception {
    String done = "{\"name\": \"Done\", \"statusCategory\": {\"key\": \"done\"}}";
    // Jira Cloud sends every field: statuscategorychangedate says when it became done.
    assertThat(
            event(
                1732180000000L,
                done,
                ", \"statuscategorychangedate\": \"2024-11-21T03:10:00.000-0500\"",
                "[{\"field\": \"status\", \"toString\": \"Done\"}]"))
        .isEqualTo(new TrackerStatus("PAY-1", "Done", true, Instant.parse("2024-11-21T08:10:00Z")));
    // Without it, an event that changed the status took it when it was sent...
    assertThat(event(1732180000000L, done, "", "[{\"field\": \"status\", \"toString\": \"Done\"}]"))
        .isEqualTo(new TrackerStatus("PAY-1", "Done", true, Instant.ofEpochMilli(1732180000000L)));
    // ...and one that changed something else does not say when.
    assertThat(event(1732180000000L, done, "", "[{\"field\": \"labels\"}]"))
        .isEqualTo(new TrackerStatus("PAY-1", "Done", true, null));
  }

  @Test
  void whoTookTheStatusIsTheEventsUserOnlyWhenTheEventChangedTheStatus() throws Exception {
    String reopened =
        "{\"name\": \"In Progress\", \"statusCategory\": {\"key\": \"indeterminate\"}}";
    String bob = "\"user\": {\"accountId\": \"acc-bob\", \"displayName\": \"Bob Stone\"}, ";
    assertThat(
            JiraWebhookResource.statusOf(
                JSON.readTree(
                    "{"
                        + bob
                        + "\"timestamp\": 1732180000000, \"issue\": {\"key\": \"PAY-1\","
                        + " \"fields\": {\"status\": "
                        + reopened
                        + "}}, \"changelog\": {\"items\": [{\"field\": \"status\"}]}}")))
        .isEqualTo(
            new TrackerStatus(
                "PAY-1", "In Progress", false, Instant.ofEpochMilli(1732180000000L), "Bob Stone"));
    // Bob edited the labels of an issue someone else had reopened: he did not reopen it.
    assertThat(
            JiraWebhookResource.statusOf(
                    JSON.readTree(
                        "{"
                            + bob
                            + "\"issue\": {\"key\": \"PAY-1\", \"fields\": {\"status\": "
                            + reopened
                            + "}}, \"changelog\": {\"items\": [{\"field\": \"labels\"}]}}"))
                .by())
        .isNull();
  }

  private static TrackerStatus status(String json) throws Exception {
    return event(0, json, "", "[]");
  }

  private static TrackerStatus event(long timestamp, String status, String moreFields, String items)
      throws Exception {
    JsonNode event =
        JSON.readTree(
            "{\"timestamp\": "
                + timestamp
                + ", \"issue\": {\"key\": \"PAY-1\", \"fields\": {\"status\": "
                + status
                + moreFields
                + "}}, \"changelog\": {\"items\": "
                + items
                + "}}");
    return JiraWebhookResource.statusOf(event);
  }
}
