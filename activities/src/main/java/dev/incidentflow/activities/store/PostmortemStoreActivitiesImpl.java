package dev.incidentflow.activities.store;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.activities.ActionItemNumber;
import dev.incidentflow.workflows.activities.ActionItemRecord;
import dev.incidentflow.workflows.activities.IncidentNumber;
import dev.incidentflow.workflows.activities.NewActionItem;
import dev.incidentflow.workflows.activities.PostmortemIssue;
import dev.incidentflow.workflows.activities.PostmortemRecord;
import dev.incidentflow.workflows.activities.PostmortemStoreActivities;
import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.PostmortemStatus;
import dev.incidentflow.workflows.postmortem.ActionItemAdmission;
import io.temporal.failure.ApplicationFailure;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Postmortems and action items in PostgreSQL. Database faults surface as retried exceptions. */
public final class PostmortemStoreActivitiesImpl implements PostmortemStoreActivities {

  private final PostmortemDao postmortems;
  private final ActionItemDao actionItems;
  private final Jdbi jdbi;

  /**
   * @param jdbi over a migrated database with {@code SqlObjectPlugin} (see {@link IncidentJdbi})
   */
  public PostmortemStoreActivitiesImpl(Jdbi jdbi) {
    requireNonNull(jdbi, "jdbi is null");
    this.postmortems = jdbi.onDemand(PostmortemDao.class);
    this.actionItems = jdbi.onDemand(ActionItemDao.class);
    this.jdbi = jdbi;
  }

  /** A Jira key once stored is kept when a later save has none (the issue never goes away). */
  @Override
  public void savePostmortem(PostmortemRecord postmortem) {
    postmortems.upsert(PostmortemRow.of(requireNonNull(postmortem, "postmortem is null")));
  }

  @Override
  public PostmortemIssue findPostmortemIssue(IncidentNumber incident) {
    return postmortems
        .find(incident.number())
        .map(found -> new PostmortemIssue(found.jiraKey()))
        .orElseGet(PostmortemIssue::none);
  }

  /**
   * Finds the row of a previous attempt first; racing attempts meet at the unique workflow id and
   * the loser reads the winner's number. A new item is inserted only if its incident takes one
   * ({@link ActionItemAdmission}), checked in the inserting transaction with the incident and its
   * postmortem locked.
   *
   * @throws ApplicationFailure of type {@link ActionItemAdmission#REFUSED}, not retried, when the
   *     incident takes no new action item
   */
  @Override
  public ActionItemNumber recordActionItem(NewActionItem item) {
    requireNonNull(item, "item is null");
    long number =
        actionItems
            .findNumber(item.workflowId())
            .orElseGet(
                () ->
                    jdbi.inTransaction(handle -> insert(handle.attach(ActionItemDao.class), item)));
    return new ActionItemNumber(number);
  }

  private static long insert(ActionItemDao dao, NewActionItem item) {
    String incidentId = IncidentRecord.idOf(item.incidentNumber());
    IncidentStatus incident =
        dao.lockIncidentStatus(item.incidentNumber())
            .map(IncidentStatus::fromWire)
            .orElseThrow(() -> new IllegalStateException(incidentId + " is not in the database"));
    Optional<PostmortemStatus> postmortem =
        dao.lockPostmortemStatus(item.incidentNumber()).map(PostmortemStatus::fromWire);
    Optional<String> refusal = ActionItemAdmission.refusal(incidentId, incident, postmortem);
    if (refusal.isPresent()) {
      throw ApplicationFailure.newNonRetryableFailure(refusal.get(), ActionItemAdmission.REFUSED);
    }
    return dao.insertIfAbsent(item, item.kind().wireName())
        .or(() -> dao.findNumber(item.workflowId()))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "action item of workflow "
                        + item.workflowId()
                        + " was neither inserted nor found"));
  }

  @Override
  public void saveActionItem(ActionItemRecord item) {
    requireNonNull(item, "item is null");
    int updated =
        actionItems.update(
            item.number(),
            item.workflowId(),
            item.status().wireName(),
            item.jiraKey(),
            item.jiraUrl(),
            item.round(),
            item.doneAt(),
            item.doneBy());
    if (updated == 0) {
      // Retried: the row can only be missing if the database lost it.
      throw new IllegalStateException(
          "no action item AI-" + item.number() + " of workflow " + item.workflowId());
    }
  }
}
