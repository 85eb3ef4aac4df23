package dev.incidentflow.api;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidentflow.workflows.incident.IncidentWorkflow;
import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.postmortem.IncidentTimes;
import dev.incidentflow.workflows.postmortem.PostmortemInput;
import dev.incidentflow.workflows.postmortem.PostmortemWorkflow;
import dev.incidentflow.workflows.postmortem.Postmortems;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Postmortems and action items end to end: the real application on the embedded Temporal test
 * server (real time) and PostgreSQL, Slack and Jira Cloud as WireMock servers.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PostmortemEndToEndTest {
  private static final TestStack STACK = TestStack.get();
  // The shared build machine can be slow: give a new action item a minute to be recorded.
  static final DropwizardAppExtension<IncidentFlowConfiguration> APP =
      STACK.app("e2e/policy.yml", STACK.jiraCloud(ConfigOverride.config("declareWait", "60s")));
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void closedSev1GetsItsPostmortemIssueWithTheTimelineAndAnActionItemThatJirasWebhookCloses()
      throws Exception {
    STACK.resetJira();
    ApiClient api = new ApiClient(APP.getLocalPort(), TestStack.TOKEN);
    String title = "Checkout 5xx above 5% " + UUID.randomUUID();
    String release = "2026.3.1-" + UUID.randomUUID();
    assertThat(
            api.post(
                    "/v1/deploys",
                    """
        {"service": "payments-api", "version": "%s", "commit": "9f2c1e7", "deployedAt": "%s", "author": "bob"}"""
                        .formatted(
                            release,
                            Instant.now()
                                .minus(Duration.ofMinutes(10))
                                .truncatedTo(ChronoUnit.SECONDS)))
                .status())
        .isEqualTo(201);
    assertThat(
            api.post(
                    "/v1/alerts",
                    """
        {"dedupKey": "%s", "status": "firing", "service": "checkout", "severity": "critical", "title": "%s"}"""
                        .formatted(title, title))
                .status())
        .isEqualTo(202);
    String id =
        incidentTitled(
            awaitPatiently(
                    api, "/v1/incidents", answer -> incidentTitled(answer.body(), title) != null)
                .body(),
            title);
    awaitPatiently(api, "/v1/incidents/" + id, answer -> types(answer.body()).contains("paged"));
    assertThat(api.post("/v1/incidents/" + id + "/acknowledge", "{\"by\":\"alice\"}").status())
        .isEqualTo(200);
    assertThat(
            api.post(
                    "/v1/incidents/" + id + "/decisions",
                    "{\"by\":\"alice\",\"text\":\"Roll back release 2026.3.1\"}")
                .status())
        .isEqualTo(200);
    assertThat(
            api.post(
                    "/v1/incidents/" + id + "/resolve",
                    "{\"by\":\"alice\",\"note\":\"rolled back\"}")
                .status())
        .isEqualTo(200);
    JsonNode closed =
        awaitPatiently(
                api,
                "/v1/incidents/" + id,
                answer -> answer.body().path("status").asText().equals("closed"))
            .body();

    startPostmortemLikeTheIncidentWorkflow(closed);

    JsonNode postmortem =
        awaitPatiently(
                api,
                "/v1/incidents/" + id + "/postmortem",
                answer ->
                    answer.status() == 200
                        && answer.body().path("jiraKey").asText().equals(TestStack.POSTMORTEM_KEY))
            .body();
    assertThat(postmortem.path("status").asText()).isEqualTo("scheduled");
    assertThat(closed.path("commander").isTextual()).isTrue();
    assertThat(postmortem.path("owner")).isEqualTo(closed.path("commander"));
    assertThat(Instant.parse(postmortem.path("dueAt").asText()))
        .isEqualTo(Instant.parse(closed.path("resolvedAt").asText()).plus(Duration.ofHours(24)));
    JsonNode postmortemIssue =
        JSON.readTree(
                STACK
                    .jira
                    .findAll(
                        postRequestedFor(urlEqualTo("/rest/api/2/issue"))
                            .withRequestBody(containing("\"postmortem\"")))
                    .get(0)
                    .getBodyAsString())
            .path("fields");
    assertThat(postmortemIssue.path("project").path("key").asText()).isEqualTo("PAY");
    assertThat(postmortemIssue.path("labels").toString())
        .contains("incidentflow", id.toLowerCase());
    assertThat(postmortemIssue.path("description").asText())
        .contains(
            "h2. Timeline",
            "|alice|acknowledged|",
            "|alice|*DECISION*|*Roll back release 2026.3.1*|",
            "|system|closed|",
            "h2. Five Whys");
    assertThat(postmortemIssue.path("description").asText())
        .as(
            "the deploy to checkout's dependency just before the incident, as the briefing listed it")
        .contains(
            "h2. Deploys before the incident", "|payments-api|" + release + "|9f2c1e7|bob| |");

    // Handed over to dana (never the commander: the rotation is alice, bob and carol), the issue
    // follows: Jira Cloud assigns by accountId.
    ApiClient.Answer handedOver =
        api.post(
            "/v1/incidents/" + id + "/postmortem/owner", "{\"owner\":\"Dana\",\"by\":\"alice\"}");
    assertThat(handedOver.status()).as(handedOver.body().toString()).isEqualTo(200);
    assertThat(handedOver.body().path("owner").asText()).isEqualTo("dana");
    String assignee = "/rest/api/2/issue/" + TestStack.POSTMORTEM_KEY + "/assignee";
    awaitPatiently(
        api,
        "/v1/incidents/" + id + "/postmortem",
        answer -> !STACK.jira.findAll(putRequestedFor(urlEqualTo(assignee))).isEmpty());
    STACK.jira.verify(
        putRequestedFor(urlEqualTo(assignee))
            .withRequestBody(equalToJson("{\"accountId\":\"5b10a2844c20165700ede24j\"}")));

    String canary =
        """
        {"title": "Add a canary for checkout releases", "owner": "bob", "due": "%s", "kind": "root_cause",
         "by": "alice"}"""
            .formatted(LocalDate.now().plusDays(3));
    Map<String, String> key = Map.of("Idempotency-Key", "4f0c-canary");
    ApiClient.Answer added = api.post("/v1/incidents/" + id + "/action-items", canary, key);
    assertThat(added.status()).isEqualTo(201);
    assertThat(added.body().path("jiraKey").asText()).isEqualTo(TestStack.ACTION_ITEM_KEY);
    assertThat(added.body().path("status").asText()).isEqualTo("open");
    String itemId = added.body().path("id").asText();
    // Sent again with its key (its answer was lost), it is the same item: one issue is made
    // (below).
    ApiClient.Answer sentAgain = api.post("/v1/incidents/" + id + "/action-items", canary, key);
    assertThat(sentAgain.status()).isEqualTo(201);
    assertThat(sentAgain.body().path("id").asText()).isEqualTo(itemId);
    ApiClient.Answer another =
        api.post(
            "/v1/incidents/" + id + "/action-items",
            canary.replace("Add a canary", "Add a dashboard"),
            key);
    assertThat(another.status()).isEqualTo(409);
    assertThat(another.body().path("error").asText())
        .contains("Idempotency-Key '4f0c-canary' already added " + itemId);
    STACK.jira.verify(
        postRequestedFor(urlEqualTo("/rest/api/2/issue"))
            .withRequestBody(
                matchingJsonPath(
                    "$.fields.assignee.accountId", equalTo("5b10a2844c20165700ede22h"))));
    awaitPatiently(
        api,
        "/v1/action-items?owner=bob",
        answer ->
            STACK.jira.findAll(postRequestedFor(urlEqualTo("/rest/api/2/issueLink"))).size() == 1);
    STACK.jira.verify(
        postRequestedFor(urlEqualTo("/rest/api/2/issueLink"))
            .withRequestBody(
                equalToJson(
                    "{\"type\":{\"name\":\"Relates\"},\"inwardIssue\":{\"key\":\"PAY-101\"},\"outwardIssue\":{\"key\":\"PAY-100\"}}")));

    String done =
        TestStack.fixture("jira-issue-updated.json").replace("PAY-118", TestStack.ACTION_ITEM_KEY);
    assertThat(postToWebhook("", done).statusCode()).isEqualTo(401);
    assertThat(postToWebhook("?secret=wrong", done).statusCode()).isEqualTo(401);
    HttpResponse<String> signaled = postToWebhook("?secret=" + TestStack.JIRA_WEBHOOK_SECRET, done);
    assertThat(signaled.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(signaled.body()).path("action").asText()).isEqualTo("signaled");

    JsonNode doneItems =
        awaitPatiently(
                api,
                "/v1/action-items?status=done&owner=Bob",
                answer ->
                    StreamSupport.stream(answer.body().spliterator(), false)
                        .anyMatch(item -> item.path("id").asText().equals(itemId)))
            .body();
    assertThat(doneItems.get(0).path("incidentId").asText()).isEqualTo(id);

    String reopenedInJira =
        done.replace(
            "\"name\": \"Done\", \"statusCategory\": {\"key\": \"done\"}",
            "\"name\": \"In Progress\", \"statusCategory\": {\"key\": \"indeterminate\"}");
    assertThat(reopenedInJira).contains("indeterminate");
    HttpResponse<String> reopened =
        postToWebhook("?secret=" + TestStack.JIRA_WEBHOOK_SECRET, reopenedInJira);
    // "reopened" when the item's run had ended; "signaled" when it was still finishing, and then
    // the
    // run itself goes on as a new one.
    assertThat(JSON.readTree(reopened.body()).path("action").asText()).isIn("reopened", "signaled");
    awaitPatiently(
        api,
        "/v1/action-items?status=open&owner=bob",
        answer ->
            StreamSupport.stream(answer.body().spliterator(), false)
                .anyMatch(item -> item.path("id").asText().equals(itemId)));
    assertThat(postToWebhook("?secret=" + TestStack.JIRA_WEBHOOK_SECRET, done).statusCode())
        .isEqualTo(200);
    awaitPatiently(
        api,
        "/v1/action-items?status=done&owner=bob",
        answer ->
            StreamSupport.stream(answer.body().spliterator(), false)
                .anyMatch(item -> item.path("id").asText().equals(itemId)));
    STACK.jira.verify(
        1,
        postRequestedFor(urlEqualTo("/rest/api/2/issue"))
            .withRequestBody(containing("\"action-item\"")));

    ApiClient.Answer published =
        api.post(
            "/v1/incidents/" + id + "/postmortem",
            "{\"url\":\"https://wiki.example.com/postmortems/"
                + id
                + "\",\"summary\":\"Bad release\",\"by\":\"alice\"}");
    assertThat(published.status()).isEqualTo(200);
    assertThat(published.body().path("status").asText()).isEqualTo("published");
    ApiClient.Answer retried =
        api.post(
            "/v1/incidents/" + id + "/postmortem",
            "{\"url\":\"https://wiki.example.com/postmortems/"
                + id
                + "\",\"summary\":\"Bad release\",\"by\":\"alice\"}");
    assertThat(retried.status()).isEqualTo(200);
    assertThat(retried.body()).isEqualTo(published.body());
    ApiClient.Answer again =
        api.post(
            "/v1/incidents/" + id + "/postmortem",
            "{\"url\":\"https://wiki.example.com/other\",\"by\":\"bob\"}");
    assertThat(again.status()).isEqualTo(409);
    // The postmortem is published, so no item is taken any more, but the one sent with its key
    // (its answer lost) is still found, done as it is.
    ApiClient.Answer lateRetry = api.post("/v1/incidents/" + id + "/action-items", canary, key);
    assertThat(lateRetry.status()).isEqualTo(201);
    assertThat(lateRetry.body().path("id").asText()).isEqualTo(itemId);
    assertThat(lateRetry.body().path("status").asText()).isEqualTo("done");
    JsonNode stored =
        StreamSupport.stream(
                api.get("/v1/incidents/" + id + "/action-items").body().spliterator(), false)
            .filter(item -> item.path("id").asText().equals(itemId))
            .findFirst()
            .orElseThrow();
    assertThat(Instant.parse(lateRetry.body().path("doneAt").asText()))
        .isEqualTo(Instant.parse(stored.path("doneAt").asText()));
    assertThat(stored.path("doneBy").isTextual()).as(stored.toString()).isTrue();
    assertThat(lateRetry.body().path("doneBy")).isEqualTo(stored.path("doneBy"));
    assertThat(
            api.post(
                    "/v1/incidents/" + id + "/action-items",
                    canary,
                    Map.of("Idempotency-Key", "a-new-key"))
                .status())
        .isEqualTo(409);

    assertThat(types(api.get("/v1/incidents/" + id).body()))
        .contains(
            "postmortem_scheduled",
            "action_item_created",
            "action_item_done",
            "postmortem_published");
    assertThat(types(api.get("/v1/incidents/" + id).body()))
        .filteredOn("postmortem_published"::equals)
        .hasSize(1);
    // Done, reopened by Bob in Jira (the fixture's user), done again: the timeline says so.
    JsonNode incident =
        awaitPatiently(
                api,
                "/v1/incidents/" + id,
                answer ->
                    types(answer.body()).stream().filter("action_item_done"::equals).count() == 2)
            .body();
    assertThat(types(incident))
        .filteredOn(type -> type.startsWith("action_item_"))
        .containsExactly(
            "action_item_created", "action_item_done", "action_item_reopened", "action_item_done");
    JsonNode reopening =
        StreamSupport.stream(incident.path("timeline").spliterator(), false)
            .filter(event -> event.path("type").asText().equals("action_item_reopened"))
            .findFirst()
            .orElseThrow();
    assertThat(reopening.path("by").asText()).isEqualTo("jira");
    assertThat(reopening.path("data").path("reopenedBy").asText()).isEqualTo("Bob Stone");
    assertThat(reopening.path("data").path("jiraStatus").asText()).isEqualTo("In Progress");
    assertThat(reopening.path("text").asText())
        .startsWith("Action item " + itemId + " reopened in Jira by Bob Stone at ");
  }

  @Test
  void signedWebhookIsAcceptedWithoutTheUrlSecret() throws Exception {
    String body = TestStack.fixture("jira-issue-updated.json").replace("PAY-118", "PAY-9999");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            TestStack.JIRA_WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String signature =
        "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));

    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(webhook(""))
                    .header("Content-Type", "application/json")
                    .header("X-Hub-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(answer.body()).path("action").asText()).isEqualTo("ignored");
    assertThat(postToWebhook("", body).statusCode()).isEqualTo(401);
  }

  @Test
  void actionItemRequestNamesEveryBadField() {
    ApiClient api = new ApiClient(APP.getLocalPort(), TestStack.TOKEN);

    assertThat(
            refusedActionItem(
                api,
                "{\"title\": \" \", \"owner\": \"zed\", \"due\": \"next week\", \"kind\": \"someday\"}"))
        .contains(
            "title is required",
            "owner 'zed' is not a person in the catalog",
            "due 'next week' is not a date",
            "kind 'someday' must be");
    assertThat(api.get("/v1/action-items?status=later").status()).isEqualTo(422);
    ApiClient.Answer longKey =
        api.post(
            "/v1/incidents/INC-1/action-items",
            "{\"title\": \"x\", \"owner\": \"bob\", \"due\": \"2027-01-10\", \"kind\": \"improvement\"}",
            Map.of("Idempotency-Key", "k".repeat(256)));
    assertThat(longKey.status()).isEqualTo(422);
    assertThat(longKey.body().path("details").toString()).contains("Idempotency-Key must be");
    assertThat(
            refusedActionItem(
                api,
                "{\"title\": \"x\", \"owner\": \"bob\", \"due\": \"0000-01-01\", \"kind\": \"improvement\"}"))
        .contains("due 0000-01-01 is in the past");
    String aYearAgo = LocalDate.now(ZoneOffset.UTC).minusYears(1).toString();
    assertThat(
            refusedActionItem(
                api,
                "{\"title\": \"x\", \"owner\": \"bob\", \"due\": \"%s\", \"kind\": \"improvement\"}"
                    .formatted(aYearAgo)))
        .contains("due " + aYearAgo + " is in the past (today is");
    assertThat(
            refusedActionItem(
                api,
                "{\"title\": \"x\", \"owner\": \"bob\", \"due\": \"+10000-01-01\", \"kind\": \"improvement\"}"))
        .contains("due +10000-01-01 is after 9999-12-31");
  }

  /** Posts an action item for INC-1 that must be refused with 422; returns the details. */
  private static String refusedActionItem(ApiClient api, String json) {
    ApiClient.Answer refused = api.post("/v1/incidents/INC-1/action-items", json);
    assertThat(refused.status()).isEqualTo(422);
    return refused.body().path("details").toString();
  }

  /**
   * What the lines at the end of IncidentWorkflowImpl.run() do, for as long as they are not there.
   */
  private static void startPostmortemLikeTheIncidentWorkflow(JsonNode incident) {
    WorkflowClient client = STACK.temporalClient();
    long number = Long.parseLong(incident.path("id").asText().substring(4));
    IncidentTimes times =
        new IncidentTimes(
            instant(incident, "triggeredAt"),
            instant(incident, "acknowledgedAt"),
            instant(incident, "identifiedAt"),
            instant(incident, "mitigatedAt"),
            instant(incident, "resolvedAt"),
            instant(incident, "closedAt"));
    PostmortemInput input =
        new PostmortemInput(
            number,
            incident.path("workflowId").asText() + "-e2e",
            incident.path("title").asText(),
            Severity.valueOf(incident.path("severity").asText()),
            incident.path("service").asText(),
            incident.path("commander").asText(null),
            "incidents",
            incident.path("channel").path("name").asText(null),
            times,
            Duration.ofHours(24),
            Duration.ofHours(4),
            Duration.ofHours(6),
            null,
            null);
    PostmortemWorkflow postmortem =
        client.newWorkflowStub(
            PostmortemWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(Postmortems.workflowId(number))
                .setTaskQueue(IncidentWorkflow.TASK_QUEUE)
                .build());
    try {
      WorkflowClient.start(postmortem::run, input);
    } catch (WorkflowExecutionAlreadyStarted startedByTheIncident) {
      // IncidentWorkflowImpl starts it itself now.
    }
  }

  /** The shared build machine can be slow: a step of a workflow may take several seconds. */
  private static ApiClient.Answer awaitPatiently(
      ApiClient api, String path, Predicate<ApiClient.Answer> condition) {
    return api.await(path, condition, Duration.ofSeconds(120));
  }

  private static Instant instant(JsonNode incident, String field) {
    return incident.hasNonNull(field) ? Instant.parse(incident.get(field).asText()) : null;
  }

  private static String incidentTitled(JsonNode incidents, String title) {
    for (JsonNode incident : incidents) {
      if (incident.path("title").asText().equals(title)) {
        return incident.path("id").asText();
      }
    }
    return null;
  }

  private static URI webhook(String query) {
    return URI.create("http://127.0.0.1:" + APP.getLocalPort() + "/v1/jira/webhook" + query);
  }

  private static HttpResponse<String> postToWebhook(String query, String body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(webhook(query))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> types(JsonNode incident) {
    return StreamSupport.stream(incident.path("timeline").spliterator(), false)
        .map(event -> event.path("type").asText())
        .toList();
  }
}
