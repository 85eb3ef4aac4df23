package dev.incidentflow.activities.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.incidentflow.workflows.activities.Briefing;
import dev.incidentflow.workflows.activities.ChannelInvite;
import dev.incidentflow.workflows.activities.ChannelMessage;
import dev.incidentflow.workflows.activities.ChannelRename;
import dev.incidentflow.workflows.activities.DirectMessage;
import dev.incidentflow.workflows.activities.FailureType;
import dev.incidentflow.workflows.activities.OpenChannel;
import dev.incidentflow.workflows.activities.SlackChannel;
import dev.incidentflow.workflows.model.Person;
import dev.incidentflow.workflows.model.Severity;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SlackChatActivitiesImplTest {

  private static final String TOKEN = "xoxb-test-token";
  private static final String CHANNEL = "inc-42-sev1-checkout-down";
  private static final Person ALICE =
      new Person("alice", "Alice Ng", "alice@example.com", "U0ALICE", null, null, "dana");
  private static final Person BOB =
      new Person("bob", "Bob Li", "bob@example.com", null, null, null, null);

  @RegisterExtension
  static WireMockExtension slack =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final ObjectMapper json = new ObjectMapper();

  private SlackChatActivitiesImpl activities() {
    return new SlackChatActivitiesImpl(new SlackSettings(TOKEN, slack.baseUrl() + "/api/", false));
  }

  private static void answer(String method, String body) {
    slack.stubFor(post(urlPathEqualTo("/api/" + method)).willReturn(okJson(body)));
  }

  private static int requests(String method) {
    return slack.findAll(postRequestedFor(urlPathEqualTo("/api/" + method))).size();
  }

  private static LoggedRequest onlyRequest(String method) {
    List<LoggedRequest> requests =
        slack.findAll(postRequestedFor(urlPathEqualTo("/api/" + method)));
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  /** Slack form fields as the SDK sends them; it encodes booleans as {@code 1} and {@code 0}. */
  private static String form(LoggedRequest request, String name) {
    return request.formParameter(name).getValues().get(0);
  }

  @Test
  void openChannelCreatesInvitesAndSetsTopicWithTheBotToken() {
    answer(
        "conversations.create",
        "{\"ok\":true,\"channel\":{\"id\":\"C0NEW\",\"name\":\"" + CHANNEL + "\"}}");
    answer("users.lookupByEmail", "{\"ok\":true,\"user\":{\"id\":\"U0BOB\"}}");
    answer("conversations.invite", "{\"ok\":true,\"channel\":{\"id\":\"C0NEW\"}}");
    answer("conversations.setTopic", "{\"ok\":true}");

    SlackChannel channel =
        activities()
            .openChannel(
                new OpenChannel(CHANNEL, false, "SEV1 checkout down", List.of(ALICE, BOB)));

    assertThat(channel).isEqualTo(new SlackChannel("C0NEW", CHANNEL));
    LoggedRequest create = onlyRequest("conversations.create");
    assertThat(create.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(create.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(form(create, "name")).isEqualTo(CHANNEL);
    assertThat(form(create, "is_private")).isEqualTo("0");
    assertThat(form(onlyRequest("users.lookupByEmail"), "email")).isEqualTo("bob@example.com");
    LoggedRequest invite = onlyRequest("conversations.invite");
    assertThat(form(invite, "channel")).isEqualTo("C0NEW");
    assertThat(form(invite, "users")).isEqualTo("U0ALICE,U0BOB");
    LoggedRequest topic = onlyRequest("conversations.setTopic");
    assertThat(form(topic, "channel")).isEqualTo("C0NEW");
    assertThat(form(topic, "topic")).isEqualTo("SEV1 checkout down");
    assertThat(requests("auth.test")).isZero();
  }

  @Test
  void renameChannelRenamesByIdAndANameTakenIsRefusedForGood() {
    answer("conversations.rename", "{\"ok\":true,\"channel\":{\"id\":\"C0NEW\"}}");

    activities().renameChannel(new ChannelRename("C0NEW", "inc-42-sev1-checkout-down"));

    LoggedRequest rename = onlyRequest("conversations.rename");
    assertThat(rename.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(form(rename, "channel")).isEqualTo("C0NEW");
    assertThat(form(rename, "name")).isEqualTo("inc-42-sev1-checkout-down");

    answer("conversations.rename", "{\"ok\":false,\"error\":\"name_taken\"}");
    ApplicationFailure refused =
        catchThrowableOfType(
            ApplicationFailure.class,
            () -> activities().renameChannel(new ChannelRename("C0NEW", "general")));
    assertThat(refused.getType()).isEqualTo(FailureType.SLACK_REJECTED.name());
    assertThat(refused.isNonRetryable()).isTrue();
  }

  @Test
  void inviteToChannelInvitesByIdOrEmailAndKeepsWhoIsAlreadyIn() {
    answer("users.lookupByEmail", "{\"ok\":true,\"user\":{\"id\":\"U0BOB\"}}");
    answer(
        "conversations.invite",
        "{\"ok\":false,\"error\":\"already_in_channel\",\"errors\":[{\"user\":\"U0ALICE\","
            + "\"ok\":false,\"error\":\"already_in_channel\"}]}");

    activities().inviteToChannel(new ChannelInvite("C0NEW", CHANNEL, List.of(ALICE, BOB)));

    LoggedRequest invite = onlyRequest("conversations.invite");
    assertThat(invite.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(form(invite, "channel")).isEqualTo("C0NEW");
    assertThat(form(invite, "users")).isEqualTo("U0ALICE,U0BOB");
    assertThat(form(invite, "force")).isEqualTo("1");
  }

  @Test
  void privateChannelSettingMakesEveryChannelPrivate() {
    answer(
        "conversations.create",
        "{\"ok\":true,\"channel\":{\"id\":\"G0NEW\",\"name\":\"" + CHANNEL + "\"}}");
    SlackChatActivitiesImpl activities =
        new SlackChatActivitiesImpl(new SlackSettings(TOKEN, slack.baseUrl() + "/api", true));

    activities.openChannel(new OpenChannel(CHANNEL, false, "", List.of()));

    assertThat(form(onlyRequest("conversations.create"), "is_private")).isEqualTo("1");
    assertThat(requests("conversations.invite")).isZero();
    assertThat(requests("conversations.setTopic")).isZero();
  }

  @Test
  void nameTakenReusesTheExistingChannelFoundByPagingThroughTheList() {
    answer("conversations.create", "{\"ok\":false,\"error\":\"name_taken\"}");
    slack.stubFor(
        post(urlPathEqualTo("/api/conversations.list"))
            .atPriority(5)
            .willReturn(
                okJson(
                    "{\"ok\":true,\"channels\":[{\"id\":\"C0GENERAL\",\"name\":\"general\"}],"
                        + "\"response_metadata\":{\"next_cursor\":\"dGVhbTpDMDYx\"}}")));
    slack.stubFor(
        post(urlPathEqualTo("/api/conversations.list"))
            .withFormParam("cursor", equalTo("dGVhbTpDMDYx"))
            .atPriority(1)
            .willReturn(
                okJson(
                    "{\"ok\":true,\"channels\":[{\"id\":\"C0EXISTING\",\"name\":\""
                        + CHANNEL
                        + "\",\"is_archived\":false}],\"response_metadata\":{\"next_cursor\":\"\"}}")));
    answer("conversations.invite", "{\"ok\":false,\"error\":\"already_in_channel\"}");
    answer("conversations.setTopic", "{\"ok\":true}");

    SlackChannel channel =
        activities()
            .openChannel(new OpenChannel(CHANNEL, false, "SEV1 checkout down", List.of(ALICE)));

    assertThat(channel).isEqualTo(new SlackChannel("C0EXISTING", CHANNEL));
    assertThat(requests("conversations.create")).isEqualTo(1);
    List<LoggedRequest> lists =
        slack.findAll(postRequestedFor(urlPathEqualTo("/api/conversations.list")));
    assertThat(lists).hasSize(2);
    assertThat(form(lists.get(0), "types")).isEqualTo("public_channel,private_channel");
    assertThat(form(lists.get(0), "exclude_archived")).isEqualTo("1");
    assertThat(form(onlyRequest("conversations.invite"), "channel")).isEqualTo("C0EXISTING");
    assertThat(form(onlyRequest("conversations.setTopic"), "channel")).isEqualTo("C0EXISTING");
    assertThat(requests("conversations.unarchive")).isZero();
  }

  @Test
  void nameTakenByAnArchivedChannelUnarchivesAndReusesIt() {
    answer("conversations.create", "{\"ok\":false,\"error\":\"name_taken\"}");
    slack.stubFor(
        post(urlPathEqualTo("/api/conversations.list"))
            .withFormParam("exclude_archived", equalTo("1"))
            .willReturn(
                okJson(
                    "{\"ok\":true,\"channels\":[],\"response_metadata\":{\"next_cursor\":\"\"}}")));
    slack.stubFor(
        post(urlPathEqualTo("/api/conversations.list"))
            .withFormParam("exclude_archived", equalTo("0"))
            .willReturn(
                okJson(
                    "{\"ok\":true,\"channels\":[{\"id\":\"C0OLD\",\"name\":\""
                        + CHANNEL
                        + "\",\"is_archived\":true}],\"response_metadata\":{\"next_cursor\":\"\"}}")));
    answer("conversations.unarchive", "{\"ok\":true}");

    SlackChannel channel = activities().openChannel(new OpenChannel(CHANNEL, false, "", List.of()));

    assertThat(channel.id()).isEqualTo("C0OLD");
    assertThat(form(onlyRequest("conversations.unarchive"), "channel")).isEqualTo("C0OLD");
    assertThat(requests("conversations.create")).isEqualTo(1);
  }

  @Test
  void nameTakenByAChannelTheBotCannotSeeIsNonRetryable() {
    answer("conversations.create", "{\"ok\":false,\"error\":\"name_taken\"}");
    answer(
        "conversations.list",
        "{\"ok\":true,\"channels\":[],\"response_metadata\":{\"next_cursor\":\"\"}}");

    assertThatThrownBy(
            () -> activities().openChannel(new OpenChannel(CHANNEL, false, "", List.of())))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.isNonRetryable()).isTrue();
              assertThat(failure.getType()).isEqualTo(FailureType.SLACK_REJECTED.name());
            });
    assertThat(requests("conversations.create")).isEqualTo(1);
  }

  @Test
  void membersSlackCannotFindAreSkippedNotFatal() {
    answer(
        "conversations.create",
        "{\"ok\":true,\"channel\":{\"id\":\"C0NEW\",\"name\":\"" + CHANNEL + "\"}}");
    answer("users.lookupByEmail", "{\"ok\":false,\"error\":\"users_not_found\"}");
    answer("conversations.invite", "{\"ok\":true,\"channel\":{\"id\":\"C0NEW\"}}");
    Person nobody = Person.ofHandle("nobody");

    SlackChannel channel =
        activities().openChannel(new OpenChannel(CHANNEL, false, "", List.of(ALICE, BOB, nobody)));

    assertThat(channel.id()).isEqualTo("C0NEW");
    assertThat(form(onlyRequest("conversations.invite"), "users")).isEqualTo("U0ALICE");
  }

  @Test
  void rateLimitIsRetryableWithSlacksRetryAfterAsTheNextRetryDelay() {
    slack.stubFor(
        post(urlPathEqualTo("/api/chat.postMessage")).willReturn(SlackWire.rateLimited(7)));

    assertThatThrownBy(() -> activities().postMessage(new ChannelMessage("C0NEW", "hello")))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.isNonRetryable()).isFalse();
              assertThat(failure.getType()).isEqualTo(SlackErrors.RATE_LIMITED);
              assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(7));
            });
    // The SDK must not retry on its own: Temporal owns retries, and an SDK retry would sleep
    // inside the activity, invisible to the workflow.
    assertThat(requests("chat.postMessage")).isEqualTo(1);
  }

  @Test
  void serverErrorIsRetryable() {
    slack.stubFor(
        post(urlPathEqualTo("/api/conversations.archive")).willReturn(aResponse().withStatus(503)));

    assertThatThrownBy(() -> activities().archiveChannel(new SlackChannel("C0NEW", CHANNEL)))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.isNonRetryable()).isFalse();
              assertThat(failure.getType()).isEqualTo(SlackErrors.UNAVAILABLE);
              assertThat(failure.getNextRetryDelay()).isNull();
            });
  }

  @Test
  void connectionFailureIsRetryable() {
    slack.stubFor(
        post(urlPathEqualTo("/api/chat.postMessage"))
            .willReturn(
                aResponse()
                    .withFault(
                        com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> activities().postMessage(new ChannelMessage("C0NEW", "hello")))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.isNonRetryable()).isFalse();
              assertThat(failure.getType()).isEqualTo(SlackErrors.UNAVAILABLE);
            });
  }

  @Test
  void channelNotFoundIsNonRetryableSlackRejected() {
    answer("chat.postMessage", "{\"ok\":false,\"error\":\"channel_not_found\"}");

    assertThatThrownBy(() -> activities().postMessage(new ChannelMessage("C0GONE", "hello")))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.isNonRetryable()).isTrue();
              assertThat(failure.getType()).isEqualTo(FailureType.SLACK_REJECTED.name());
              assertThat(failure.getOriginalMessage())
                  .contains("chat.postMessage", "channel_not_found");
            });
  }

  @Test
  void missingScopeSaysWhichScopeTheTokenNeeds() {
    answer(
        "conversations.create",
        "{\"ok\":false,\"error\":\"missing_scope\",\"needed\":\"channels:manage\",\"provided\":\"chat:write\"}");

    assertThatThrownBy(
            () -> activities().openChannel(new OpenChannel(CHANNEL, false, "", List.of())))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.isNonRetryable()).isTrue();
              assertThat(failure.getOriginalMessage()).contains("channels:manage");
            });
  }

  @Test
  void unknownSlackErrorIsRetryable() {
    answer("chat.postMessage", "{\"ok\":false,\"error\":\"something_new_and_odd\"}");

    assertThatThrownBy(() -> activities().postMessage(new ChannelMessage("C0NEW", "hello")))
        .isInstanceOfSatisfying(
            ApplicationFailure.class, failure -> assertThat(failure.isNonRetryable()).isFalse());
  }

  @Test
  void okFalseRatelimitedIsRetryable() {
    answer("chat.postMessage", "{\"ok\":false,\"error\":\"ratelimited\"}");

    assertThatThrownBy(() -> activities().postMessage(new ChannelMessage("C0NEW", "hello")))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.isNonRetryable()).isFalse();
              assertThat(failure.getType()).isEqualTo(SlackErrors.RATE_LIMITED);
            });
  }

  @Test
  void briefingCarriesTheFourButtonsWithTheIncidentIdAsValue() throws Exception {
    answer("chat.postMessage", "{\"ok\":true,\"channel\":\"C0NEW\",\"ts\":\"1700000000.000100\"}");
    Briefing briefing =
        new Briefing(
            "C0NEW",
            "INC-42",
            "Checkout returns 500",
            "Error rate above 5% for 10 minutes",
            Severity.SEV1,
            "checkout",
            "alice",
            "https://runbooks.example.com/checkout",
            "https://grafana.example.com/d/checkout",
            List.of(
                "https://alertmanager.example.com/#/alerts?filter=%7Bservice%3D%22checkout%22%7D"));

    activities().postBriefing(briefing);

    LoggedRequest request = onlyRequest("chat.postMessage");
    assertThat(form(request, "channel")).isEqualTo("C0NEW");
    assertThat(form(request, "text"))
        .contains("INC-42", "SEV1", "checkout", "Checkout returns 500");
    JsonNode blocks = json.readTree(form(request, "blocks"));
    assertThat(blocks.get(0).path("type").asText()).isEqualTo("header");
    assertThat(blocks.get(0).path("text").path("text").asText())
        .isEqualTo("INC-42: Checkout returns 500");
    String sections = blocks.toString();
    assertThat(sections)
        .contains("*Severity*\\nSEV1", "*Service*\\ncheckout", "*Commander*\\nalice")
        .contains("<https://runbooks.example.com/checkout|Runbook>")
        .contains("<https://grafana.example.com/d/checkout|Dashboard>")
        .contains("|Alert>");
    JsonNode actions = blocks.get(blocks.size() - 1);
    assertThat(actions.path("type").asText()).isEqualTo("actions");
    List<String> actionIds = new ArrayList<>();
    for (JsonNode button : actions.path("elements")) {
      assertThat(button.path("type").asText()).isEqualTo("button");
      assertThat(button.path("value").asText()).isEqualTo("INC-42");
      actionIds.add(button.path("action_id").asText());
    }
    assertThat(actionIds)
        .containsExactly(
            "incident_acknowledge", "incident_escalate", "incident_resolve", "incident_update");
    // Escalate and Resolve, next to Acknowledge, ask first; Acknowledge and Post update do not.
    JsonNode buttons = actions.path("elements");
    assertThat(buttons.get(0).has("confirm")).isFalse();
    assertThat(buttons.get(1).path("confirm").path("title").path("text").asText())
        .isEqualTo("Escalate INC-42?");
    assertThat(buttons.get(1).path("confirm").path("text").path("text").asText())
        .isEqualTo(
            "This pages the next step of INC-42's escalation chain now, whether or not it was due.");
    assertThat(buttons.get(1).path("confirm").path("confirm").path("text").asText())
        .isEqualTo("Escalate");
    assertThat(buttons.get(1).path("confirm").path("deny").path("text").asText())
        .isEqualTo("Don't escalate");
    assertThat(buttons.get(2).path("confirm").path("title").path("text").asText())
        .isEqualTo("Resolve INC-42?");
    assertThat(buttons.get(2).path("confirm").path("text").path("text").asText())
        .isEqualTo(
            "This resolves INC-42 and its pages: nobody else is paged for it, and its monitoring"
                + " window starts.");
    assertThat(buttons.get(3).has("confirm")).isFalse();
  }

  @Test
  void hostileTextIsShownAsWrittenWhileOurMentionsStillMention() {
    answer("chat.postMessage", "{\"ok\":true,\"channel\":\"C0NEW\",\"ts\":\"1700000000.000100\"}");

    activities()
        .postMessage(
            new ChannelMessage(
                "C0NEW",
                "Paging <@U0ALICE> for INC-42 (SEV1): <!channel> p99 > 2s & <https://evil.example|Runbook>"));

    assertThat(form(onlyRequest("chat.postMessage"), "text"))
        .isEqualTo(
            "Paging <@U0ALICE> for INC-42 (SEV1): &lt;!channel&gt; p99 &gt; 2s &amp; "
                + "&lt;https://evil.example|Runbook&gt;");
  }

  @Test
  void hostileBriefingShowsTheTitleAsWrittenAndKeepsItsOwnLinks() throws Exception {
    answer("chat.postMessage", "{\"ok\":true,\"channel\":\"C0NEW\",\"ts\":\"1700000000.000100\"}");
    Briefing briefing =
        new Briefing(
            "C0NEW",
            "INC-43",
            "<!here> DB <primary> & replica down",
            "<https://evil.example|Click to fix> & more",
            Severity.SEV1,
            "pay<ments>",
            "<!channel>",
            "https://runbooks.example.com/db?a=1&b=2",
            null,
            List.of());

    activities().postBriefing(briefing);

    LoggedRequest request = onlyRequest("chat.postMessage");
    assertThat(form(request, "text"))
        .startsWith(
            "INC-43 [SEV1] pay&lt;ments&gt;: &lt;!here&gt; DB &lt;primary&gt; &amp; replica down.");
    JsonNode blocks = json.readTree(form(request, "blocks"));
    assertThat(blocks.get(0).path("text").path("type").asText()).isEqualTo("plain_text");
    assertThat(blocks.get(0).path("text").path("text").asText())
        .isEqualTo("INC-43: <!here> DB <primary> & replica down");
    assertThat(blocks.get(1).path("text").path("text").asText())
        .isEqualTo("&lt;https://evil.example|Click to fix&gt; &amp; more");
    assertThat(blocks.toString())
        .contains("*Service*\\npay&lt;ments&gt;", "*Commander*\\n&lt;!channel&gt;")
        .contains("<https://runbooks.example.com/db?a=1&amp;b=2|Runbook>");
  }

  @Test
  void archivingAnArchivedChannelSucceeds() {
    answer("conversations.archive", "{\"ok\":false,\"error\":\"already_archived\"}");

    activities().archiveChannel(new SlackChannel("C0NEW", CHANNEL));

    assertThat(form(onlyRequest("conversations.archive"), "channel")).isEqualTo("C0NEW");
  }

  @Test
  void directMessageFindsThePersonByEmailAndPostsInTheirImChannel() {
    answer("users.lookupByEmail", "{\"ok\":true,\"user\":{\"id\":\"U0BOB\"}}");
    answer("conversations.open", "{\"ok\":true,\"channel\":{\"id\":\"D0BOB\"}}");
    answer("chat.postMessage", "{\"ok\":true,\"channel\":\"D0BOB\",\"ts\":\"1700000000.000200\"}");

    activities().directMessage(new DirectMessage(BOB, "You are paged for INC-42"));

    assertThat(form(onlyRequest("conversations.open"), "users")).isEqualTo("U0BOB");
    LoggedRequest post = onlyRequest("chat.postMessage");
    assertThat(form(post, "channel")).isEqualTo("D0BOB");
    assertThat(form(post, "text")).isEqualTo("You are paged for INC-42");
  }

  @Test
  void theImChannelOfAPersonIsOpenedOnceAndForgottenWhenPostingToItFails() {
    answer("conversations.open", "{\"ok\":true,\"channel\":{\"id\":\"D0ALICE\"}}");
    answer(
        "chat.postMessage", "{\"ok\":true,\"channel\":\"D0ALICE\",\"ts\":\"1700000000.000200\"}");
    SlackChatActivitiesImpl activities = activities();

    activities.directMessage(new DirectMessage(ALICE, "You are paged for INC-42"));
    activities.directMessage(new DirectMessage(ALICE, "Escalation level 1 for INC-42"));

    assertThat(requests("conversations.open")).isEqualTo(1);
    assertThat(requests("chat.postMessage")).isEqualTo(2);

    answer("chat.postMessage", "{\"ok\":false,\"error\":\"channel_not_found\"}");
    assertThatThrownBy(
            () -> activities.directMessage(new DirectMessage(ALICE, "INC-42 still open")))
        .isInstanceOf(ApplicationFailure.class);
    answer(
        "chat.postMessage", "{\"ok\":true,\"channel\":\"D0ALICE\",\"ts\":\"1700000000.000300\"}");
    activities.directMessage(new DirectMessage(ALICE, "INC-42 still open"));

    assertThat(requests("conversations.open")).isEqualTo(2);
  }

  @Test
  void directMessageToSomeoneSlackCannotFindIsSkipped() {
    answer("users.lookupByEmail", "{\"ok\":false,\"error\":\"users_not_found\"}");

    activities().directMessage(new DirectMessage(BOB, "You are paged for INC-42"));

    assertThat(requests("conversations.open")).isZero();
    assertThat(requests("chat.postMessage")).isZero();
    activities().directMessage(new DirectMessage(Person.ofHandle("nobody"), "hello"));
    assertThat(slack.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
  }

  @Test
  void constructingWithoutABotTokenIsRefused() {
    assertThatThrownBy(() -> new SlackChatActivitiesImpl(new SlackSettings(" ", null, false)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SLACK_BOT_TOKEN");
  }
}
