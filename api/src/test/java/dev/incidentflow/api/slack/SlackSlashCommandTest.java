package dev.incidentflow.api.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.incidentflow.workflows.model.ActionItemKind;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code /incident} as people type it: spacing, quotes, unicode, mentions, ids before or after the
 * word.
 */
class SlackSlashCommandTest {
  private static final Optional<String> HERE = Optional.empty();

  static Stream<Arguments> commands() {
    return Stream.of(
        arguments("", new SlashCommand.Help()),
        arguments("   ", new SlashCommand.Help()),
        arguments("help", new SlashCommand.Help()),
        arguments("HELP me", new SlashCommand.Help()),
        arguments("ack", new SlashCommand.Lifecycle(HERE, LifecycleStep.ACKNOWLEDGE, "")),
        arguments("Ack", new SlashCommand.Lifecycle(HERE, LifecycleStep.ACKNOWLEDGE, "")),
        arguments(
            "  ack    INC-42  ",
            new SlashCommand.Lifecycle(id("INC-42"), LifecycleStep.ACKNOWLEDGE, "")),
        arguments(
            "inc-42 ack", new SlashCommand.Lifecycle(id("INC-42"), LifecycleStep.ACKNOWLEDGE, "")),
        arguments(
            "acknowledge on it",
            new SlashCommand.Lifecycle(HERE, LifecycleStep.ACKNOWLEDGE, "on it")),
        arguments(
            "identify bad deploy v1.4.2",
            new SlashCommand.Lifecycle(HERE, LifecycleStep.IDENTIFY, "bad deploy v1.4.2")),
        arguments(
            "mitigate INC-7 rolled back",
            new SlashCommand.Lifecycle(id("INC-7"), LifecycleStep.MITIGATE, "rolled back")),
        arguments(
            "resolve rolled back   v1.2  and watching ",
            new SlashCommand.Lifecycle(
                HERE, LifecycleStep.RESOLVE, "rolled back   v1.2  and watching")),
        arguments(
            "resolve \"error rate back to normal\"",
            new SlashCommand.Lifecycle(HERE, LifecycleStep.RESOLVE, "error rate back to normal")),
        arguments(
            "resolve INC-7 \u201Cerror rate normal\u201D",
            new SlashCommand.Lifecycle(id("INC-7"), LifecycleStep.RESOLVE, "error rate normal")),
        arguments(
            "resolve customers saw \"payment failed\" for 5m",
            new SlashCommand.Lifecycle(
                HERE, LifecycleStep.RESOLVE, "customers saw \"payment failed\" for 5m")),
        arguments(
            "reopen errors are back",
            new SlashCommand.Lifecycle(HERE, LifecycleStep.REOPEN, "errors are back")),
        arguments(
            "cancel false alarm",
            new SlashCommand.Lifecycle(HERE, LifecycleStep.CANCEL, "false alarm")),
        arguments(
            "escalate nobody from payments answers",
            new SlashCommand.Lifecycle(
                HERE, LifecycleStep.ESCALATE, "nobody from payments answers")),
        arguments(
            "declare SEV1 checkout Checkout is down",
            new SlashCommand.Declare("SEV1", "checkout", "Checkout is down")),
        arguments(
            "declare  sev2   \"payments api\"   \"Card payments failing\"",
            new SlashCommand.Declare("sev2", "payments api", "Card payments failing")),
        arguments(
            "declare P1 checkout Zahlungen schlagen fehl \u2014 \u6C7A\u6E08\u30A8\u30E9\u30FC \uD83D\uDCA5",
            new SlashCommand.Declare(
                "P1",
                "checkout",
                "Zahlungen schlagen fehl \u2014 \u6C7A\u6E08\u30A8\u30E9\u30FC \uD83D\uDCA5")),
        arguments(
            "declare SEV3 search p99 &gt; 800ms &amp; rising",
            new SlashCommand.Declare("SEV3", "search", "p99 > 800ms & rising")),
        arguments("sev SEV2", new SlashCommand.ChangeSeverity(HERE, "SEV2", "")),
        arguments(
            "sev INC-3 SEV1 all EU customers affected",
            new SlashCommand.ChangeSeverity(id("INC-3"), "SEV1", "all EU customers affected")),
        arguments("severity p2", new SlashCommand.ChangeSeverity(HERE, "p2", "")),
        arguments(
            "sev SEV1 inc-3 all EU customers affected",
            new SlashCommand.ChangeSeverity(id("INC-3"), "SEV1", "all EU customers affected")),
        arguments(
            "ic <@U0BOB|bob>",
            new SlashCommand.AssignRole(HERE, "commander", new SlackMention("U0BOB", "bob"))),
        arguments(
            "ic    <@U0BOB>",
            new SlashCommand.AssignRole(HERE, "commander", new SlackMention("U0BOB", null))),
        arguments(
            "comms <@W0CAROL|carol.s>",
            new SlashCommand.AssignRole(
                HERE, "communications", new SlackMention("W0CAROL", "carol.s"))),
        arguments(
            "scribe INC-9 erin",
            new SlashCommand.AssignRole(id("INC-9"), "scribe", new SlackMention(null, "erin"))),
        arguments(
            "ic <@U0BOB|bob> inc-37",
            new SlashCommand.AssignRole(
                id("INC-37"), "commander", new SlackMention("U0BOB", "bob"))),
        arguments(
            "lead @dana",
            new SlashCommand.AssignRole(HERE, "tech-lead", new SlackMention(null, "dana"))),
        arguments(
            "lead @zo\u00EB",
            new SlashCommand.AssignRole(HERE, "tech-lead", new SlackMention(null, "zo\u00EB"))),
        arguments(
            "INC-5 ic <@U0BOB|bob>",
            new SlashCommand.AssignRole(
                id("INC-5"), "commander", new SlackMention("U0BOB", "bob"))),
        arguments(
            "update Rolled back &lt;v1.2&gt; &amp; watching",
            new SlashCommand.PostUpdate(HERE, "Rolled back <v1.2> & watching")),
        arguments(
            "update INC-42 handing over to <@U0BOB|bob>",
            new SlashCommand.PostUpdate(id("INC-42"), "handing over to <@U0BOB|bob>")),
        arguments(
            "update \u00DCberlastung behoben \u2705",
            new SlashCommand.PostUpdate(HERE, "\u00DCberlastung behoben \u2705")),
        arguments(
            "update rolled back, see <https://grafana.example.com/d/x?a=1&amp;b=2|dashboard> and"
                + " <https://status.example.com|status.example.com> &amp; <https://example.com/s>",
            new SlashCommand.PostUpdate(
                HERE,
                "rolled back, see dashboard (https://grafana.example.com/d/x?a=1&b=2) and"
                    + " https://status.example.com & https://example.com/s")),
        arguments(
            "decision ask <mailto:dba@example.com|dba@example.com> in <#C0DB|db-oncall>, not <@U0BOB|bob>",
            new SlashCommand.LogDecision(
                HERE, "ask dba@example.com in #db-oncall, not <@U0BOB|bob>")),
        arguments(
            "declare SEV2 checkout 5xx on <https://shop.example.com/pay|/pay>",
            new SlashCommand.Declare(
                "SEV2", "checkout", "5xx on /pay (https://shop.example.com/pay)")),
        arguments(
            "decision fail over to eu-west-1",
            new SlashCommand.LogDecision(HERE, "fail over to eu-west-1")),
        arguments(
            "postmortem https://wiki.example.com/pm/42",
            new SlashCommand.PublishPostmortem(HERE, "https://wiki.example.com/pm/42", "")),
        arguments(
            "postmortem owner <@U0BOB|bob>",
            new SlashCommand.HandOverPostmortem(HERE, new SlackMention("U0BOB", "bob"))),
        arguments(
            "INC-42 postmortem Owner me",
            new SlashCommand.HandOverPostmortem(id("INC-42"), new SlackMention(null, "me"))),
        arguments(
            "postmortem owner <@U0DANA|dana> inc-42",
            new SlashCommand.HandOverPostmortem(id("INC-42"), new SlackMention("U0DANA", "dana"))),
        arguments(
            "postmortem INC-42 owner @dana",
            new SlashCommand.HandOverPostmortem(id("INC-42"), new SlackMention(null, "dana"))),
        arguments(
            "postmortem INC-42 <https://wiki.example.com/pm?id=42&amp;v=2> Bad release &amp; no canary",
            new SlashCommand.PublishPostmortem(
                id("INC-42"), "https://wiki.example.com/pm?id=42&v=2", "Bad release & no canary")),
        arguments(
            "INC-42 postmortem  <https://wiki.example.com/pm/42|wiki.example.com/pm/42>   \"Ausfall \u2014 \u6C7A\u6E08\"",
            new SlashCommand.PublishPostmortem(
                id("INC-42"), "https://wiki.example.com/pm/42", "Ausfall \u2014 \u6C7A\u6E08")),
        arguments(
            "postmortem https://wiki.example.com/pm/36 INC-36",
            new SlashCommand.PublishPostmortem(id("INC-36"), "https://wiki.example.com/pm/36", "")),
        // A formatted link's label may have spaces: the link is one word all the same.
        arguments(
            "postmortem <https://wiki.example.com/pm/42|Checkout outage postmortem>",
            new SlashCommand.PublishPostmortem(HERE, "https://wiki.example.com/pm/42", "")),
        arguments(
            "postmortem <https://wiki.example.com/pm/42|Checkout outage, the postmortem> INC-42 Bad"
                + " release",
            new SlashCommand.PublishPostmortem(
                id("INC-42"), "https://wiki.example.com/pm/42", "Bad release")),
        arguments(
            "postmortem <https://wiki.example.com/pm/36|pm> inc-36 Bad release &amp; no canary",
            new SlashCommand.PublishPostmortem(
                id("INC-36"), "https://wiki.example.com/pm/36", "Bad release & no canary")),
        arguments(
            "postmortem https://wiki.example.com/pm/36 Same cause as INC-12",
            new SlashCommand.PublishPostmortem(
                HERE, "https://wiki.example.com/pm/36", "Same cause as INC-12")),
        arguments(
            "postmortem https://wiki.example.com/pm/36 \"INC-12\" again",
            new SlashCommand.PublishPostmortem(
                HERE, "https://wiki.example.com/pm/36", "\"INC-12\" again")),
        arguments(
            "postmortem INC-36 https://wiki.example.com/pm/36 INC-12 again",
            new SlashCommand.PublishPostmortem(
                id("INC-36"), "https://wiki.example.com/pm/36", "INC-12 again")),
        arguments(
            "INC-36 postmortem https://wiki.example.com/pm/36 INC-12 again",
            new SlashCommand.PublishPostmortem(
                id("INC-36"), "https://wiki.example.com/pm/36", "INC-12 again")),
        arguments(
            "action bob 2026-11-27 Add a canary for checkout releases",
            new SlashCommand.AddActionItem(
                HERE,
                ActionItemKind.ROOT_CAUSE,
                new SlackMention(null, "bob"),
                "2026-11-27",
                "Add a canary for checkout releases")),
        arguments(
            "action   improvement   <@U0BOB|bob>  2w  \u201CAlert on queue depth\u201D",
            new SlashCommand.AddActionItem(
                HERE,
                ActionItemKind.IMPROVEMENT,
                new SlackMention("U0BOB", "bob"),
                "2w",
                "Alert on queue depth")),
        arguments(
            "action INC-7 root-cause @zo\u00EB 3d Pin the TLS library &lt;1.4&gt;",
            new SlashCommand.AddActionItem(
                id("INC-7"),
                ActionItemKind.ROOT_CAUSE,
                new SlackMention(null, "zo\u00EB"),
                "3d",
                "Pin the TLS library <1.4>")),
        arguments(
            "action Improvement <@U0CAROL> 10D Runbook for failover",
            new SlashCommand.AddActionItem(
                HERE,
                ActionItemKind.IMPROVEMENT,
                new SlackMention("U0CAROL", null),
                "10D",
                "Runbook for failover")),
        arguments("done AI-7", new SlashCommand.MarkActionItemDone("AI-7", "")),
        arguments(
            "done ai-12   Canary alert is live",
            new SlashCommand.MarkActionItemDone("AI-12", "Canary alert is live")),
        arguments("status", new SlashCommand.Status(HERE)),
        arguments("status INC-12", new SlashCommand.Status(id("INC-12"))),
        arguments("INC-12", new SlashCommand.Status(id("INC-12"))));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("commands")
  void parsesWhatPeopleType(String text, SlashCommand expected) {
    assertThat(SlashCommand.parse(text)).isEqualTo(expected);
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        arguments("frobnicate", "`frobnicate` is not an /incident command"),
        arguments("INC-4 frobnicate", "`frobnicate` is not an /incident command"),
        arguments("declare", "/incident declare &lt;severity&gt; &lt;service&gt; &lt;title&gt;"),
        arguments(
            "declare SEV1 checkout",
            "/incident declare &lt;severity&gt; &lt;service&gt; &lt;title&gt;"),
        arguments("declare SEV1 checkout \"Checkout down", "A quote is not closed"),
        arguments("INC-4 declare SEV1 checkout Down", "leave out INC-4"),
        arguments("sev", "Name the new severity"),
        arguments("sev INC-3", "Name the new severity"),
        arguments("sev \"\"", "Name the new severity"),
        arguments("INC-4 severity \u201C \u201D why", "Name the new severity"),
        arguments("ic", "Say who: `/incident ic @person`"),
        arguments("comms <@U1|a> <@U2|b>", "Name one person"),
        arguments("ic <!here>", "`&lt;!here&gt;` is not a person"),
        arguments("update", "Say what the update is"),
        arguments("update INC-42", "Say what the update is"),
        arguments("decision   ", "Say what was decided"),
        arguments(
            "postmortem",
            "Say where the postmortem is: `/incident postmortem &lt;url&gt; [summary]`"),
        arguments("postmortem INC-3 \"\"", "Say where the postmortem is"),
        arguments("postmortem \"< >\"", "Say where the postmortem is"),
        arguments("postmortem owner", "Say who owns it now: `/incident postmortem owner @person`"),
        arguments("postmortem owner <@U1|a> <@U2|b>", "Name one person"),
        arguments("postmortem owner <!here>", "`&lt;!here&gt;` is not a person"),
        arguments(
            "action",
            "Say who, by when and what: `/incident action [root_cause|improvement] &lt;owner&gt;"),
        arguments("action bob 3d", "Say who, by when and what"),
        arguments("action improvement bob 3d", "Say who, by when and what"),
        arguments("action bob 3d \"\"", "Say what is to be done"),
        arguments("action <!here> 3d Fix it", "`&lt;!here&gt;` is not a person"),
        arguments(
            "action bob tomorrow Fix it",
            "`tomorrow` is not a due date: give a date like 2026-11-27"),
        arguments("action bob 27.11.2026 Fix it", "`27.11.2026` is not a due date"),
        arguments("action someday bob 3d Fix it", "`bob` is not a due date"),
        arguments("done", "Name the action item, as `AI-7`: `/incident done &lt;action item&gt;"),
        arguments("done INC-4", "An incident is done with `/incident resolve`"),
        arguments("INC-4 done AI-7", "`done` names its action item, not an incident; leave out"));
  }

