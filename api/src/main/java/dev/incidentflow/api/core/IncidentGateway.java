package dev.incidentflow.api.core;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.activities.store.IncidentRecord;
import dev.incidentflow.api.errors.ApiException;
import dev.incidentflow.workflows.incident.AlertEvent;
import dev.incidentflow.workflows.incident.IncidentInput;
import dev.incidentflow.workflows.incident.IncidentState;
import dev.incidentflow.workflows.incident.IncidentView;
import dev.incidentflow.workflows.incident.IncidentWorkflow;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateHandle;
import io.temporal.client.WorkflowUpdateStage;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Everything the API asks of Temporal: start, signal and update incident workflows. */
public final class IncidentGateway {
  private static final Logger log = LoggerFactory.getLogger(IncidentGateway.class);

  /** {@link IncidentWorkflow#alert}, as an alert delivery signals it. */
  private static final SignalWithStart.Signal<IncidentInput, AlertEvent> ALERT =
      SignalWithStart.Signal.of(
          IncidentWorkflow.class, "alert", IncidentInput.class, AlertEvent.class);

  private final WorkflowClient client;
  private final Duration declareWait;
  private final BoundedChanges changes;

  public IncidentGateway(WorkflowClient client, Duration declareWait) {
    this(client, declareWait, new BoundedChanges(BoundedChanges.CHANGE_WAIT));
  }

  /**
   * @param changes how long a change to an incident is waited for (shared with the other gateways)
   */
  public IncidentGateway(WorkflowClient client, Duration declareWait, BoundedChanges changes) {
    this.client = requireNonNull(client, "client is null");
    this.declareWait = requireNonNull(declareWait, "declareWait is null");
    this.changes = requireNonNull(changes, "changes is null");
  }

  public WorkflowClient client() {
    return client;
  }

  /**
   * Delivers a firing alert: starts the group's incident if none runs, else signals the running
   * one.
   */
  public String fire(String workflowId, IncidentInput input, AlertEvent alert) {
    return SignalWithStart.send(client, ALERT, startOptions(workflowId), input, alert).getRunId();
  }

  /** A stub that starts incident {@code workflowId} (see {@link #startOptions}). */
  private IncidentWorkflow newIncident(String workflowId) {
    return client.newWorkflowStub(IncidentWorkflow.class, startOptions(workflowId));
  }

