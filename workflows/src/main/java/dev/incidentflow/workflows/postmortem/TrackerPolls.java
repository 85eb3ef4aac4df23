package dev.incidentflow.workflows.postmortem;

import dev.incidentflow.workflows.activities.TrackerActivities;
import dev.incidentflow.workflows.activities.TrackerStatus;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.util.Optional;
import org.slf4j.Logger;

/** How the postmortem and action item workflows poll their issue's status in Jira. */
final class TrackerPolls {
  private static final Logger log = Workflow.getLogger(TrackerPolls.class);

  /**
   * Version 1 of this change keeps chasing when Jira refuses a poll for good (an expired token, a
   * permission taken away, a deleted issue): the status is asked again at the next poll. In version
   * 0 the refusal failed the run, and the postmortem or action item was chased no more.
   */
  static final String POLL_SURVIVES_REFUSAL = "poll-survives-refusal";

  private TrackerPolls() {}

  /**
   * The issue's status in Jira; empty when Jira refused to answer for good (it is retried while
   * Jira is down or limits the rate).
   *
   * @param of what the issue tracks, for the log ({@code INC-7's postmortem})
   */
  static Optional<TrackerStatus> status(TrackerActivities tracker, String issueKey, String of) {
    try {
      return Optional.of(tracker.issueStatus(issueKey));
    } catch (ActivityFailure failure) {
      if (Workflow.getVersion(POLL_SURVIVES_REFUSAL, Workflow.DEFAULT_VERSION, 1)
          == Workflow.DEFAULT_VERSION) {
        throw failure;
      }
      log.warn(
          "{}: Jira refused the status of {}; asking again at the next poll: {}",
          of,
          issueKey,
          FollowUpNotices.reason(failure));
      return Optional.empty();
    }
  }
}
