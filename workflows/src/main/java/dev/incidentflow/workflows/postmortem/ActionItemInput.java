package dev.incidentflow.workflows.postmortem;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.incidentflow.workflows.activities.TrackerStatus;
import dev.incidentflow.workflows.model.ActionItemKind;
import dev.incidentflow.workflows.policy.ActionItemPolicy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * One action item of an incident's postmortem.
 *
 * @param service the incident's service; its Jira project gets the issue
 * @param owner the owner's handle in the catalog
 * @param due the last day to do it; it is overdue once that day has ended in UTC
 * @param policy the policy's {@code actionItems} when the item was added
 * @param round 0 when added; one more each time Jira reopens the done item and the API starts the
 *     workflow again
 * @param carried the progress of the previous run when the workflow continued as new, else null
 * @param reopening the status Jira reopened the item to (with when and by whom, when Jira said),
 *     for a run that chases it again; null otherwise, or when the reopening came from an API or a
 *     run older than this field. Left out of the JSON when null, so an input without it reads as
 *     before on a worker that does not know it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActionItemInput(
    long incidentNumber,
    String service,
    String title,
    String owner,
    LocalDate due,
    ActionItemKind kind,
    String createdBy,
    ActionItemPolicy policy,
    int round,
    ActionItemProgress carried,
    @JsonInclude(JsonInclude.Include.NON_NULL) TrackerStatus reopening) {

  public ActionItemInput {
    if (incidentNumber < 1) {
      throw new IllegalArgumentException("incident numbers start at 1: " + incidentNumber);
    }
    requireNonNull(service, "service is null");
    requireNonNull(title, "title is null");
    requireNonNull(owner, "owner is null");
    requireNonNull(due, "due is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(policy, "policy is null");
    if (title.isBlank() || owner.isBlank()) {
      throw new IllegalArgumentException("title and owner must not be blank");
    }
    createdBy = createdBy == null || createdBy.isBlank() ? "system" : createdBy;
    if (round < 0) {
      throw new IllegalArgumentException("round must not be negative: " + round);
    }
  }

  /** An input that says nothing of a reopening. */
  public ActionItemInput(
      long incidentNumber,
      String service,
      String title,
      String owner,
      LocalDate due,
      ActionItemKind kind,
      String createdBy,
      ActionItemPolicy policy,
      int round,
      ActionItemProgress carried) {
    this(incidentNumber, service, title, owner, due, kind, createdBy, policy, round, carried, null);
  }

  public String incidentId() {
    return "INC-" + incidentNumber;
  }

  /** The end of the due day in UTC. */
  public Instant dueAt() {
    return due.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** Reminder, overdue, the manager after {@code escalateAfterOverdue}, weekly after that. */
  public FollowUpPlan plan() {
    return new FollowUpPlan(
        dueAt(),
        policy.remindBefore(),
        policy.escalateAfterOverdue(),
        FollowUpPlan.WEEKLY,
        policy.pollEvery());
  }

  public ActionItemInput continuing(ActionItemProgress progress) {
    return new ActionItemInput(
        incidentNumber,
        service,
        title,
        owner,
        due,
        kind,
        createdBy,
        policy,
        round,
        progress,
        reopening);
  }

  /** The input of the run that chases the item again after Jira reopened it. */
  public ActionItemInput reopened() {
    return reopened(null);
  }

  /**
   * The input of the run that chases the item again after Jira moved it to {@code status}, out of
   * done (null when not known).
   */
  public ActionItemInput reopened(TrackerStatus status) {
    return new ActionItemInput(
        incidentNumber,
        service,
        title,
        owner,
        due,
        kind,
        createdBy,
        policy,
        round + 1,
        null,
        status);
  }
}