  /**
   * Options that start workflow {@code workflowId} on the worker's task queue, also after an
   * earlier run of it closed (an alert group that fires again, an action item Jira reopened).
   */
  static WorkflowOptions startOptions(String workflowId) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(workflowId)
        .setTaskQueue(IncidentWorkflow.TASK_QUEUE)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
        .build();
  }

  /** Delivers a resolved alert to the group's running incident; false when none runs. */
  public boolean resolveAlert(String workflowId, AlertEvent alert) {
    try {
      client.newWorkflowStub(IncidentWorkflow.class, workflowId).alert(alert);
      return true;
    } catch (WorkflowNotFoundException notRunning) {
      log.info("resolved alert for {} with no running incident; nothing to do", workflowId);
      return false;
    }
  }

  /**
   * Declares an incident by hand and waits (up to the configured time) until it has its number,
   * channel and first page. Empty when the workflow is not there yet (no worker running).
   */
  public Declared declare(IncidentInput input) {
    String workflowId = DeclarationIds.next();
    IncidentWorkflow incident = newIncident(workflowId);
    WorkflowClient.start(incident::run, input);
    return opened(workflowId, incident);
  }

  /**
   * Declares an incident under the caller's {@code Idempotency-Key}, as {@link #declare} does,
   * once: its workflow id is made from the key, and a workflow of that id, running or ended, is not
   * started again while Temporal keeps it (its retention removes an ended one; callers ask the
   * store first). Empty when a declaration with that key was made before; its incident is then
   * found by {@link DeclarationIds#of}, as the store records it.
   */
  public Optional<Declared> declareOnce(IncidentInput input, String idempotencyKey) {
    String workflowId = DeclarationIds.of(idempotencyKey);
    IncidentWorkflow incident =
        client.newWorkflowStub(
            IncidentWorkflow.class,
            WorkflowOptions.newBuilder(startOptions(workflowId))
                .setWorkflowIdReusePolicy(
                    WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .build());
    try {
      WorkflowClient.start(incident::run, input);
    } catch (WorkflowExecutionAlreadyStarted declaredBefore) {
      return Optional.empty();
    }
    return Optional.of(opened(workflowId, incident));
  }

  /**
   * Waits (up to the configured time) until just-started {@code incident} has its number, also for
   * a worker to take the question up: Temporal's wait for that has no end of its own.
   */
  private Declared opened(String workflowId, IncidentWorkflow incident) {
    WorkflowStub stub = WorkflowStub.fromTyped(incident);
    long deadline = System.nanoTime() + declareWait.toNanos();
    try {
      Optional<WorkflowUpdateHandle<IncidentView>> asked =
          changes.within(
              declareWait,
              () ->
                  stub.startUpdate("registered", WorkflowUpdateStage.ACCEPTED, IncidentView.class));
      if (asked.isEmpty()) {
        log.warn(
            "declared {} but it was not taken up within {} (no worker running, or as many waits"
                + " going as BoundedChanges allows)",
            workflowId,
            declareWait);
        return new Declared(workflowId, Optional.empty());
      }
      long left = Math.max(0, deadline - System.nanoTime());
      return new Declared(
          workflowId, Optional.of(asked.get().getResultAsync().get(left, TimeUnit.NANOSECONDS)));
    } catch (TimeoutException | ExecutionException e) {
      log.warn(
          "declared {} but it did not open within {}: {}", workflowId, declareWait, e.toString());
      return new Declared(workflowId, Optional.empty());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Declared(workflowId, Optional.empty());
    } catch (RuntimeException e) {
      log.warn("declared {} but could not wait for it: {}", workflowId, e.toString());
      return new Declared(workflowId, Optional.empty());
    }
  }

  /** A declared incident's workflow and, when it opened in time, its view. */
  public record Declared(String workflowId, Optional<IncidentView> view) {}

  /**
   * Whether declaration {@code workflowId}'s workflow is still running, for a declaration whose
   * incident is not in the store yet: {@link DeclarationStage#OPENING} while it runs, {@link
   * DeclarationStage#ENDED} once it ended (terminated, failed, timed out before it numbered its
   * incident), {@link DeclarationStage#UNKNOWN} when Temporal has no such workflow. Asks the server
   * only, so it answers with no worker running.
   */
  public DeclarationStage declarationStage(String workflowId) {
    try {
      WorkflowExecutionStatus status =
          WorkflowStub.fromTyped(client.newWorkflowStub(IncidentWorkflow.class, workflowId))
              .describe()
              .getStatus();
      return status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING
          ? DeclarationStage.OPENING
          : DeclarationStage.ENDED;
    } catch (WorkflowNotFoundException unknown) {
      return DeclarationStage.UNKNOWN;
    }
  }

  /**
   * Runs an update on a running incident, as just read from the store.
   *
   * <p>An alert group's incidents share one workflow id, and an Update without a run id goes to the
   * newest run: once an incident has ended, a change to it would land on the group's next incident.
   * So an incident the store shows closed or canceled is refused here, before Temporal, in the
   * words the workflow uses. The workflow saves that status before it ends, so no later run exists
   * while the store still shows the incident open, but for two cases this does not cover: a change
   * read from the store in the instant before its incident ended and the group fired again, and an
   * incident whose workflow was terminated or reset from Temporal, which never saved an end.
   *
   * <p>A change the workflow has not done within the change wait is answered 503: it was sent, and
   * may still be done once a worker takes it or the database takes its save, so the answer says to
   * read the incident before sending it again.
   *
   * @throws Refusal when the workflow refuses it, or the incident has ended
   * @throws ApiException 503 when the workflow did not do it within the change wait
   */
  public IncidentView update(
      IncidentRecord incident, Function<IncidentWorkflow, IncidentView> call) {
    if (incident.status().isTerminal()) {
      throw new Refusal(IncidentState.refusalOfEnded(incident.id(), incident.status()), true);
    }
    IncidentWorkflow workflow =
        client.newWorkflowStub(IncidentWorkflow.class, incident.workflowId());
    try {
      return changes.make(
          () -> call.apply(workflow), incident.id(), "/v1/incidents/" + incident.id());
    } catch (WorkflowUpdateException refused) {
      throw Refusal.of(refused, ended(incident.id()));
    } catch (WorkflowNotFoundException ended) {
      throw new Refusal(ended(incident.id()), true);
    }
  }

  private static String ended(String incidentId) {
    return incidentId + " has ended; its workflow no longer takes changes";
  }
}
