package dev.incidentflow.activities.tracker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.incidentflow.activities.tracker.JiraFixtures.LABEL;
import static dev.incidentflow.activities.tracker.JiraFixtures.actionItem;
import static dev.incidentflow.activities.tracker.JiraFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.incidentflow.workflows.activities.FailureType;
import dev.incidentflow.workflows.activities.IssueAssignment;
import dev.incidentflow.workflows.activities.IssueComment;
import dev.incidentflow.workflows.activities.IssueKind;
import dev.incidentflow.workflows.activities.IssueLink;
import dev.incidentflow.workflows.activities.NewTrackerIssue;
import dev.incidentflow.workflows.activities.TrackerIssue;
import dev.incidentflow.workflows.activities.TrackerStatus;
import io.temporal.failure.ApplicationFailure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JiraTrackerActivitiesTest {
  private static final String CLOUD_SEARCH = "/rest/api/2/search/jql";
  private static final String DC_SEARCH = "/rest/api/2/search";

  @RegisterExtension
  static WireMockExtension jira =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final ObjectMapper mapper = new ObjectMapper();

  private JiraTrackerActivities cloud() {
    return new JiraTrackerActivities(
        new JiraClient(JiraSettings.cloud(jira.baseUrl() + "/", "bot@example.com", "api-token")));
  }

  private JiraTrackerActivities dataCenter() {
    return new JiraTrackerActivities(
        new JiraClient(JiraSettings.dataCenter(jira.baseUrl(), "pat-secret")));
  }

  @Test
  void cloudSearchesTheJqlEndpointThenCreatesWithBasicAuthAndAccountIdAssignee() throws Exception {
    jira.stubFor(
        get(urlPathEqualTo(CLOUD_SEARCH)).willReturn(json(200, "jira-search-jql-empty.json")));
    jira.stubFor(
        post(urlPathEqualTo("/rest/api/2/issue")).willReturn(json(201, "jira-create-201.json")));

    TrackerIssue issue = cloud().createIssue(actionItem("5b10a2844c20165700ede21g"));

    assertThat(issue).isEqualTo(new TrackerIssue("PAY-118", jira.baseUrl() + "/browse/PAY-118"));
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("bot@example.com:api-token".getBytes(StandardCharsets.UTF_8));
    jira.verify(
        getRequestedFor(urlPathEqualTo(CLOUD_SEARCH))
            .withQueryParam("jql", equalTo("labels = \"" + LABEL + "\""))
            .withHeader("Authorization", equalTo(basic)));
    jira.verify(
        postRequestedFor(urlPathEqualTo("/rest/api/2/issue"))
            .withHeader("Authorization", equalTo(basic))
            .withRequestBody(
                equalToJson(
                    """
            {"fields": {
              "project": {"key": "PAY"},
              "issuetype": {"name": "Task"},
              "summary": "[INC-42] Add burn-rate alert for checkout-api canary",
              "description": "Action item AI-3 from the postmortem of INC-42.",
              "labels": ["incidentflow", "action-item", "inc-42", "improvement", "%s"],
              "duedate": "2026-11-27",
              "assignee": {"accountId": "5b10a2844c20165700ede21g"}
            }}"""
                        .formatted(LABEL))));
  }

  @ParameterizedTest
  @CsvSource({"INCIDENT, Incident", "POSTMORTEM, Postmortem", "ACTION_ITEM, Sub-task"})
  void eachKindOfIssueIsCreatedWithItsConfiguredIssueType(IssueKind kind, String type) {
    jira.stubFor(
        get(urlPathEqualTo(CLOUD_SEARCH)).willReturn(json(200, "jira-search-jql-empty.json")));
    jira.stubFor(
        post(urlPathEqualTo("/rest/api/2/issue")).willReturn(json(201, "jira-create-201.json")));
    JiraSettings settings =
        new JiraSettings(
            jira.baseUrl(),
            "bot@example.com",
            "api-token",
            null,
            "Postmortem",
            "Sub-task",
            "Incident",
            null);
    NewTrackerIssue item = actionItem(null);
    NewTrackerIssue issue =
        new NewTrackerIssue(
            kind,
            item.project(),
            item.summary(),
            item.description(),
            item.labels(),
            item.idempotencyLabel(),
            null,
            null);

    new JiraTrackerActivities(new JiraClient(settings)).createIssue(issue);

    jira.verify(
        postRequestedFor(urlPathEqualTo("/rest/api/2/issue"))
            .withRequestBody(
                equalToJson(
                    "{\"fields\": {\"issuetype\": {\"name\": \"" + type + "\"}}}", true, true)));
  }

  @Test
  void aCommentIsAddedOnceItsTextIsNotAmongTheLatestComments() {
    String comments = "/rest/api/2/issue/PAY-118/comment";
    jira.stubFor(
        get(urlPathEqualTo(comments))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"startAt\":0,\"maxResults\":50,\"total\":1,\"comments\":[{\"id\":\"10001\","
                            + "\"body\":\"Looking at it\"}]}")));
    jira.stubFor(
        post(urlPathEqualTo(comments))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"id\":\"10002\",\"body\":\"INC-42 was resolved\"}")));

    cloud().commentOnIssue(new IssueComment("PAY-118", "INC-42 was resolved"));
    cloud().commentOnIssue(new IssueComment("PAY-118", "Looking at it"));

    jira.verify(
        2,
        getRequestedFor(urlPathEqualTo(comments))
            .withQueryParam("orderBy", equalTo("-created"))
            .withQueryParam("maxResults", equalTo("50")));
    jira.verify(
        1,
        postRequestedFor(urlPathEqualTo(comments))
            .withRequestBody(equalToJson("{\"body\": \"INC-42 was resolved\"}")));
  }

  @Test
  void dataCenterSearchesTheClassicEndpointThenCreatesWithTheTokenAndNameAssignee() {
    jira.stubFor(get(urlPathEqualTo(DC_SEARCH)).willReturn(json(200, "jira-search-empty.json")));
    jira.stubFor(
        post(urlPathEqualTo("/rest/api/2/issue")).willReturn(json(201, "jira-create-201.json")));

    assertThat(dataCenter().createIssue(actionItem("bstone")).key()).isEqualTo("PAY-118");

    jira.verify(
        getRequestedFor(urlPathEqualTo(DC_SEARCH))
            .withHeader("Authorization", equalTo("Bearer pat-secret")));
    jira.verify(0, getRequestedFor(urlPathEqualTo(CLOUD_SEARCH)));
    jira.verify(
        postRequestedFor(urlPathEqualTo("/rest/api/2/issue"))
            .withHeader("Authorization", equalTo("Bearer pat-secret"))
            .withRequestBody(
                equalToJson("{\"fields\": {\"assignee\": {\"name\": \"bstone\"}}}", true, true)));
  }

  @Test
  void issueAlreadyCarryingTheLabelIsReturnedAndNoSecondIsCreated() {
    jira.stubFor(
        get(urlPathEqualTo(CLOUD_SEARCH)).willReturn(json(200, "jira-search-jql-found.json")));

    assertThat(cloud().createIssue(actionItem(null)).key()).isEqualTo("PAY-118");

    jira.verify(0, postRequestedFor(urlPathEqualTo("/rest/api/2/issue")));
  }

  @Test
  void createWhoseAnswerWasLostIsFoundByItsLabelOnTheRetryAndNotCreatedTwice() {
    jira.stubFor(
        get(urlPathEqualTo(CLOUD_SEARCH))
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
        get(urlPathEqualTo(CLOUD_SEARCH))
            .inScenario("lost")
            .whenScenarioStateIs("created")
            .willReturn(json(200, "jira-search-jql-found.json")));
    JiraTrackerActivities tracker = cloud();

    ApplicationFailure lost =
        catchThrowableOfType(ApplicationFailure.class, () -> tracker.createIssue(actionItem(null)));
    assertThat(lost.isNonRetryable()).isFalse();
    assertThat(lost.getType()).isEqualTo(JiraErrors.UNAVAILABLE);

    assertThat(tracker.createIssue(actionItem(null)).key()).isEqualTo("PAY-118");
    jira.verify(1, postRequestedFor(urlPathEqualTo("/rest/api/2/issue")));
  }

  @Test
  void rateLimitIsRetryableAfterJirasRetryAfter() {
    jira.stubFor(
        get(urlPathEqualTo(CLOUD_SEARCH))
            .willReturn(json(429, "jira-429.json").withHeader("Retry-After", "7")));

    ApplicationFailure failure =
        catchThrowableOfType(ApplicationFailure.class, () -> cloud().createIssue(actionItem(null)));

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getType()).isEqualTo(JiraErrors.RATE_LIMITED);
    assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(7));
    assertThat(failure.getOriginalMessage()).contains("HTTP 429", "Rate limit exceeded.");
  }

  @Test
  void unavailableIsRetryableAfterJirasRetryAfter() {
    jira.stubFor(
        get(urlPathEqualTo("/rest/api/2/issue/PAY-118"))
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withHeader("Retry-After", "120")
                    .withBody("<html>Maintenance</html>")));

    ApplicationFailure failure =
        catchThrowableOfType(ApplicationFailure.class, () -> dataCenter().issueStatus("PAY-118"));

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getType()).isEqualTo(JiraErrors.UNAVAILABLE);
    assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void badRequestIsNonRetryableJiraRejectedNamingTheFields() {
    jira.stubFor(
        get(urlPathEqualTo(CLOUD_SEARCH)).willReturn(json(200, "jira-search-jql-empty.json")));
    jira.stubFor(
        post(urlPathEqualTo("/rest/api/2/issue")).willReturn(json(400, "jira-400-create.json")));

    ApplicationFailure failure =
        catchThrowableOfType(ApplicationFailure.class, () -> cloud().createIssue(actionItem(null)));

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getType()).isEqualTo(FailureType.JIRA_REJECTED.name());
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "Jira create issue answered HTTP 400: "
                + "project: valid project is required; issuetype: Specify an issue type");
  }

  @Test
  void assigneeJiraRefusesCostsTheAssigneeNotTheIssue() throws Exception {
    jira.stubFor(
        get(urlPathEqualTo(CLOUD_SEARCH)).willReturn(json(200, "jira-search-jql-empty.json")));
    jira.stubFor(
        post(urlPathEqualTo("/rest/api/2/issue"))
            .inScenario("assignee")
            .whenScenarioStateIs(STARTED)
            .willReturn(json(400, "jira-400-assignee.json"))
            .willSetStateTo("refused"));
    jira.stubFor(
        post(urlPathEqualTo("/rest/api/2/issue"))
            .inScenario("assignee")
            .whenScenarioStateIs("refused")
            .willReturn(json(201, "jira-create-201.json")));

    assertThat(cloud().createIssue(actionItem("5b10a2844c20165700ede21g")).key())
        .isEqualTo("PAY-118");

    JsonNode retried =
        mapper.readTree(
            jira.findAll(postRequestedFor(urlPathEqualTo("/rest/api/2/issue")))
                .get(1)
                .getBodyAsString());
    assertThat(retried.path("fields").has("assignee")).isFalse();
    assertThat(retried.path("fields").has("duedate")).isFalse();
    assertThat(retried.path("fields").path("description").asText())
        .contains("could not set assignee", "cannot be assigned");
  }

  @Test
  void unauthorizedIsNonRetryable() {
    jira.stubFor(
        get(urlPathEqualTo(CLOUD_SEARCH))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"errorMessages\":[\"You are not authenticated. Authentication required to perform this operation.\"],\"errors\":{}}")));

    ApplicationFailure failure =
        catchThrowableOfType(ApplicationFailure.class, () -> cloud().createIssue(actionItem(null)));

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage()).contains("HTTP 401", "not authenticated");
  }

  @Test
  void statusInTheDoneCategoryIsDoneAndAnyOtherIsNot() {
    jira.stubFor(
        get(urlPathEqualTo("/rest/api/2/issue/PAY-118"))
            .inScenario("status")
            .whenScenarioStateIs(STARTED)
            .willReturn(json(200, "jira-issue-in-progress.json"))
            .willSetStateTo("done"));
    jira.stubFor(
        get(urlPathEqualTo("/rest/api/2/issue/PAY-118"))
            .inScenario("status")
            .whenScenarioStateIs("done")
            .willReturn(json(200, "jira-issue-done.json")));
    JiraTrackerActivities tracker = cloud();

    assertThat(tracker.issueStatus("PAY-118"))
        .isEqualTo(new TrackerStatus("PAY-118", "In Progress", false));
    assertThat(tracker.issueStatus("PAY-118"))
        .isEqualTo(
            new TrackerStatus("PAY-118", "Done", true, Instant.parse("2026-11-24T14:12:44.512Z")));
    jira.verify(
        getRequestedFor(urlPathEqualTo("/rest/api/2/issue/PAY-118"))
            .withQueryParam("fields", equalTo("status,statuscategorychangedate,issuelinks")));
  }

  @Test
  void linkThatAlreadyExistsIsNotMadeAgain() {
    jira.stubFor(
        get(urlPathEqualTo("/rest/api/2/issue/PAY-118"))
            .willReturn(json(200, "jira-issue-in-progress.json")));

    cloud().linkIssues(new IssueLink("PAY-118", "PAY-100"));

    jira.verify(0, postRequestedFor(urlPathEqualTo("/rest/api/2/issueLink")));
  }

  @Test
  void missingLinkIsMadeWithTheConfiguredType() {
    jira.stubFor(
        get(urlPathEqualTo("/rest/api/2/issue/PAY-118"))
            .willReturn(json(200, "jira-issue-done.json")));
    jira.stubFor(
        post(urlPathEqualTo("/rest/api/2/issueLink")).willReturn(aResponse().withStatus(201)));

    dataCenter().linkIssues(new IssueLink("PAY-118", "PAY-100"));

    jira.verify(
        postRequestedFor(urlPathEqualTo("/rest/api/2/issueLink"))
            .withRequestBody(
                equalToJson(
                    "{\"type\":{\"name\":\"Relates\"},\"inwardIssue\":{\"key\":\"PAY-118\"},\"outwardIssue\":{\"key\":\"PAY-100\"}}")));
  }

  @Test
  void cloudAssignsByAccountIdWithAPutOfTheAssignee() {
    jira.stubFor(
        put(urlPathEqualTo("/rest/api/2/issue/PAY-118/assignee"))
            .willReturn(aResponse().withStatus(204)));

    cloud().assignIssue(new IssueAssignment("PAY-118", "5b10a2844c20165700ede21g"));

    jira.verify(
        putRequestedFor(urlPathEqualTo("/rest/api/2/issue/PAY-118/assignee"))
            .withRequestBody(equalToJson("{\"accountId\":\"5b10a2844c20165700ede21g\"}")));
  }

  @Test
  void dataCenterAssignsByNameAndNobodyLeavesTheIssueUnassigned() {
    jira.stubFor(
        put(urlPathEqualTo("/rest/api/2/issue/PAY-118/assignee"))
            .willReturn(aResponse().withStatus(204)));

    dataCenter().assignIssue(new IssueAssignment("PAY-118", "bstone"));
    dataCenter().assignIssue(new IssueAssignment("PAY-118", null));

    jira.verify(
        putRequestedFor(urlPathEqualTo("/rest/api/2/issue/PAY-118/assignee"))
            .withHeader("Authorization", equalTo("Bearer pat-secret"))
            .withRequestBody(equalToJson("{\"name\":\"bstone\"}")));
    jira.verify(
        putRequestedFor(urlPathEqualTo("/rest/api/2/issue/PAY-118/assignee"))
            .withRequestBody(equalToJson("{\"name\":null}")));
  }

  @Test
  void anAssigneeJiraRefusesIsNonRetryableNamingTheField() {
    jira.stubFor(
        put(urlPathEqualTo("/rest/api/2/issue/PAY-118/assignee"))
            .willReturn(json(400, "jira-400-assignee.json")));

    ApplicationFailure failure =
        catchThrowableOfType(
            ApplicationFailure.class,
            () -> cloud().assignIssue(new IssueAssignment("PAY-118", "5b10a2844c20165700ede21g")));

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getType()).isEqualTo(FailureType.JIRA_REJECTED.name());
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "Jira assign PAY-118 answered HTTP 400: "
                + "assignee: User '5b10a2844c20165700ede21g' cannot be assigned issues.");
  }
}
