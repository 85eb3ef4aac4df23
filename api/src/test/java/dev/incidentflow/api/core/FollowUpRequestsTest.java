package dev.incidentflow.api.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FollowUpRequestsTest {
  private static final LocalDate TODAY = LocalDate.parse("2026-12-05");

  @Test
  void aDueDateFromYesterdayOnIsTaken() {
    assertThat(FollowUpRequests.dueProblem(TODAY.minusDays(1), TODAY)).isEmpty();
    assertThat(FollowUpRequests.dueProblem(TODAY, TODAY)).isEmpty();
    assertThat(FollowUpRequests.dueProblem(LocalDate.parse("9999-12-31"), TODAY)).isEmpty();
  }

  @Test
  void aDueDateBeforeYesterdayIsRefusedAsAMistypedYear() {
    assertThat(FollowUpRequests.dueProblem(LocalDate.parse("2025-12-10"), TODAY))
        .contains(
            "due 2025-12-10 is in the past (today is 2026-12-05 in UTC): the item would be"
                + " overdue, and its owner's manager told, at once");
    assertThat(FollowUpRequests.dueProblem(TODAY.minusDays(2), TODAY)).isPresent();
  }

  @Test
  void aDueDateAfterTheYear9999IsRefused() {
    assertThat(FollowUpRequests.dueProblem(LocalDate.parse("+10000-01-01"), TODAY))
        .contains("due +10000-01-01 is after 9999-12-31");
  }
}
