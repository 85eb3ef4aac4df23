package dev.incidentflow.activities.directory;

import static dev.incidentflow.activities.directory.ShippedConfig.policyWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.policy.Policy;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A policy.yml the loader cannot trust stops it with the file and the key that is wrong. */
class PolicyLoaderTest {

  @Test
  void unknownNotifyKindNamesTheTarget() {
    assertRefused(
            "notify: [\"oncall:secondary\", \"role:engineering-manager\"]",
            "notify: [\"pager:x\", \"role:engineering-manager\"]")
        .hasMessage(
            "policy.yml: severities.SEV1.escalation[1].notify[0]: notify target 'pager:x' has"
                + " unknown kind 'pager' (use oncall, role, person or channel)");
  }

  @Test
  void oncallTargetOtherThanPrimaryOrSecondaryIsRefused() {
    assertRefused(
            "{after: 0m, notify: [\"oncall:primary\"]}\n      - {after: 5m",
            "{after: 0m, notify: [\"oncall:tertiary\"]}\n      - {after: 5m")
        .hasMessage(
            "policy.yml: severities.SEV1.escalation[0].notify[0]: oncall target must be"
                + " oncall:primary or oncall:secondary, not oncall:tertiary");
  }

  @Test
  void inviteIsOptionalAndKeepsItsTargetsInOrder() {
    Policy policy =
        policyWith(
            "invite: [\"role:engineering-manager\"]",
            "invite: [\" person:dana \", \"role:communications\", \"oncall:secondary\"]");

    assertThat(policy.row(Severity.SEV1).invite())
        .containsExactly("person:dana", "role:communications", "oncall:secondary");
    assertThat(policy.row(Severity.SEV2).invite()).isEmpty();
  }

  @Test
  void inviteOfAChannelIsRefused() {
    assertRefused(
            "invite: [\"role:engineering-manager\"]",
            "invite: [\"role:engineering-manager\", \"channel:leadership\"]")
        .hasMessage(
            "policy.yml: severities.SEV1.invite[1]: 'channel:leadership' is a channel; invite names"
                + " people (oncall:, role:, person:)");
  }

  @Test
  void inviteOfNoTargetIsRefused() {
    assertRefused("invite: [\"role:engineering-manager\"]", "invite: [\"dana\"]")
        .hasMessage(
            "policy.yml: severities.SEV1.invite[0]: notify target 'dana' must be oncall:, role:,"
                + " person: or channel: followed by a name");
    assertRefused("invite: [\"role:engineering-manager\"]", "invite: [\" \"]")
        .hasMessage("policy.yml: severities.SEV1.invite[0]: is empty");
  }

  @Test
  void negativeDurationIsRefused() {
    assertRefused("{every: 30m, audience: [channel]}", "{every: -5m, audience: [channel]}")
        .hasMessage(
            "policy.yml: severities.SEV2.statusUpdates.every: '-5m' is not a duration:"
                + " durations cannot be negative");
  }

  @Test
  void postmortemReminderThatIsNoDurationIsRefused() {
    assertRefused("remindBefore: 8h", "remindBefore: soonish")
        .hasMessage(
            "policy.yml: severities.SEV2.postmortem.remindBefore: 'soonish' is not a duration (use"
                + " forms like 30s, 5m, 24h, 2d)");
  }

  @Test
  void textThatIsNoDurationIsRefused() {
    assertRefused("monitoringWindow: 30m              #", "monitoringWindow: soon #")
        .hasMessage(
            "policy.yml: severities.SEV1.monitoringWindow: 'soon' is not a duration (use forms"
                + " like 30s, 5m, 24h, 2d)");
  }

  @Test
  void aliasClaimedByTwoSeveritiesNamesBoth() {
    assertRefused("aliases: [P2, error]", "aliases: [P2, CRITICAL]")
        .hasMessage(
            "policy.yml: severities.SEV2.aliases[1]: 'CRITICAL' is an alias of both SEV1 and SEV2"
                + " (aliases are matched case-insensitively)");
  }

  @Test
  void aliasNamingAnotherSeverityIsRefused() {
    assertRefused("aliases: [P4, info]", "aliases: [P4, sev3]")
        .hasMessage(
            "policy.yml: severities.SEV4.aliases[1]: 'sev3' is the name of SEV3, not an alias of"
                + " SEV4");
  }

  @Test
  void unknownSeverityKeyIsRefused() {
    assertRefused("  SEV4:\n", "  SEV5:\n")
        .hasMessage("policy.yml: severities.SEV5: unknown severity (use SEV1, SEV2, SEV3 or SEV4)");
  }

  @Test
  void missingSeverityIsRefused() {
    String text = ShippedConfig.policyText();
    String withoutSev4 =
        text.substring(0, text.indexOf("  SEV4:\n"))
            + text.substring(text.indexOf("\n# Postmortem"));

    assertThatThrownBy(() -> PolicyLoader.load(ShippedConfig.stream(withoutSev4), "policy.yml"))
        .isInstanceOf(ConfigurationError.class)
        .hasMessage("policy.yml: severities.SEV4: missing; every severity needs a row");
  }

  @Test
  void sameSeverityTwiceInAnyCaseIsRefused() {
    assertRefused("  SEV4:\n", "  sev3:\n")
        .hasMessage("policy.yml: severities.sev3: a second row for SEV3");
  }

  @Test
  void unknownKeyIsRefusedWithTheKeysThatAreKnownThere() {
    assertRefused(
            "postmortem: {required: true, due: 24h, remindBefore: 4h}",
            "postmortem: {required: true, due: 24h, remindBefore: 4h, owner: dana}")
        .hasMessageStartingWith(
            "policy.yml: severities.SEV1.postmortem.owner: unknown key (known here: due,"
                + " remindBefore, required)");
  }

