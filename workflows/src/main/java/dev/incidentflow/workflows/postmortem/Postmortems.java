package dev.incidentflow.workflows.postmortem;

import dev.incidentflow.workflows.incident.IncidentState;
import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.policy.PostmortemPolicy;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;

/** How an incident hands over to its postmortem; called from the incident workflow at close. */
public final class Postmortems {
  private static final Logger log = Workflow.getLogger(Postmortems.class);

  /** The change id that lets incidents closed before postmortems existed replay unchanged. */
  static final String VERSION_CHANGE = "start-postmortem";

  private Postmortems() {}

  /** The postmortem workflow of incident {@code INC-<number>}; the API signals and updates it. */
  public static String workflowId(long incidentNumber) {
    return "postmortem-INC-" + incidentNumber;
  }

  /** Whether a closed incident's severity (in the policy it ran under) requires a postmortem. */
  public static boolean isRequired(IncidentState state) {
    PostmortemPolicy policy = state.row().postmortem();
    return state.status() == IncidentStatus.CLOSED
        && state.isNumbered()
        && policy.required()
        && state.reachedAt(IncidentStatus.RESOLVED).isPresent();
  }

  /**
   * The postmortem's input from a closed incident's state and policy. Its owner is the commander,
   * else whoever acknowledged the incident, which {@link IncidentState#acknowledgedBy} makes
   * whoever resolved it when nobody acknowledged it: a closed incident always has an owner for its
   * postmortem, found without a lookup or a new field in the incident's state.
   */
  public static PostmortemInput inputFor(IncidentState state) {
    PostmortemPolicy policy = state.row().postmortem();
    IncidentTimes times =
        new IncidentTimes(
            state.startedAt(),
            at(state, IncidentStatus.ACKNOWLEDGED),
            at(state, IncidentStatus.IDENTIFIED),
            at(state, IncidentStatus.MITIGATED),
            at(state, IncidentStatus.RESOLVED),
            at(state, IncidentStatus.CLOSED));
    return new PostmortemInput(
        state.number(),
        state.firstRunId(),
        state.title(),
        state.severity(),
        state.service(),
        state.commander(),
        state.stakeholderChannel(),
        state.channelName(),
        times,
        policy.due(),
        policy.remindBefore(),
        state.policy().actionItems().pollEvery(),
        null,
        state.commander() != null ? state.commander() : state.acknowledgedBy());
  }

  /**
   * Starts the postmortem as a child the incident abandons when it completes, if the severity
   * requires one, and waits until the child has started (a child whose start is not confirmed would
   * be lost with the parent). A postmortem that already runs for the incident is kept. Call from
   * the incident workflow's thread once the incident is closed and saved.
   */
  public static void startFor(IncidentState state) {
    if (Workflow.getVersion(VERSION_CHANGE, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION
        || !isRequired(state)) {
      return;
    }
    PostmortemWorkflow postmortem =
        Workflow.newChildWorkflowStub(
            PostmortemWorkflow.class,
            ChildWorkflowOptions.newBuilder()
                .setWorkflowId(workflowId(state.number()))
                .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
                .setWorkflowIdReusePolicy(
                    WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .build());
    Async.function(postmortem::run, inputFor(state));
    try {
      Workflow.getWorkflowExecution(postmortem).get();
    } catch (ChildWorkflowFailure alreadyStarted) {
      log.info(
          "{}: its postmortem {} runs already", state.incidentId(), workflowId(state.number()));
    }
  }

  private static Instant at(IncidentState state, IncidentStatus status) {
    Optional<Instant> reached = state.reachedAt(status);
    return reached.orElse(null);
  }
}