  static Stream<Arguments> typos() {
    return Stream.of(
        arguments("resovle INC-4", "Did you mean `/incident resolve INC-4`?"),
        arguments("INC-4 akc", "Did you mean `/incident INC-4 ack`?"),
        arguments("Acknowledged", "Did you mean `/incident acknowledge`?"),
        arguments(
            "mitigated   rolled back v1.2", "Did you mean `/incident mitigate rolled back v1.2`?"),
        arguments("stat", "Did you mean `/incident status`?"),
        arguments(
            "comm @bob", "Did you mean `/incident commander @bob` or `/incident comms @bob`?"),
        arguments("sev1 INC-3 all EU down", "Did you mean `/incident sev SEV1 INC-3 all EU down`?"),
        arguments("P2", "Did you mean `/incident sev P2`?"),
        arguments(
            "close INC-9", "Did you mean `/incident resolve INC-9`? An incident closes by itself"),
        arguments(
            "decalre SEV1 checkout p99 &gt; 2s",
            "Did you mean `/incident declare SEV1 checkout p99 &gt; 2s`?"),
        arguments("upate &lt;all&gt; good", "Did you mean `/incident update &lt;all&gt; good`?"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("typos")
  void aMistypedCommandIsExplainedWithTheCommandItProbablyMeant(String text, String suggestion) {
    assertThat(SlashCommand.parse(text))
        .isInstanceOfSatisfying(
            SlashCommand.Invalid.class,
            invalid ->
                assertThat(invalid.problem()).contains("is not an /incident command.", suggestion));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"frobnicate", "is it down?", "\"resolv\" now", "xy"})
  void aWordNearNoCommandGetsNoGuess(String text) {
    assertThat(SlashCommand.parse(text))
        .isInstanceOfSatisfying(
            SlashCommand.Invalid.class,
            invalid -> assertThat(invalid.problem()).doesNotContain("Did you mean"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("mistakes")
  void explainsWhatIsWrongInsteadOfGuessing(String text, String problem) {
    assertThat(SlashCommand.parse(text))
        .isInstanceOfSatisfying(
            SlashCommand.Invalid.class, invalid -> assertThat(invalid.problem()).contains(problem));
  }

  private static Optional<String> id(String incidentId) {
    return Optional.of(incidentId);
  }
}
