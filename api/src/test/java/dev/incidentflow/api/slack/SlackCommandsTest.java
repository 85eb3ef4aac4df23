package dev.incidentflow.api.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.incidentflow.api.ApiClient;
import dev.incidentflow.api.IncidentFlowConfiguration;
import dev.incidentflow.api.TestStack;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every {@code /incident} command end to end on the real application: a signed slash command in, an
 * immediate ephemeral answer, the workflow's state changed, the outcome posted to response_url, and
 * the incident channel told through chat.postMessage.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlackCommandsTest {
  private static final TestStack STACK = TestStack.get();
  static final DropwizardAppExtension<IncidentFlowConfiguration> APP =
      STACK.app(
          "e2e/policy.yml",
          ConfigOverride.config("slack.signingSecret", SlackSender.SIGNING_SECRET));
  private static final AtomicInteger CHANNELS = new AtomicInteger();
  // In catalog.yml alice, bob and carol have Slack ids U0ALICE, U0BOB and U0CAROL; zoe is not
  // there.
  private static final String ALICE = "U0ALICE";
  private static final String BOB = "U0BOB";
  private static final String ZOE = "U0ZOE";

  private ApiClient api;
  private SlackSender slack;

  @BeforeEach
  void connect() {
    api = new ApiClient(APP.getLocalPort(), TestStack.TOKEN);
    slack = new SlackSender(APP.getLocalPort(), STACK.slack);
  }

  @Test
  void declareOpensTheIncidentAsTheCatalogPersonAndRepliesWithItsChannel() {
    STACK.slack.stubFor(
        WireMock.post(urlEqualTo("/api/conversations.create"))
            .willReturn(
                okJson(
                    "{\"ok\":true,\"channel\":{\"id\":\"C0DECLARED\",\"name\":\"inc-sev2-card-payments\",\"is_channel\":true}}")));
    String responseUrl = slack.responseUrl("commands");

    SlackSender.Answer answer =
        slack.command(
            "C0GENERAL",
            "U0CAROL",
            "carol.silva",
            "declare  SEV2  payments-api  \u201CKartenzahlungen schlagen fehl \u2014 \u6C7A\u6E08\u201D",
            responseUrl);

    assertWorking(answer);
    String reply = slack.awaitReply(responseUrl).path("text").asText();
    Matcher id =
        Pattern.compile(
                "^(INC-\\d+) declared \\(SEV2, payments-api\\): "
                    + "Kartenzahlungen schlagen fehl \u2014 \u6C7A\u6E08\\. Commander: \\w+\\. Its channel: <#C0DECLARED>\\.$")
            .matcher(reply);
    assertThat(id.matches()).as(reply).isTrue();
    JsonNode incident = api.get("/v1/incidents/" + id.group(1)).body();
    assertThat(incident.path("title").asText())
        .isEqualTo("Kartenzahlungen schlagen fehl \u2014 \u6C7A\u6E08");
    assertThat(incident.path("declaredBy").asText()).isEqualTo("carol");
    assertThat(incident.path("severity").asText()).isEqualTo("SEV2");
    assertThat(incident.path("channel").path("id").asText()).isEqualTo("C0DECLARED");
    STACK.slack.verify(
        postRequestedFor(urlEqualTo("/api/conversations.create"))
            .withFormParam("name", containing("-sev2-kartenzahlungen-schlagen-fehl")));
    slack.awaitChannelPost("C0DECLARED", id.group(1) + " [SEV2] payments-api");
    slack.awaitApiCall(
        "chat.postMessage", "C0DECLARED", "blocks", "\"action_id\":\"incident_acknowledge\"");
  }

  @Test
  void answersWithinSlacksThreeSecondsThoughOpeningTheChannelTakesLonger() {
    STACK.slack.stubFor(
        WireMock.post(urlEqualTo("/api/conversations.create"))
            .willReturn(
                okJson(
                        "{\"ok\":true,\"channel\":{\"id\":\"C0SLOW\",\"name\":\"inc-sev3-slow\",\"is_channel\":true}}")
                    .withFixedDelay(4_000)));
    String responseUrl = slack.responseUrl("commands");

    long started = System.nanoTime();
    SlackSender.Answer answer =
        slack.command("C0GENERAL", ALICE, "alice", "declare SEV3 search Slow search", responseUrl);
    long answeredMillis = (System.nanoTime() - started) / 1_000_000;

    assertWorking(answer);
    assertThat(answeredMillis).as("milliseconds to answer").isLessThan(3_000);
    assertThat(slack.repliesTo(responseUrl)).isZero();
    assertThat(slack.awaitReply(responseUrl).path("text").asText())
        .contains("declared (SEV3, search): Slow search");
    assertThat((System.nanoTime() - started) / 1_000_000)
        .as("milliseconds to the result")
        .isGreaterThanOrEqualTo(4_000);
  }

  @Test
  void lifecycleCommandsTypedInTheChannelMoveItsIncidentAndTheChannelHearsOfEach() {
    String channel = channel();
    String incident = slack.declareIn(api, channel, "SEV2", "Checkout errors");

    assertThat(run(channel, ALICE, "alice.ng", "ack"))
        .isEqualTo(incident + " is now acknowledged.");
    assertThat(status(incident)).isEqualTo("acknowledged");
    slack.awaitChannelPost(channel, incident + " Acknowledged by alice");

    assertThat(run(channel, ALICE, "alice.ng", "identify bad deploy v1.4.2"))
        .isEqualTo(incident + " is now identified.");
    slack.awaitChannelPost(channel, incident + " Identified by alice: bad deploy v1.4.2");

    assertThat(run(channel, ALICE, "alice.ng", "mitigate   \"rolled back to v1.4.1\""))
        .isEqualTo(incident + " is now mitigated.");
    slack.awaitChannelPost(channel, incident + " Mitigated by alice: rolled back to v1.4.1");

    assertThat(run(channel, BOB, "bob", "resolve error rate back to normal"))
        .isEqualTo(incident + " is now resolved.");
    slack.awaitChannelPost(channel, incident + " Resolved by bob: error rate back to normal");
    slack.awaitChannelPost("incidents", incident + " (SEV2, payments-api) resolved by bob");

    assertThat(run(channel, BOB, "bob", "reopen errors are back"))
        .isEqualTo(incident + " is now acknowledged.");
    slack.awaitChannelPost(channel, incident + " reopened by bob: errors are back");

    JsonNode timeline = api.get("/v1/incidents/" + incident).body().path("timeline");
    assertThat(events(timeline, "acknowledged")).containsExactly("alice: Acknowledged by alice");
    assertThat(events(timeline, "identified"))
        .containsExactly("alice: Identified by alice: bad deploy v1.4.2");
    assertThat(events(timeline, "resolved"))
        .containsExactly("bob: Resolved by bob: error rate back to normal");
    assertThat(events(timeline, "reopened"))
        .containsExactly("bob: Reopened by bob: errors are back");
  }

  @Test
  void cancelMarksAFalseAlarm() {
    String channel = channel();
    String incident = slack.declareIn(api, channel, "SEV2", "Flapping probe");

    assertThat(run(channel, ALICE, "alice", "cancel probe misconfigured"))
        .isEqualTo(incident + " is now canceled.");

    assertThat(status(incident)).isEqualTo("canceled");
    slack.awaitChannelPost(
        channel, incident + " Canceled as a false alarm by alice: probe misconfigured");
  }

  @Test
  void escalateRunsTheNextStepOfTheChainNow() {
    String channel = channel();
    String incident = slack.declareIn(api, channel, "SEV2", "Nobody answers");

    assertThat(run(channel, ALICE, "alice", "escalate primary is not answering"))
        .isEqualTo(incident + " escalated: the next step of its escalation chain is being paged.");

    JsonNode escalated =
        api.await(
                "/v1/incidents/" + incident,
                answer -> answer.body().path("escalationLevel").asInt() == 1)
            .body();
    assertThat(events(escalated.path("timeline"), "escalated"))
        .singleElement()
        .asString()
        .contains("escalated by alice: primary is not answering");
  }

  @Test
  void severityRolesUpdatesAndDecisionsAreRecordedAsTheirAuthors() {
    String channel = channel();
    String incident = slack.declareIn(api, channel, "SEV2", "Payments slow");

    assertThat(run(channel, ALICE, "alice", "sev SEV1 all EU customers affected"))
        .isEqualTo(incident + " is now SEV1.");
    // erin is in no rotation, so she is not already commander whoever is on call this week.
    assertThat(run(channel, ALICE, "alice", "ic <@U0ERIN|erin>"))
        .isEqualTo("erin is now commander of " + incident + ".");
    assertThat(run(channel, BOB, "bob", "comms <@U0CAROL>"))
        .isEqualTo("carol is now communications of " + incident + ".");
    // A handle written out is the catalog's in any case; zoe, whom it lacks, could hold no role.
    assertThat(run(channel, BOB, "bob", "scribe @Frank"))
        .isEqualTo("frank is now scribe of " + incident + ".");
    assertThat(run(channel, BOB, "bob", "lead dana"))
        .isEqualTo("dana is now tech-lead of " + incident + ".");
    assertThat(run(channel, ZOE, "zoe", "update Rolled back &lt;v1.4.2&gt;; error rate falling"))
        .startsWith("Status update posted to " + incident + "; the next is due <!date^");
    assertThat(run(channel, BOB, "bob", "decision Fail over to eu-west-1"))
        .isEqualTo("Decision logged on " + incident + ".");

    JsonNode state = api.get("/v1/incidents/" + incident).body();
    assertThat(state.path("severity").asText()).isEqualTo("SEV1");
    assertThat(state.path("commander").asText()).isEqualTo("erin");
    assertThat(state.path("roles").path("communications").asText()).isEqualTo("carol");
    assertThat(state.path("roles").path("scribe").asText()).isEqualTo("frank");
    assertThat(state.path("roles").path("tech-lead").asText()).isEqualTo("dana");
    assertThat(events(state.path("timeline"), "severity_changed"))
        .containsExactly("alice: Severity SEV2 -> SEV1 by alice: all EU customers affected");
    assertThat(events(state.path("timeline"), "status_update"))
        .containsExactly("zoe: Rolled back <v1.4.2>; error rate falling");
    assertThat(events(state.path("timeline"), "decision"))
        .containsExactly("bob: Fail over to eu-west-1");
    slack.awaitChannelPost(channel, incident + " Severity SEV2 -&gt; SEV1 by alice");
    slack.awaitChannelPost(channel, incident + ": erin is now commander (assigned by alice)");
    slack.awaitChannelPost(channel, incident + " update from zoe: Rolled back &lt;v1.4.2&gt;");
    slack.awaitChannelPost(channel, incident + " decision by bob: Fail over to eu-west-1");
    slack.awaitApiCall("conversations.setTopic", channel, "topic", "SEV1");
  }

  @Test
  void meIsWhoeverTypedTheCommand() {
    String channel = channel();
    String incident = slack.declareIn(api, channel, "SEV2", "Who takes it");
    String responseUrl = slack.responseUrl("commands");

    assertThat(run(channel, "U0ERIN", "erin.k", "ic me"))
        .isEqualTo("erin is now commander of " + incident + ".");
    assertThat(slack.immediately(channel, ZOE, "zoe", "lead ME", responseUrl))
        .startsWith(
            "`me` is you, and your Slack account (zoe) is no person in the catalog. "
                + "Write it instead: `/incident tech-lead &lt;handle&gt;`.");

    ApiClient.sleep(300);
    assertThat(slack.repliesTo(responseUrl)).isZero();
    JsonNode state = api.get("/v1/incidents/" + incident).body();
    assertThat(state.path("commander").asText()).isEqualTo("erin");
    assertThat(state.path("roles").has("tech-lead")).isFalse();
    assertThat(events(state.path("timeline"), "role_assigned"))
        .singleElement()
        .asString()
        .startsWith("erin: ");
  }

  // First: a test after aSlackUserWhoseIdTheCatalogLacksIsMatchedByTheirProfileEmail (whose
  // failing users.info pauses every lookup for a minute) would see no lookup either way.
  @Test
  @Order(1)
  void helpAndTyposAreAnsweredWithoutAskingSlackWhoTypedThem() {
    String responseUrl = slack.responseUrl("commands");

    assertThat(slack.immediately("C0GENERAL", "U0HELPME", "helper", "help", responseUrl))
        .startsWith("*/incident* runs an incident from Slack");
    assertThat(slack.immediately("C0GENERAL", "U0HELPME", "helper", "resovle", responseUrl))
        .startsWith("`resovle` is not an /incident command.");
    STACK.slack.verify(
        0, postRequestedFor(urlEqualTo("/api/users.info")).withRequestBody(containing("U0HELPME")));

    // A command about an incident does ask (then remembers the answer for a while).
    assertThat(slack.immediately("C0GENERAL", "U0HELPME", "helper", "status", responseUrl))
        .startsWith("This channel belongs to no incident.");
    STACK.slack.verify(
        1, postRequestedFor(urlEqualTo("/api/users.info")).withRequestBody(containing("U0HELPME")));
  }

  @Test
  void aSlackUserWhoseIdTheCatalogLacksIsMatchedByTheirProfileEmail() {
    String channel = channel();
    String incident = slack.declareIn(api, channel, "SEV2", "Second account");
    STACK.slack.stubFor(
        WireMock.post(urlEqualTo("/api/users.info"))
            .withFormParam("user", WireMock.equalTo("W0DANA2"))
            .willReturn(
                okJson(
                    "{\"ok\":true,\"user\":{\"id\":\"W0DANA2\",\"team_id\":\"T0001\",\"name\":\"dana.w\","
                        + "\"deleted\":false,\"is_bot\":false,\"profile\":{\"real_name\":\"Dana Whitfield\","
                        + "\"display_name\":\"dana.w\",\"email\":\"Dana@example.com\",\"team\":\"T0001\"}}}")));
    STACK.slack.stubFor(
        WireMock.post(urlEqualTo("/api/users.info"))
            .withFormParam("user", WireMock.equalTo("W0GUEST"))
            .willReturn(WireMock.aResponse().withStatus(503)));

    assertThat(run(channel, "W0DANA2", "dana.w", "ack"))
        .isEqualTo(incident + " is now acknowledged.");
    assertThat(run(channel, "W0GUEST", "guest.user", "decision page the database team"))
        .isEqualTo("Decision logged on " + incident + ".");

    JsonNode timeline = api.get("/v1/incidents/" + incident).body().path("timeline");
    assertThat(events(timeline, "acknowledged")).containsExactly("dana: Acknowledged by dana");
    assertThat(events(timeline, "decision")).containsExactly("guest.user: page the database team");
    STACK.slack.verify(
        postRequestedFor(urlEqualTo("/api/users.info"))
            .withFormParam("user", WireMock.equalTo("W0DANA2"))
            .withHeader("Authorization", WireMock.equalTo("Bearer xoxb-test")));
  }

  @Test
  void anIncidentNamedByIdCanBeRunFromAnyChannel() {
    String incident = slack.declareIn(api, channel(), "SEV2", "Named by id");

    assertThat(
            run("C0GENERAL", ALICE, "alice", "ack " + incident.toLowerCase(java.util.Locale.ROOT)))
        .isEqualTo(incident + " is now acknowledged.");
    assertThat(run("C0GENERAL", ALICE, "alice", incident + " decision keep the feature flag off"))
        .isEqualTo("Decision logged on " + incident + ".");

    assertThat(status(incident)).isEqualTo("acknowledged");
  }

  @Test
  void refusalComesBackToTheActorWithTheWorkflowsReason() {
    String channel = channel();
    String incident = slack.declareIn(api, channel, "SEV2", "Acknowledged twice");
    run(channel, BOB, "bob", "ack");

    assertThat(run(channel, ALICE, "alice", "ack"))
        .isEqualTo(incident + " is already acknowledged by bob");
    assertThat(run(channel, ALICE, "alice", "reopen"))
        .isEqualTo(incident + " is acknowledged, not resolved");

    JsonNode state = api.get("/v1/incidents/" + incident).body();
    assertThat(state.path("status").asText()).isEqualTo("acknowledged");
    assertThat(events(state.path("timeline"), "acknowledged"))
        .containsExactly("bob: Acknowledged by bob");
  }

  @Test
  void statusIsAnsweredAtOnce() {
    String channel = channel();
    String incident = slack.declareIn(api, channel, "SEV2", "Where are we");
    String responseUrl = slack.responseUrl("commands");

    SlackSender.Answer answer = slack.command(channel, ALICE, "alice", "status", responseUrl);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(answer.text())
        .startsWith(
            "*"
                + incident
                + "* \u00b7 SEV2 \u00b7 payments-api \u00b7 *triggered*\nWhere are we\nCommander: ")
        .containsPattern("\nTriggered <!date\\^[0-9]+\\^[^>]+> \u00b7 \\*not acknowledged yet\\*\n")
        .contains("Next status update due <!date^")
        .endsWith("Channel: <#" + channel + ">");
    ApiClient.sleep(200);
    assertThat(slack.repliesTo(responseUrl)).isZero();

    run(channel, BOB, "bob", "ack");
    run(channel, BOB, "bob", "escalate");
    api.await(
        "/v1/incidents/" + incident, state -> state.body().path("escalationLevel").asInt() == 1);
    assertThat(slack.immediately(channel, ALICE, "alice", "status", responseUrl))
        .containsPattern(
            "\nTriggered <!date\\^[0-9]+\\^[^>]+> \u00b7 acknowledged <!date\\^[0-9]+\\^[^>]+>"
                + " \u00b7 escalation step 1 paged\n");
  }

  @Test
  void mistakesGetAnEphemeralExplanationAndChangeNothing() {
    String channel = channel();
    String incident = slack.declareIn(api, channel, "SEV2", "Typos happen");
    String responseUrl = slack.responseUrl("commands");

    assertThat(immediately(channel, "frobnicate", responseUrl))
        .startsWith("`frobnicate` is not an /incident command.")
        .contains("*/incident* runs an incident from Slack");
    assertThat(immediately(channel, "sev SEV9", responseUrl))
        .startsWith("That is not a severity.")
        .contains("severity 'SEV9' is not a known severity or alias");
    assertThat(immediately(channel, "ic <@U0NOBODY>", responseUrl))
        .startsWith("<@U0NOBODY> has no Slack id in the catalog");
    assertThat(immediately(channel, "ic nobody", responseUrl))
        .startsWith("That is not a person I know.")
        .contains("person 'nobody' is not a person in the catalog");
    assertThat(immediately(channel, "update", responseUrl)).startsWith("Say what the update is");
    assertThat(immediately(channel, "declare SEV9 checkout Down", responseUrl))
        .startsWith("invalid declaration")
        .contains("severity 'SEV9' is not a known severity or alias");
    assertThat(immediately("C0GENERAL", "ack", responseUrl))
        .startsWith("This channel belongs to no incident.");
    assertThat(immediately("C0GENERAL", "ack INC-999999", responseUrl))
        .isEqualTo("INC-999999 does not exist");
    assertThat(immediately(channel, "help", responseUrl))
        .startsWith("*/incident* runs an incident from Slack");

    ApiClient.sleep(300);
    assertThat(slack.repliesTo(responseUrl)).isZero();
    JsonNode state = api.get("/v1/incidents/" + incident).body();
    assertThat(state.path("status").asText()).isEqualTo("triggered");
    assertThat(state.path("severity").asText()).isEqualTo("SEV2");
  }

  @Test
  void aCommandOutsideAnIncidentChannelIsToldHowToNameEachRunningIncident() {
    String channel = channel();
    String incident = slack.declareIn(api, channel, "SEV2", "Queue backs up <eu>");
    String responseUrl = slack.responseUrl("commands");

    String answer = immediately("C0GENERAL", "update  rolled back &amp; watching", responseUrl);

    assertThat(answer)
        .startsWith(
            "This channel belongs to no incident. Name the incident first: "
                + "`/incident INC-42 update  rolled back &amp; watching`.")
        .contains(
            "\n\u2022 `/incident "
                + incident
                + " update  rolled back &amp; watching` (SEV2 payments-api, triggered: "
                + "Queue backs up &lt;eu&gt;)");
    ApiClient.sleep(300);
    assertThat(slack.repliesTo(responseUrl)).isZero();
    assertThat(
            events(api.get("/v1/incidents/" + incident).body().path("timeline"), "status_update"))
        .isEmpty();
  }

  private String run(String channel, String userId, String userName, String text) {
    return slack.run(channel, userId, userName, text);
  }

  private String immediately(String channel, String text, String responseUrl) {
    return slack.immediately(channel, ALICE, "alice", text, responseUrl);
  }

  private static void assertWorking(SlackSender.Answer answer) {
    SlackSender.assertWorking(answer);
  }

  private String status(String incident) {
    return api.get("/v1/incidents/" + incident).body().path("status").asText();
  }

  private static String channel() {
    return "C0CMD" + CHANNELS.incrementAndGet();
  }

  /** The timeline's events of one type as {@code by: text}. */
  static List<String> events(JsonNode timeline, String type) {
    return StreamSupport.stream(timeline.spliterator(), false)
        .filter(event -> event.path("type").asText().equals(type))
        .map(event -> event.path("by").asText() + ": " + event.path("text").asText())
        .toList();
  }
}
