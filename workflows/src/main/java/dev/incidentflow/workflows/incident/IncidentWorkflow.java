package dev.incidentflow.workflows.incident;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One production incident, from the first alert to closed. Alerts are signals (fire and forget,
 * deduplicated by workflow id); everything a person does is an Update whose validator refuses what
 * the incident's state does not allow, so the caller hears why instead of a silent no-op.
 */
@WorkflowInterface
public interface IncidentWorkflow {

  String TASK_QUEUE = "incidents";

  @WorkflowMethod
  IncidentOutcome run(IncidentInput input);

  /**
   * An alert group delivery: firing attaches to the incident (or reopens it), resolved notes it.
   */
  @SignalMethod
  void alert(AlertEvent event);

  /** Completes once the incident has its number and its first record in the database. */
  @UpdateMethod
  IncidentView registered();

  @UpdateMethod
  IncidentView acknowledge(Transition transition);

  @UpdateValidatorMethod(updateName = "acknowledge")
  void validateAcknowledge(Transition transition);

  @UpdateMethod
  IncidentView identify(Transition transition);

  @UpdateValidatorMethod(updateName = "identify")
  void validateIdentify(Transition transition);

  @UpdateMethod
  IncidentView mitigate(Transition transition);

  @UpdateValidatorMethod(updateName = "mitigate")
  void validateMitigate(Transition transition);

  @UpdateMethod
  IncidentView resolve(Transition transition);

  @UpdateValidatorMethod(updateName = "resolve")
  void validateResolve(Transition transition);

  @UpdateMethod
  IncidentView reopen(Transition transition);

  @UpdateValidatorMethod(updateName = "reopen")
  void validateReopen(Transition transition);

  @UpdateMethod
  IncidentView cancel(Transition transition);

  @UpdateValidatorMethod(updateName = "cancel")
  void validateCancel(Transition transition);

  /**
   * Runs the next escalation step now; fails (an {@code IllegalStateException} failure) when the
   * incident was resolved or canceled before the step ran, which then pages nobody.
   */
  @UpdateMethod
  IncidentView escalate(Transition transition);

  @UpdateValidatorMethod(updateName = "escalate")
  void validateEscalate(Transition transition);

  @UpdateMethod
  IncidentView changeSeverity(SeverityChange change);

  @UpdateValidatorMethod(updateName = "changeSeverity")
  void validateChangeSeverity(SeverityChange change);

  @UpdateMethod
  IncidentView assignRole(RoleAssignment assignment);

  @UpdateValidatorMethod(updateName = "assignRole")
  void validateAssignRole(RoleAssignment assignment);

  /** A status update: posted, and the cadence starts over. */
  @UpdateMethod
  IncidentView postStatusUpdate(Note update);

  @UpdateValidatorMethod(updateName = "postStatusUpdate")
  void validatePostStatusUpdate(Note update);

  @UpdateMethod
  IncidentView logDecision(Note decision);

  @UpdateValidatorMethod(updateName = "logDecision")
  void validateLogDecision(Note decision);

  @QueryMethod
  IncidentView view();
}
