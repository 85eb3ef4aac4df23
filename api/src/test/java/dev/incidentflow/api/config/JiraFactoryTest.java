package dev.incidentflow.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidentflow.activities.tracker.JiraSettings;
import io.dropwizard.jackson.Jackson;
import org.junit.jupiter.api.Test;

class JiraFactoryTest {
  private final ObjectMapper mapper = Jackson.newObjectMapper();

  @Test
  void theConfigFileSetsTheIssueTypeOfEveryKindOfIssue() throws Exception {
    JiraFactory factory =
        mapper.readValue(
            """
            {"url": "https://example.atlassian.net", "email": "bot@example.com",
             "apiToken": "token", "postmortemIssueType": "Postmortem",
             "actionItemIssueType": "Sub-task", "incidentIssueType": "Incident",
             "linkType": "Blocks"}""",
            JiraFactory.class);

    JiraSettings settings = factory.settings();

    assertThat(settings.postmortemIssueType()).isEqualTo("Postmortem");
    assertThat(settings.actionItemIssueType()).isEqualTo("Sub-task");
    assertThat(settings.incidentIssueType()).isEqualTo("Incident");
    assertThat(settings.linkType()).isEqualTo("Blocks");
  }

  @Test
  void unsetIssueTypesAreJirasTask() throws Exception {
    JiraFactory factory =
        mapper.readValue(
            """
            {"url": "https://jira.example.com", "pat": "secret"}""",
            JiraFactory.class);

    assertThat(factory.settings().incidentIssueType()).isEqualTo("Task");
    assertThat(factory.settings().postmortemIssueType()).isEqualTo("Task");
  }
}
