package dev.incidentflow.api.core;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.api.errors.ApiException;
import dev.incidentflow.workflows.activities.TrackerStatus;
import dev.incidentflow.workflows.postmortem.ActionItemCompletion;
import dev.incidentflow.workflows.postmortem.ActionItemInput;
import dev.incidentflow.workflows.postmortem.ActionItemOutcome;
import dev.incidentflow.workflows.postmortem.ActionItemView;
import dev.incidentflow.workflows.postmortem.ActionItemWorkflow;
import dev.incidentflow.workflows.postmortem.Handover;
import dev.incidentflow.workflows.postmortem.PostmortemView;
import dev.incidentflow.workflows.postmortem.PostmortemWorkflow;
import dev.incidentflow.workflows.postmortem.Postmortems;
import dev.incidentflow.workflows.postmortem.Publication;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateHandle;
import io.temporal.client.WorkflowUpdateStage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Everything the API asks of the postmortem and action item workflows. */
public final class FollowUpGateway {
  private static final Logger log = LoggerFactory.getLogger(FollowUpGateway.class);

  private final WorkflowClient client;
  private final Duration wait;
  private final BoundedChanges changes;

  /**
   * @param wait how long adding an action item waits for it to be recorded before answering 202
   */
  public FollowUpGateway(WorkflowClient client, Duration wait) {
    this(client, wait, new BoundedChanges(BoundedChanges.CHANGE_WAIT));
  }

  /**
   * @param changes how long publishing a postmortem is waited for (shared with the other gateways)
   */
  public FollowUpGateway(WorkflowClient client, Duration wait, BoundedChanges changes) {
    this.client = requireNonNull(client, "client is null");
    this.wait = requireNonNull(wait, "wait is null");
    this.changes = requireNonNull(changes, "changes is null");
  }

  /**
   * Publishes the incident's postmortem.
   *
   * @throws Refusal when it is already published (conflict) or the publication is invalid
   * @throws WorkflowNotFoundException when no postmortem workflow runs for the incident
   * @throws dev.incidentflow.api.errors.ApiException 503 when the workflow did not do it within the
   *     change wait
   */
  public PostmortemView publish(long incidentNumber, Publication publication) {
    PostmortemWorkflow postmortem =
        client.newWorkflowStub(PostmortemWorkflow.class, Postmortems.workflowId(incidentNumber));
    try {
      return changes.make(
          () -> postmortem.publish(publication),
          "the postmortem of INC-" + incidentNumber,
          "/v1/incidents/INC-" + incidentNumber + "/postmortem");
    } catch (WorkflowUpdateException refused) {
      throw Refusal.of(
          refused, "the postmortem of INC-" + incidentNumber + " has ended; it takes no changes");
    }
  }

  /**
   * Hands the incident's postmortem over to another owner; see {@link PostmortemWorkflow#handOver}.
   *
   * @throws Refusal when it is published (conflict) or the owner is blank
   * @throws WorkflowNotFoundException when no postmortem workflow runs for the incident
   * @throws dev.incidentflow.api.errors.ApiException 503 when the workflow did not do it within the
   *     change wait, or a worker older than hand-overs runs it
   */
  public PostmortemView handOver(long incidentNumber, Handover handover) {
    PostmortemWorkflow postmortem =
        client.newWorkflowStub(PostmortemWorkflow.class, Postmortems.workflowId(incidentNumber));
    String subject = "the postmortem of INC-" + incidentNumber;
    try {
      return changes.make(
          () -> postmortem.handOver(handover),
          subject,
          "/v1/incidents/INC-" + incidentNumber + "/postmortem");
    } catch (WorkflowUpdateException refused) {
      Refusal refusal = Refusal.of(refused, subject + " has ended; it takes no changes");
      if (refusal.getMessage().startsWith(UNKNOWN_UPDATE + "handOver")) {
        // Not the request's fault: the workers are being upgraded behind this API.
        throw new ApiException(
            503,
            "the worker running "
                + subject
                + " is older than this API and cannot hand it over; nothing was changed",
            List.of("upgrade the workers, then send it again"));
      }
      throw refusal;
    }
  }

  /** How the SDK's refusal of an Update the workflow's worker does not know begins. */
  private static final String UNKNOWN_UPDATE = "Unknown update name: ";

