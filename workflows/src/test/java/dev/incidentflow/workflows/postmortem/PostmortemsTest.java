package dev.incidentflow.workflows.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentflow.workflows.incident.IncidentState;
import dev.incidentflow.workflows.incident.IncidentWorkflow;
import dev.incidentflow.workflows.incident.Transition;
import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.PostmortemStatus;
import dev.incidentflow.workflows.model.Severity;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostmortemsTest {
  private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");

  @RegisterExtension final FollowUpTestEnvironment env = new FollowUpTestEnvironment();

  @Test
  void closedSev1PostmortemIsDueTheSeverityDueTimeAfterResolution() {
    IncidentState state = ClosedIncidents.closed(Severity.SEV1, T);

    PostmortemInput input = Postmortems.inputFor(state);

    assertThat(Postmortems.isRequired(state)).isTrue();
    assertThat(input.incidentId()).isEqualTo("INC-7");
    assertThat(input.incidentKey()).isEqualTo("first-run-7");
    assertThat(input.commander()).isEqualTo("alice");
    assertThat(input.stakeholderChannel()).isEqualTo("incidents");
    assertThat(input.times().acknowledgedAt()).isEqualTo(T.plus(Duration.ofMinutes(5)));
    assertThat(input.times().resolvedAt()).isEqualTo(T.plus(Duration.ofHours(1)));
    assertThat(input.dueAt()).isEqualTo(T.plus(Duration.ofHours(25)));
    assertThat(input.remindBefore()).isEqualTo(PostmortemInput.DEFAULT_REMIND_BEFORE);
    assertThat(input.pollEvery()).isEqualTo(Duration.ofHours(6));
  }

  @Test
  void anIncidentWithoutACommanderHasItsPostmortemOwnedByWhoeverAcknowledgedIt() {
    IncidentState state = ClosedIncidents.declared(Severity.SEV1, null, T);
    state.advance(IncidentStatus.ACKNOWLEDGED, new Transition("bob", ""), T.plusSeconds(300));
    state.advance(IncidentStatus.RESOLVED, new Transition("bob", ""), T.plusSeconds(3600));
    state.close(T.plusSeconds(5400));

    PostmortemInput input = Postmortems.inputFor(state);

    assertThat(input.commander()).isNull();
    assertThat(input.owner()).isEqualTo("bob");
    assertThat(Postmortems.inputFor(ClosedIncidents.closed(Severity.SEV1, T)).owner())
        .as("the commander, when there is one")
        .isEqualTo("alice");
  }

  @Test
  void anIncidentNobodyCommandedOrAcknowledgedHasItsPostmortemOwnedByWhoeverResolvedIt() {
    IncidentState state = ClosedIncidents.declared(Severity.SEV1, null, T);
    // Resolved straight from triggered: nobody acknowledged it.
    state.advance(IncidentStatus.RESOLVED, new Transition("carol", ""), T.plusSeconds(600));
    state.close(T.plusSeconds(2400));

    PostmortemInput input = Postmortems.inputFor(state);

    assertThat(input.times().acknowledgedAt()).isEqualTo(input.times().resolvedAt());
    assertThat(input.owner()).isEqualTo("carol");
  }

  @Test
  void severityThatDoesNotRequireAPostmortemGetsNone() {
    assertThat(Postmortems.isRequired(ClosedIncidents.closed(Severity.SEV3, T))).isFalse();
  }

  @Test
  void closingIncidentStartsItsPostmortemWhichOutlivesIt() {
    ClosingIncidentWorkflow incident =
        env.client()
            .newWorkflowStub(
                ClosingIncidentWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId("alertmanager-group-1")
                    .setTaskQueue(IncidentWorkflow.TASK_QUEUE)
                    .build());

    assertThat(incident.close(Severity.SEV1)).isEqualTo("INC-7");
    env.sleep(Duration.ofMinutes(1));

    PostmortemWorkflow postmortem =
        env.client().newWorkflowStub(PostmortemWorkflow.class, Postmortems.workflowId(7));
    assertThat(postmortem.view().status()).isEqualTo(PostmortemStatus.SCHEDULED);
    assertThat(env.isCompleted(Postmortems.workflowId(7))).isFalse();
    assertThat(env.tracker.issues).hasSize(1);
  }

  @Test
  void closingIncidentOfASeverityWithoutPostmortemStartsNone() {
    ClosingIncidentWorkflow incident =
        env.client()
            .newWorkflowStub(
                ClosingIncidentWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId("alertmanager-group-3")
                    .setTaskQueue(IncidentWorkflow.TASK_QUEUE)
                    .build());

    incident.close(Severity.SEV3);
    env.sleep(Duration.ofMinutes(1));

    assertThat(env.tracker.issues).isEmpty();
    assertThat(env.store.postmortems).isEmpty();
  }
}
