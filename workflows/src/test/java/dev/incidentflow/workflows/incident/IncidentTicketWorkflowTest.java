package dev.incidentflow.workflows.incident;

import static dev.incidentflow.workflows.model.TimelineEventType.TICKET_CREATED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentflow.workflows.activities.IssueComment;
import dev.incidentflow.workflows.activities.IssueKind;
import dev.incidentflow.workflows.activities.NewTrackerIssue;
import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.model.TimelineEvent;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The owning team's ticket for an incident that pages nobody, through the workflow: opened in the
 * background, recorded on the timeline, told in the channel, never twice.
 */
class IncidentTicketWorkflowTest {
  private static final String TICKET_POST =
      "Ticket PAY-1 opened in PAY for the payments team: https://jira.example.com/browse/PAY-1";

  @RegisterExtension final IncidentTestEnvironment env = new IncidentTestEnvironment();

  private String channel() {
    return env.incident(1).channelId();
  }

  @Test
  void aSev3IncidentOpensOneTicketInTheOwningTeamsProjectAndPagesNobody() {
    IncidentWorkflow incident = env.startAlertIncident("alert-a", Severity.SEV3);
    env.sleepUntil(1, Duration.ofMinutes(30));
    incident.resolve(new Transition("alice", "restarted the consumer"));
    // Waiting on the result skips time to the monitoring window's end.
    env.awaitOutcome("alert-a");

    assertThat(env.tracker.issues).containsOnlyKeys("PAY-1");
    NewTrackerIssue issue = env.tracker.issues.get("PAY-1");
    assertThat(issue.kind()).isEqualTo(IssueKind.INCIDENT);
    assertThat(issue.summary()).isEqualTo("INC-1 (SEV3, checkout): Checkout error budget burn");
    assertThat(issue.description()).contains("Channel: #inc-1-sev3-checkout-error-budget-burn");
    assertThat(env.paging.events).isEmpty();
    assertThat(env.events(1, TICKET_CREATED))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.text()).isEqualTo(TICKET_POST);
              assertThat(event.data()).containsEntry("key", "PAY-1");
            });
    assertThat(env.slack.textsIn(channel())).containsOnlyOnce(TICKET_POST);
    assertThat(env.tracker.comments)
        .singleElement()
        .satisfies(
            comment -> {
              assertThat(comment.issueKey()).isEqualTo("PAY-1");
              assertThat(comment.text())
                  .startsWith("INC-1 was resolved by alice at ")
                  .endsWith(", 30m after it started. restarted the consumer");
            });
    env.recordHistory("sev3-opens-ticket", "alert-a");
  }

  @Test
  void aSev1IncidentOpensNoTicket() {
    IncidentWorkflow incident = env.startAlertIncident("alert-a", Severity.SEV1);
    env.sleepUntil(1, Duration.ofMinutes(3));
    incident.resolve(new Transition("alice", ""));
    // Waiting on the result skips time to the monitoring window's end.
    env.awaitOutcome("alert-a");

    assertThat(env.tracker.issues).isEmpty();
    assertThat(env.events(1, TICKET_CREATED)).isEmpty();
  }

  @Test
  void aTicketRefusedByJiraIsToldInTheChannelAndTheIncidentGoesOn() {
    env.tracker.rejectCreates = true;
    IncidentWorkflow incident = env.startAlertIncident("alert-a", Severity.SEV4);
    env.sleepUntil(1, Duration.ofMinutes(1));

    IncidentView view = incident.acknowledge(new Transition("bob", ""));

    assertThat(view.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
    assertThat(env.events(1, TICKET_CREATED)).isEmpty();
    assertThat(env.slack.textsIn(channel()))
        .contains(
            "Jira refused the ticket in PAY, so the owning team has none from IncidentFlow: Jira"
                + " rejected the issue (HTTP 400): project: project is required");
  }

  @Test
  void anIncidentCanceledWhileJiraIsDownRecordsItsTicketBeforeItsRunEnds() {
    env.tracker.outagesBeforeCreate.set(4);
    env.tracker.outagesBeforeComment.set(4);
    IncidentWorkflow incident = env.startAlertIncident("alert-a", Severity.SEV3);

    incident.cancel(new Transition("alice", "duplicate of INC-0"));
    // Waiting on the result skips time through the retries' backoff (about 30 s) to the run's end.
    IncidentOutcome outcome = env.awaitOutcome("alert-a");

    assertThat(outcome.status()).isEqualTo(IncidentStatus.CANCELED);
    assertThat(env.tracker.issues).containsOnlyKeys("PAY-1");
    assertThat(env.events(1, TICKET_CREATED))
        .singleElement()
        .extracting(TimelineEvent::text)
        .isEqualTo(TICKET_POST);
    assertThat(env.tracker.comments)
        .singleElement()
        .extracting(IssueComment::text)
        .asString()
        .startsWith("INC-1 was canceled as a false alarm by alice at ")
        .endsWith(" after it started. duplicate of INC-0");
  }
}
