package dev.incidentflow.activities.tracker;

import static dev.incidentflow.activities.tracker.JiraFixtures.actionItem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoggingTrackerActivitiesTest {

  @Test
  void recordsWhatItWouldCreateAndHandsOutTheSameKeyForTheSameLabel() {
    LoggingTrackerActivities tracker = new LoggingTrackerActivities();

    assertThat(tracker.createIssue(actionItem("bob")).key()).isEqualTo("DEV-1");
    assertThat(tracker.createIssue(actionItem("bob")).key()).isEqualTo("DEV-1");

    assertThat(tracker.calls())
        .hasSize(2)
        .first()
        .satisfies(
            call ->
                assertThat(call.text())
                    .contains("PAY", "[INC-42]", "assignee bob", "due 2026-11-27"));
    assertThat(tracker.issueStatus("DEV-1").done()).isFalse();
  }
}
