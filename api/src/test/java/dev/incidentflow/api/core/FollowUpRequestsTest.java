package dev.incidentflow.api.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FollowUpRequestsTest {
  private static final LocalDate TODAY = LocalDate.parse("2026-12-05");
  private static final Duration ESCALATE = Duration.ofDays(3);

  @Test
  void aDueDateFromYesterdayOnIsTaken() {
    assertThat(FollowUpRequests.dueProblem(TODAY.minusDays(1), TODAY, ESCALATE)).isEmpty();
    assertThat(FollowUpRequests.dueProblem(TODAY, TODAY, ESCALATE)).isEmpty();
    assertThat(FollowUpRequests.dueProblem(LocalDate.parse("9999-12-31"), TODAY, ESCALATE))
        .isEmpty();
  }

  @Test
  void aDueDateBeforeYesterdayIsRefusedAsAMistypedYear() {
    assertThat(FollowUpRequests.dueProblem(LocalDate.parse("2025-12-10"), TODAY, ESCALATE))
        .contains(
            "due 2025-12-10 is in the past (today is 2026-12-05 in UTC): the item would start"
                + " overdue, and go to its owner's manager once 3d past due");
    assertThat(FollowUpRequests.dueProblem(TODAY.minusDays(2), TODAY, ESCALATE)).isPresent();
  }

  @Test
  void aDueDateAfterTheYear9999IsRefused() {
    assertThat(FollowUpRequests.dueProblem(LocalDate.parse("+10000-01-01"), TODAY, ESCALATE))
        .contains("due +10000-01-01 is after 9999-12-31");
  }
}
