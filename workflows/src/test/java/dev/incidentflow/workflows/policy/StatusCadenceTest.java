package dev.incidentflow.workflows.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentflow.workflows.model.Severity;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StatusCadenceTest {
  private static final Instant START = Instant.parse("2025-03-03T10:00:00Z");
  private static final Policy POLICY = TestPolicies.defaults();

  private static StatusCadence cadence(Severity severity) {
    return new StatusCadence(POLICY.row(severity).statusUpdates().every(), START, 0);
  }

  private static Instant at(int minutes) {
    return START.plus(Duration.ofMinutes(minutes));
  }

  @Test
  void sev1WantsAnUpdateFifteenMinutesAfterTheStart() {
    StatusCadence sev1 = cadence(Severity.SEV1);

    assertThat(sev1.nextUpdateDue()).contains(at(15));
    assertThat(sev1.nextNoticeAt()).contains(at(15));
    assertThat(sev1.isNoticeDue(at(15).minusMillis(1))).isFalse();
    assertThat(sev1.isNoticeDue(at(15))).isTrue();
  }

  @Test
  void sev2WantsAnUpdateThirtyMinutesAfterTheStart() {
    assertThat(cadence(Severity.SEV2).nextNoticeAt()).contains(at(30));
  }

  @ParameterizedTest
  @EnumSource(
      value = Severity.class,
      names = {"SEV3", "SEV4"})
  void severitiesWithUpdatesAtOpenAndResolveOnlyNeverNag(Severity severity) {
    StatusCadence none = cadence(severity);

    assertThat(none.every()).isNull();
    assertThat(none.nextUpdateDue()).isEmpty();
    assertThat(none.nextNoticeAt()).isEmpty();
    assertThat(none.isNoticeDue(at(10_000))).isFalse();
  }

  @Test
  void updateAtFourteenMinutesPushesTheReminderToTwentyNine() {
    StatusCadence updated = cadence(Severity.SEV1).restartedAt(at(14));

    assertThat(updated.nextUpdateDue()).contains(at(29));
    assertThat(updated.nextNoticeAt()).contains(at(29));
    assertThat(updated.isNoticeDue(at(15))).isFalse();
    assertThat(updated.isNoticeDue(at(29))).isTrue();
  }

  @Test
  void eachNoticeWaitsAnotherPeriodAndTheSecondIsTheEscalatingOne() {
    StatusCadence first = cadence(Severity.SEV1).noticed();
    StatusCadence second = first.noticed();

    assertThat(first.overdueNotices()).isEqualTo(1);
    assertThat(first.nextNoticeAt()).contains(at(30));
    assertThat(first.nextUpdateDue()).contains(at(15));
    assertThat(second.overdueNotices()).isEqualTo(StatusCadence.ESCALATING_NOTICE);
    assertThat(second.nextNoticeAt()).contains(at(45));
  }

  @Test
  void updateAfterNoticesStartsTheCountOver() {
    StatusCadence restarted = cadence(Severity.SEV1).noticed().noticed().restartedAt(at(40));

    assertThat(restarted.overdueNotices()).isZero();
    assertThat(restarted.nextNoticeAt()).contains(at(55));
  }

  @Test
  void newSeverityKeepsTheLastUpdateAndCountsItsOwnPeriodFromThere() {
    StatusCadence sev1 =
        cadence(Severity.SEV2)
            .restartedAt(at(10))
            .noticed()
            .withEvery(POLICY.row(Severity.SEV1).statusUpdates().every());

    assertThat(sev1.lastUpdateAt()).isEqualTo(at(10));
    assertThat(sev1.overdueNotices()).isZero();
    assertThat(sev1.nextNoticeAt()).contains(at(25));
  }

  @Test
  void newSeverityWithoutCadenceStopsTheReminders() {
    StatusCadence sev3 =
        cadence(Severity.SEV1).withEvery(POLICY.row(Severity.SEV3).statusUpdates().every());

    assertThat(sev3.nextNoticeAt()).isEmpty();
  }

  @Test
  void negativeNoticeCountIsRejected() {
    assertThatThrownBy(() -> new StatusCadence(Duration.ofMinutes(15), START, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("overdueNotices must not be negative");
  }
}
