package dev.incidentflow.api.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.incidentflow.api.ApiClient;
import dev.incidentflow.api.IncidentFlowConfiguration;
import dev.incidentflow.api.TestStack;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /incident action} and {@code /incident postmortem} end to end on the real application: the
 * same action items and publications as {@code POST /v1/incidents/{id}/action-items} and {@code
 * /postmortem}, done by the catalog person who typed them.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SlackFollowUpCommandsTest {
  private static final TestStack STACK = TestStack.get();
  // The shared build machine can be slow: give a new action item a minute to be recorded.
  static final DropwizardAppExtension<IncidentFlowConfiguration> APP =
      STACK.app(
          "e2e/policy.yml",
          ConfigOverride.config("slack.signingSecret", SlackSender.SIGNING_SECRET),
          ConfigOverride.config("declareWait", "60s"));
  private static final AtomicInteger CHANNELS = new AtomicInteger();
  private static final String ALICE = "U0ALICE";

  private ApiClient api;
  private SlackSender slack;

  @BeforeEach
  void connect() {
    api = new ApiClient(APP.getLocalPort(), TestStack.TOKEN);
    slack = new SlackSender(APP.getLocalPort(), STACK.slack);
  }

  @Test
  void actionAddsAnItemOwnedByTheMentionedCatalogPerson() {
    String channel = channel();
    String incident = slack.declareIn(api, channel, "SEV2", "Checkout latency");
    LocalDate inThreeDays = LocalDate.now(ZoneOffset.UTC).plusDays(3);

    String reply =
        slack.run(
            channel,
            ALICE,
            "alice.ng",
            "action <@U0BOB|bob> 3d Add a canary for checkout &amp; cart");
    String improvement =
        slack.run(
            "C0GENERAL",
            ALICE,
            "alice.ng",
            "action "
                + incident
                + " improvement carol 2030-01-31 \u201CAlert on queue depth\u201D");

    assertThat(reply)
        .matches(
            "Action item \\S+ added to "
                + incident
                + ": Add a canary for checkout &amp; cart "
                + "\\(root_cause, bob, due "
                + inThreeDays
                + "\\), Jira \\S+\\.");
    assertThat(improvement)
        .matches(
            "Action item \\S+ added to "
                + incident
                + ": Alert on queue depth "
                + "\\(improvement, carol, due 2030-01-31\\), Jira \\S+\\.");
    JsonNode items = api.get("/v1/incidents/" + incident + "/action-items").body();
    assertThat(items).hasSize(2);
    assertThat(items.findValuesAsText("title"))
        .containsExactlyInAnyOrder("Add a canary for checkout & cart", "Alert on queue depth");
    JsonNode canary =
        items.get(0).path("owner").asText().equals("bob") ? items.get(0) : items.get(1);
    assertThat(canary.path("due").asText()).isEqualTo(inThreeDays.toString());
    assertThat(canary.path("kind").asText()).isEqualTo("root_cause");
    assertThat(canary.path("status").asText()).isEqualTo("open");
  }

  @Test
  void doneMarksAnItemDoneByWhoeverTypedItAsTheHttpApiDoes() {
    String channel = channel();
    String incident = slack.declareIn(api, channel, "SEV2", "Checkout latency");
    String added = slack.run(channel, ALICE, "alice.ng", "action bob 3d Add a canary");
    assertThat(added).startsWith("Action item AI-");
    String item = added.split(" ")[2];

    String done = slack.run("C0GENERAL", ALICE, "alice.ng", "done " + item + " Canary is live");
    String again = slack.run("C0GENERAL", "U0BOB", "bob", "done " + item.toLowerCase());
    String unknown = slack.run(channel, ALICE, "alice.ng", "done AI-987654321");

    assertThat(done)
        .isEqualTo(
            "Action item "
                + item
                + " of "
                + incident
                + " is done (marked done by alice): Add a canary.");
    // Bob, too late, hears who did it.
    assertThat(again).isEqualTo(done);
    assertThat(unknown).isEqualTo("AI-987654321 does not exist");
    JsonNode items = api.get("/v1/incidents/" + incident + "/action-items").body();
    assertThat(items.get(0).path("status").asText()).isEqualTo("done");
    JsonNode timeline =
        api.await(
                "/v1/incidents/" + incident,
                answer -> answer.body().path("timeline").toString().contains("action_item_done"),
                Duration.ofSeconds(60))
            .body()
            .path("timeline");
    for (JsonNode event : timeline) {
      if (event.path("type").asText().equals("action_item_done")) {
        assertThat(event.path("by").asText()).isEqualTo("alice");
        assertThat(event.path("text").asText()).contains("(marked done by alice: Canary is live)");
      }
    }
  }

  @Test
  void postmortemIsHandedOverThenPublishedOnce() {
    String incident = slack.declareIn(api, channel(), "SEV1", "Checkout down");
    assertThat(
            api.post(
                    "/v1/incidents/" + incident + "/resolve",
                    "{\"by\":\"alice\",\"note\":\"rolled back\"}")
                .status())
        .isEqualTo(200);
    // SEV1's monitoring window in e2e/policy.yml is 3s; the closed incident starts its postmortem.
    api.await(
        "/v1/incidents/" + incident + "/postmortem",
        answer -> answer.status() == 200,
        Duration.ofSeconds(120));
    String url = "https://wiki.example.com/postmortems/" + incident;

    String handedOver =
        slack.run(
            "C0GENERAL", ALICE, "alice.ng", "postmortem " + incident + " owner <@U0DANA|dana>");
    assertThat(handedOver).isEqualTo("The postmortem of " + incident + " is now owned by dana.");
    assertThat(api.get("/v1/incidents/" + incident + "/postmortem").body().path("owner"))
        .isEqualTo(TextNode.valueOf("dana"));

    String published =
        slack.run(
            "C0GENERAL",
            ALICE,
            "alice.ng",
            "postmortem "
                + incident
                + " <"
                + url
                + "?v=1&amp;lang=en> A bad release; canaries from now on");
    String again =
        slack.run(
            "C0GENERAL",
            "U0BOB",
            "bob",
            "postmortem " + incident + " https://wiki.example.com/other");

    assertThat(published)
        .isEqualTo("Postmortem of " + incident + " published: " + url + "?v=1&amp;lang=en");
    assertThat(again).startsWith("the postmortem of " + incident + " is already published");
    JsonNode postmortem = api.get("/v1/incidents/" + incident + "/postmortem").body();
    assertThat(postmortem.path("status").asText()).isEqualTo("published");
    assertThat(postmortem.path("publishedUrl").asText()).isEqualTo(url + "?v=1&lang=en");
    assertThat(postmortem.path("summary").asText())
        .isEqualTo("A bad release; canaries from now on");
    assertThat(postmortem.path("publishedBy").asText()).isEqualTo("alice");
  }

  @Test
  void badArgumentsGetTheProblemAndTheUsageAtOnceAndChangeNothing() {
    String channel = channel();
    String incident = slack.declareIn(api, channel, "SEV2", "Careful typing");
    String responseUrl = slack.responseUrl("commands");

    assertThat(immediately(channel, "action <@U0ZOE|zoe> 3d Fix it", responseUrl))
        .isEqualTo(
            "invalid action item\n\u2022 owner 'zoe' is not a person in the catalog\nUsage: "
                + SlashCommandParser.ACTION_USAGE);
    assertThat(immediately(channel, "action <@U0NOBODY> 3d Fix it", responseUrl))
        .startsWith("<@U0NOBODY> has no Slack id in the catalog, so I do not know their handle.");
    assertThat(immediately(channel, "action bob 2026-02-30 Fix it", responseUrl))
        .contains("due '2026-02-30' is not a date");
    LocalDate aYearAgo = LocalDate.now(ZoneOffset.UTC).minusYears(1);
    assertThat(immediately(channel, "action bob " + aYearAgo + " Fix it", responseUrl))
        .contains("due " + aYearAgo + " is in the past");
    assertThat(immediately(channel, "action bob soon Fix it", responseUrl))
        .startsWith("`soon` is not a due date")
        .contains("*/incident* runs an incident from Slack");
    assertThat(immediately(channel, "postmortem ftp://files.example.com/pm", responseUrl))
        .isEqualTo(
            "invalid publication\n\u2022 url must be an http(s) URL\nUsage: `/incident postmortem &lt;url&gt; [summary]`");
    assertThat(immediately(channel, "postmortem", responseUrl))
        .startsWith("Say where the postmortem is");
    assertThat(immediately("C0GENERAL", "action bob 3d Fix it", responseUrl))
        .startsWith("This channel belongs to no incident.");
    assertThat(slack.run(channel, ALICE, "alice", "cancel false alarm"))
        .isEqualTo(incident + " is now canceled.");
    assertThat(immediately(channel, "action bob 3d Fix it", responseUrl))
        .isEqualTo(incident + " was canceled as a false alarm; it has no action items");

    ApiClient.sleep(300);
    assertThat(slack.repliesTo(responseUrl)).isZero();
    assertThat(api.get("/v1/incidents/" + incident + "/action-items").body()).isEmpty();
  }

  private String immediately(String channel, String text, String responseUrl) {
    return slack.immediately(channel, ALICE, "alice", text, responseUrl);
  }

  private static String channel() {
    return "C0FOLLOW" + CHANNELS.incrementAndGet();
  }
}