  /**
   * Starts the item's workflow and waits (up to the configured time) until it has its number and,
   * Jira permitting, its issue. Empty when it is not there yet (no worker running).
   *
   * <p>Under a client's idempotency key the item's workflow id is made from the key, so the same
   * request sent again (its answer was lost) answers with the item the first one added, for as long
   * as Temporal keeps that workflow, instead of adding a second item, issue and direct message.
   * Once Temporal's retention has removed the item's ended workflow only the store knows the item:
   * callers ask it first ({@link FollowUpRequests#add}).
   *
   * @param idempotencyKey the client's key; null for an item of its own
   * @throws Refusal when recording it found the incident over (see {@link ActionItemAdmission}), or
   *     (conflict) when the key already added another item
   */
  public Added add(ActionItemInput input, String idempotencyKey) {
    String workflowId = workflowId(input, idempotencyKey);
    WorkflowOptions options = IncidentGateway.startOptions(workflowId);
    if (idempotencyKey != null) {
      options =
          WorkflowOptions.newBuilder(options)
              .setWorkflowIdReusePolicy(
                  WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
              .build();
    }
    ActionItemWorkflow item = client.newWorkflowStub(ActionItemWorkflow.class, options);
    try {
      WorkflowClient.start(item::run, input);
    } catch (WorkflowExecutionAlreadyStarted startedBefore) {
      return addedBefore(input, idempotencyKey)
          .orElseGet(() -> new Added(workflowId, Optional.empty()));
    }
    return new Added(workflowId, registered(WorkflowStub.fromTyped(item)));
  }

  /**
   * The item a request with {@code idempotencyKey} added before, as its workflow answers; empty
   * when Temporal has no such workflow (none was added, or its retention removed the ended one, the
   * store then being the one to ask). Asked before anything else, so a request sent again after its
   * incident ended still finds its item.
   *
   * @throws Refusal (conflict) when the key added another item; the refusal of the item it added
   */
  public Optional<Added> addedBefore(ActionItemInput input, String idempotencyKey) {
    String workflowId = workflowId(input, idempotencyKey);
    ActionItemView view;
    try {
      view = client.newWorkflowStub(ActionItemWorkflow.class, workflowId).view();
    } catch (WorkflowNotFoundException none) {
      return Optional.empty();
    } catch (WorkflowException unanswered) {
      // Started, but no worker answered (none runs): its view comes once one does.
      log.warn("{} was added before but did not answer: {}", workflowId, unanswered.toString());
      return Optional.of(new Added(workflowId, Optional.empty()));
    }
    Added added =
        view != null
            ? new Added(workflowId, Optional.of(view))
            // Still being recorded, or refused: its own answer says which.
            : new Added(workflowId, registered(client.newUntypedWorkflowStub(workflowId)));
    added.view().ifPresent(before -> requireSameItem(before, input, idempotencyKey));
    return Optional.of(added);
  }

  /**
   * @throws Refusal (conflict) when {@code before}, which a request with {@code idempotencyKey}
   *     added, is another item than {@code input}
   */
  static void requireSameItem(ActionItemView before, ActionItemInput input, String idempotencyKey) {
    requireSameItem(before, input, idempotencyKey, UnaryOperator.identity());
  }

  /**
   * As {@link #requireSameItem(ActionItemView, ActionItemInput, String)}, with the request's texts
   * compared as {@code asStored} makes them (the store keeps a NUL as U+FFFD).
   */
  static void requireSameItem(
      ActionItemView before,
      ActionItemInput input,
      String idempotencyKey,
      UnaryOperator<String> asStored) {
    if (!before.title().equals(asStored.apply(input.title()))
        || !before.owner().equals(asStored.apply(input.owner()))
        || !before.due().equals(input.due())
        || before.kind() != input.kind()) {
      throw new Refusal(
          "Idempotency-Key '"
              + idempotencyKey
              + "' already added "
              + before.id()
              + " ("
              + before.title()
              + "), another action item; send a new key for a new item",
          true);
    }
  }

  private static String workflowId(ActionItemInput input, String idempotencyKey) {
    return idempotencyKey == null
        ? "action-item-" + input.incidentId() + "-" + UUID.randomUUID()
        : keyedWorkflowId(input.incidentId(), idempotencyKey);
  }

  /**
   * The workflow id of the action item that a request with {@code idempotencyKey} adds to incident
   * {@code incidentId} ({@code INC-<n>}): the same for every request with that key.
   */
  public static String keyedWorkflowId(String incidentId, String idempotencyKey) {
    return "action-item-" + incidentId + "-key-" + digest(idempotencyKey);
  }

  private static String digest(String key) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** An added action item's workflow and, when it was recorded in time, its view. */
  public record Added(String workflowId, Optional<ActionItemView> view) {}

  /**
   * Tells a running postmortem or action item that its issue's status changed; false if none runs.
   */
  public boolean trackerStatusChanged(String workflowId, TrackerStatus status) {
    try {
      client.newUntypedWorkflowStub(workflowId).signal("trackerStatusChanged", status);
      return true;
    } catch (WorkflowNotFoundException notRunning) {
      return false;
    }
  }

  /**
   * Marks a running action item done; see {@link ActionItemWorkflow#markDone}. Empty when no run of
   * {@code workflowId} is going: the item's last run has ended.
   *
   * @param id the item's id, as the answers name it
   * @throws Refusal (conflict) when the workflow refuses it: Jira tracks the item, or it is not
   *     recorded yet
   * @throws dev.incidentflow.api.errors.ApiException 503 when the workflow did not do it within the
   *     change wait
   */
  public Optional<ActionItemView> markDone(
      String workflowId, String id, ActionItemCompletion completion) {
    ActionItemWorkflow item = client.newWorkflowStub(ActionItemWorkflow.class, workflowId);
    try {
      return Optional.of(
          changes.make(() -> item.markDone(completion), id, "/v1/action-items?status=done"));
    } catch (WorkflowUpdateException refused) {
      throw Refusal.of(refused, id + "'s workflow ended before it was marked done");
    } catch (WorkflowNotFoundException ended) {
      return Optional.empty();
    }
  }

  /**
   * Chases an action item again that Jira reopened after its workflow ended: a new run of the same
   * workflow id, which finds the item's number and issue again. A run already going is kept.
   */
  public void reopen(String workflowId, ActionItemInput reopened) {
    ActionItemWorkflow item =
        client.newWorkflowStub(ActionItemWorkflow.class, IncidentGateway.startOptions(workflowId));
    try {
      WorkflowClient.start(item::run, reopened);
    } catch (WorkflowExecutionAlreadyStarted running) {
      log.info("{} already runs; its reopening needs nothing more", workflowId);
    }
  }

  /**
   * The item's view once it is recorded, waited for up to the configured time, also for a worker to
   * take the question up (Temporal's wait for that has no end of its own); empty after that.
   */
  private Optional<ActionItemView> registered(WorkflowStub stub) {
    long deadline = System.nanoTime() + wait.toNanos();
    WorkflowUpdateHandle<ActionItemView> handle;
    try {
      Optional<WorkflowUpdateHandle<ActionItemView>> asked =
          changes.within(
              wait,
              () ->
                  stub.startUpdate(
                      "registered", WorkflowUpdateStage.ACCEPTED, ActionItemView.class));
      if (asked.isEmpty()) {
        log.warn(
            "added {} but it was not taken up within {} (no worker running, or as many waits"
                + " going as BoundedChanges allows)",
            stub.getExecution(),
            wait);
        return Optional.empty();
      }
      handle = asked.get();
    } catch (WorkflowNotFoundException | WorkflowServiceException ended) {
      // The run ended before it took the question: only a refused item's run ends that soon.
      refuseIfRefused(stub);
      log.warn("added {} but could not ask it: {}", stub.getExecution(), ended.toString());
      return Optional.empty();
    }
    try {
      long left = Math.max(0, deadline - System.nanoTime());
      return Optional.of(handle.getResultAsync().get(left, TimeUnit.NANOSECONDS));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof WorkflowUpdateException refused) {
        Refusal refusal;
        try {
          refusal =
              Refusal.of(
                  refused,
                  "the action item's workflow "
                      + stub.getExecution().getWorkflowId()
                      + " ended before it was recorded");
        } catch (WorkflowUpdateException unexplained) {
          log.warn("added {} but its answer says no reason: {}", stub.getExecution(), e.toString());
          return Optional.empty();
        }
        throw refusal;
      }
      log.warn("added {} but could not wait for it: {}", stub.getExecution(), e.toString());
      return Optional.empty();
    } catch (TimeoutException e) {
      log.warn(
          "added {} but it was not recorded within {}: {}",
          stub.getExecution(),
          wait,
          e.toString());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** Throws the refusal an ended item's run gives as its result; returns when it gave none. */
  private static void refuseIfRefused(WorkflowStub stub) {
    ActionItemOutcome outcome;
    try {
      outcome = stub.getResult(0, TimeUnit.MILLISECONDS, ActionItemOutcome.class);
    } catch (TimeoutException | RuntimeException notThere) {
      return;
    }
    if (outcome.refusal() != null) {
      throw new Refusal(outcome.refusal(), true);
    }
  }
}
