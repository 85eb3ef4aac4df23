package dev.incidentflow.activities.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.policy.EscalationStep;
import dev.incidentflow.workflows.policy.Policy;
import dev.incidentflow.workflows.policy.SeverityPolicy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped config/policy.yml says exactly what the issue asks for. */
class PolicyDefaultsTest {
  private final Policy policy = ShippedConfig.policy();

  @Test
  void sev1PagesPrimaryThenSecondaryAndManagerThenVpThenExecutive() {
    SeverityPolicy sev1 = policy.row(Severity.SEV1);

    assertThat(sev1.page()).isTrue();
    assertThat(sev1.escalation())
        .containsExactly(
            new EscalationStep(Duration.ZERO, null, List.of("oncall:primary")),
            new EscalationStep(
                Duration.ofMinutes(5),
                IncidentStatus.ACKNOWLEDGED,
                List.of("oncall:secondary", "role:engineering-manager")),
            new EscalationStep(
                Duration.ofMinutes(10), IncidentStatus.IDENTIFIED, List.of("role:vp-engineering")),
            new EscalationStep(
                Duration.ofMinutes(20), IncidentStatus.RESOLVED, List.of("role:executive")));
  }

  @Test
  void sev1UpdatesChannelAndStakeholdersEveryFifteenMinutes() {
    SeverityPolicy sev1 = policy.row(Severity.SEV1);

    assertThat(sev1.statusUpdates().every()).isEqualTo(Duration.ofMinutes(15));
    assertThat(sev1.statusUpdates().audience()).containsExactly("channel", "stakeholders");
    assertThat(sev1.monitoringWindow()).isEqualTo(Duration.ofMinutes(30));
    assertThat(sev1.postmortem().required()).isTrue();
    assertThat(sev1.postmortem().due()).isEqualTo(Duration.ofHours(24));
    assertThat(sev1.postmortem().remindBefore()).isEqualTo(Duration.ofHours(4));
  }

  @Test
  void sev1InvitesTheEngineeringManagerToItsChannelAndOtherSeveritiesNobody() {
    assertThat(policy.row(Severity.SEV1).invite()).containsExactly("role:engineering-manager");
    assertThat(policy.row(Severity.SEV2).invite()).isEmpty();
    assertThat(policy.row(Severity.SEV3).invite()).isEmpty();
    assertThat(policy.row(Severity.SEV4).invite()).isEmpty();
  }

  @Test
  void sev2PagesPrimaryAndManagerAfterFifteenMinutesUnlessAcknowledged() {
    SeverityPolicy sev2 = policy.row(Severity.SEV2);

    assertThat(sev2.page()).isTrue();
    assertThat(sev2.escalation())
        .containsExactly(
            new EscalationStep(Duration.ZERO, null, List.of("oncall:primary")),
            new EscalationStep(
                Duration.ofMinutes(15),
                IncidentStatus.ACKNOWLEDGED,
                List.of("role:engineering-manager")));
    assertThat(sev2.statusUpdates().every()).isEqualTo(Duration.ofMinutes(30));
    assertThat(sev2.monitoringWindow()).isEqualTo(Duration.ofMinutes(30));
    assertThat(sev2.postmortem().required()).isTrue();
    assertThat(sev2.postmortem().due()).isEqualTo(Duration.ofHours(48));
    assertThat(sev2.postmortem().remindBefore()).isEqualTo(Duration.ofHours(8));
  }

  @Test
  void sev3AndSev4PageNobodyUpdateOnlyAtOpenAndResolveAndNeedNoPostmortem() {
    for (Severity severity : List.of(Severity.SEV3, Severity.SEV4)) {
      SeverityPolicy row = policy.row(severity);

      assertThat(row.page()).as("%s pages", severity).isFalse();
      assertThat(row.pagingChain()).as("%s paging chain", severity).isEmpty();
      assertThat(row.statusUpdates().every()).as("%s cadence", severity).isNull();
      assertThat(row.monitoringWindow())
          .as("%s window", severity)
          .isEqualTo(Duration.ofMinutes(15));
      assertThat(row.postmortem().required()).as("%s postmortem", severity).isFalse();
    }
  }

  @Test
  void aliasesMapPriorityAndAlertLevelLabelsToSeverities() {
    assertThat(policy.row(Severity.SEV1).aliases()).containsExactly("P1", "critical");
    assertThat(policy.row(Severity.SEV2).aliases()).containsExactly("P2", "error");
    assertThat(policy.row(Severity.SEV3).aliases()).containsExactly("P3", "warning");
    assertThat(policy.row(Severity.SEV4).aliases()).containsExactly("P4", "info");
    assertThat(policy.severityFor("p1")).contains(Severity.SEV1);
    assertThat(policy.severityFor("CRITICAL")).contains(Severity.SEV1);
    assertThat(policy.severityFor("error")).contains(Severity.SEV2);
    assertThat(policy.severityFor("Warning")).contains(Severity.SEV3);
    assertThat(policy.severityFor("P4")).contains(Severity.SEV4);
    assertThat(policy.severityFor("info")).contains(Severity.SEV4);
  }

  @Test
  void actionItemsAreRemindedTwoDaysAheadEscalatedThreeDaysLateAndPolledEverySixHours() {
    assertThat(policy.actionItems().remindBefore()).isEqualTo(Duration.ofDays(2));
    assertThat(policy.actionItems().escalateAfterOverdue()).isEqualTo(Duration.ofDays(3));
    assertThat(policy.actionItems().pollEvery()).isEqualTo(Duration.ofHours(6));
  }
}
