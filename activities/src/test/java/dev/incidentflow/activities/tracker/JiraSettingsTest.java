package dev.incidentflow.activities.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JiraSettingsTest {

  @Test
  void personalAccessTokenMeansDataCenter() {
    JiraSettings settings =
        new JiraSettings("https://jira.example.com/", "", "", "pat", null, null, null, null);

    assertThat(settings.deployment()).isEqualTo(JiraDeployment.DATA_CENTER);
    assertThat(settings.searchPath()).isEqualTo("/rest/api/2/search");
    assertThat(settings.authorization()).isEqualTo("Bearer pat");
    assertThat(settings.browseUrl("OPS-1")).isEqualTo("https://jira.example.com/browse/OPS-1");
  }

  @Test
  void emailAndApiTokenMeanCloud() {
    JiraSettings settings =
        JiraSettings.cloud("https://example.atlassian.net", "bot@example.com", "token");

    assertThat(settings.deployment()).isEqualTo(JiraDeployment.CLOUD);
    assertThat(settings.searchPath()).isEqualTo("/rest/api/2/search/jql");
    assertThat(settings.userField()).isEqualTo("accountId");
    assertThat(settings.linkType()).isEqualTo("Relates");
    assertThat(settings.postmortemIssueType()).isEqualTo("Task");
    assertThat(settings.incidentIssueType()).isEqualTo("Task");
  }

  @Test
  void credentialsMissingAreRefusedNamingTheVariables() {
    assertThatThrownBy(
            () -> JiraSettings.cloud("https://example.atlassian.net", "bot@example.com", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("JIRA_API_TOKEN")
        .hasMessageContaining("JIRA_PAT");
  }

  @Test
  void urlThatIsNotHttpIsRefused() {
    assertThatThrownBy(() -> JiraSettings.dataCenter("jira.example.com", "pat"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http(s)");
  }

  @Test
  void secretsStayOutOfToString() {
    assertThat(
            JiraSettings.cloud("https://example.atlassian.net", "bot@example.com", "s3cret")
                .toString())
        .doesNotContain("s3cret");
  }
}