  @Test
  void unknownTopLevelKeyIsRefused() {
    assertRefused(
            "actionItems: {remindBefore: 2d,", "retention: 90d\nactionItems: {remindBefore: 2d,")
        .hasMessageStartingWith(
            "policy.yml: retention: unknown key (known here: actionItems, severities)");
  }

  @Test
  void unknownUnlessStatusIsRefused() {
    assertRefused("unless: identified,", "unless: acked,")
        .hasMessage(
            "policy.yml: severities.SEV1.escalation[2].unless: 'acked' is not a status (use"
                + " acknowledged, identified, mitigated or resolved)");
  }

  @Test
  void escalationStepsOutOfOrderAreRefused() {
    assertRefused("{after: 10m, unless: identified,", "{after: 3m, unless: identified,")
        .hasMessage(
            "policy.yml: severities.SEV1.escalation[2].after: 3m is earlier than the step before"
                + " it (5m); list steps in order of after");
  }

  @Test
  void statusUpdatesWithoutEveryIsRefusedBecauseNullMustBeSaid() {
    assertRefused(
            "page: false                        # ticket only\n    statusUpdates: {every: null, ",
            "page: false                        # ticket only\n    statusUpdates: {")
        .hasMessage(
            "policy.yml: severities.SEV4.statusUpdates.every: missing; give a duration like 15m,"
                + " or null for updates at open and resolve only");
  }

  @Test
  void pagingSeverityWithoutEscalationIsRefused() {
    assertRefused(
            "page: false                        # a ticket",
            "page: true                        # a ticket")
        .hasMessage(
            "policy.yml: severities.SEV3.escalation: SEV3 pages (page: true) but has no escalation"
                + " steps; add one or set page: false");
  }

  @Test
  void requiredPostmortemWithoutDueIsRefused() {
    assertRefused(
            "{required: true, due: 48h, remindBefore: 8h}", "{required: true, remindBefore: 8h}")
        .hasMessage(
            "policy.yml: severities.SEV2.postmortem.due: missing; give a duration like 30s, 5m,"
                + " 24h or 2d");
  }

  @Test
  void pageThatIsNotABooleanIsRefused() {
    assertRefused(
            "aliases: [P1, critical]            # matched case-insensitively against alert"
                + " severity labels\n    page: true",
            "aliases: [P1, critical]\n    page: maybe")
        .hasMessageStartingWith("policy.yml: severities.SEV1.page: 'maybe' is not true or false");
  }

  @Test
  void zeroPollIntervalIsRefused() {
    assertRefused("pollEvery: 6h", "pollEvery: 0m")
        .hasMessage("policy.yml: actionItems.pollEvery: must be longer than 0");
  }

  @Test
  void unknownAudienceIsRefused() {
    assertRefused("audience: [channel, stakeholders]", "audience: [channel, executives]")
        .hasMessage(
            "policy.yml: severities.SEV1.statusUpdates.audience[1]: unknown audience 'executives'"
                + " (use channel or stakeholders)");
  }

  @Test
  void severityNamedTwiceIsRefused() {
    assertRefused("  SEV4:\n", "  SEV1:\n")
        .hasMessageStartingWith("policy.yml: severities: key 'SEV1' appears twice");
  }

  @Test
  void emptyFileIsRefused() {
    assertThatThrownBy(
            () -> PolicyLoader.load(ShippedConfig.stream("# nothing yet\n"), "policy.yml"))
        .isInstanceOf(ConfigurationError.class)
        .hasMessage("policy.yml: the file is empty");
  }

  @Test
  void brokenYamlIsRefused() {
    assertThatThrownBy(
            () ->
                PolicyLoader.load(
                    ShippedConfig.stream("severities:\n  SEV1: {page: true\n"), "policy.yml"))
        .isInstanceOf(ConfigurationError.class)
        .hasMessageStartingWith(
            "policy.yml: severities: not valid YAML: while parsing a flow mapping");
  }

  @Test
  void missingFileIsRefusedNamingThePath(@TempDir Path directory) {
    Path missing = directory.resolve("policy.yml");

    assertThatThrownBy(() -> PolicyLoader.load(missing))
        .isInstanceOf(ConfigurationError.class)
        .hasMessage(missing + ": no such file");
  }

  @Test
  void missingClasspathResourceIsRefusedNamingIt() {
    assertThatThrownBy(() -> PolicyLoader.loadResource("incidentflow/no-such-policy.yml"))
        .isInstanceOf(ConfigurationError.class)
        .hasMessage("classpath:incidentflow/no-such-policy.yml: no such resource");
  }

  @Test
  void errorCarriesFileAndKeySeparately() {
    ConfigurationError error =
        catchThrowableOfType(
            ConfigurationError.class, () -> policyWith("pollEvery: 6h", "pollEvery: 0m"));

    assertThat(error.file()).isEqualTo("policy.yml");
    assertThat(error.key()).isEqualTo("actionItems.pollEvery");
    assertThat(error.problem()).isEqualTo("must be longer than 0");
  }

  @Test
  void streamLoadsTheSameAsThePath() {
    Policy fromStream =
        PolicyLoader.load(ShippedConfig.stream(ShippedConfig.policyText()), "policy.yml");

    assertThat(fromStream).isEqualTo(ShippedConfig.policy());
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(
      String original, String replacement) {
    return assertThatThrownBy(() -> policyWith(original, replacement))
        .isInstanceOf(ConfigurationError.class);
  }
}
