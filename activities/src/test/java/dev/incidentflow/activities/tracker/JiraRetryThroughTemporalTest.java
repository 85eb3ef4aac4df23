package dev.incidentflow.activities.tracker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.incidentflow.activities.tracker.JiraFixtures.actionItem;
import static dev.incidentflow.activities.tracker.JiraFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.incidentflow.workflows.activities.FailureType;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Proves that the failures {@link JiraErrors} builds make Temporal do the right thing, in real time
 * (time skipping would hide the difference between a 100 ms backoff and a one-second {@code
 * Retry-After}).
 */
class JiraRetryThroughTemporalTest {
  private static final String QUEUE = "jira-retry-test";
  private static final String SEARCH = "/rest/api/2/search/jql";

  @RegisterExtension
  static WireMockExtension jira =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private TestWorkflowEnvironment temporal;

  @BeforeEach
  void startTemporal() {
    temporal =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    Worker worker = temporal.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(JiraIssueWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new JiraTrackerActivities(
            new JiraClient(JiraSettings.cloud(jira.baseUrl(), "bot@example.com", "api-token"))));
    temporal.start();
  }

  @AfterEach
  void stopTemporal() {
    temporal.close();
  }

  private JiraIssueWorkflow workflow() {
    return temporal
        .getWorkflowClient()
        .newWorkflowStub(
            JiraIssueWorkflow.class, WorkflowOptions.newBuilder().setTaskQueue(QUEUE).build());
  }

  @Test
  void rateLimitedCreateIsRetriedByTemporalAfterJirasRetryAfterAndSucceeds() {
    jira.stubFor(
        get(urlPathEqualTo(SEARCH))
            .inScenario("limit")
            .whenScenarioStateIs(STARTED)
            .willReturn(json(429, "jira-429.json").withHeader("Retry-After", "1"))
            .willSetStateTo("lifted"));
    jira.stubFor(
        get(urlPathEqualTo(SEARCH))
            .inScenario("limit")
            .whenScenarioStateIs("lifted")
            .willReturn(json(200, "jira-search-jql-empty.json")));
    jira.stubFor(
        post(urlPathEqualTo("/rest/api/2/issue")).willReturn(json(201, "jira-create-201.json")));

    assertThat(workflow().create(actionItem(null)).key()).isEqualTo("PAY-118");

    List<LoggedRequest> searches = jira.findAll(getRequestedFor(urlPathEqualTo(SEARCH)));
    assertThat(searches).hasSize(2);
    // The policy alone would have retried after 100 ms.
    assertThat(
            searches.get(1).getLoggedDate().getTime() - searches.get(0).getLoggedDate().getTime())
        .isGreaterThanOrEqualTo(1_000);
  }

  @Test
  void createWhoseAnswerWasLostIsRetriedAndFindsTheFirstIssueInsteadOfMakingASecond() {
    jira.stubFor(
        get(urlPathEqualTo(SEARCH))
            .inScenario("lost")
            .whenScenarioStateIs(STARTED)
            .willReturn(json(200, "jira-search-jql-empty.json")));
    jira.stubFor(
        post(urlPathEqualTo("/rest/api/2/issue"))
            .inScenario("lost")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
            .willSetStateTo("created"));
    jira.stubFor(
        get(urlPathEqualTo(SEARCH))
            .inScenario("lost")
            .whenScenarioStateIs("created")
            .willReturn(json(200, "jira-search-jql-found.json")));

    assertThat(workflow().create(actionItem(null)).key()).isEqualTo("PAY-118");

    jira.verify(1, postRequestedFor(urlPathEqualTo("/rest/api/2/issue")));
  }

  @Test
  void rejectedCreateFailsWithoutARetry() {
    jira.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(json(200, "jira-search-jql-empty.json")));
    jira.stubFor(
        post(urlPathEqualTo("/rest/api/2/issue")).willReturn(json(400, "jira-400-create.json")));

    assertThatThrownBy(() -> workflow().create(actionItem(null)))
        .isInstanceOf(WorkflowFailedException.class)
        .rootCause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(FailureType.JIRA_REJECTED.name());
              assertThat(failure.getOriginalMessage())
                  .contains("project: valid project is required");
            });
    jira.verify(1, postRequestedFor(urlPathEqualTo("/rest/api/2/issue")));
  }
}
