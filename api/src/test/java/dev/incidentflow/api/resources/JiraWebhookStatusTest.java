package dev.incidentflow.api.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidentflow.workflows.activities.TrackerStatus;
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

  private static TrackerStatus status(String json) throws Exception {
    JsonNode status = JSON.readTree(json);
    return JiraWebhookResource.statusOf("PAY-1", status);
  }
}
