package dev.incidentflow.activities.store;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.activities.PostmortemRecord;
import dev.incidentflow.workflows.model.ActionItemStatus;
import dev.incidentflow.workflows.model.PostmortemStatus;
import dev.incidentflow.workflows.model.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads postmortems and action items for the API: the postmortem library, the action item list, and
 * which workflow a Jira issue belongs to when its webhook arrives.
 */
public final class FollowUpRepository {

  private final PostmortemDao postmortems;
  private final ActionItemDao actionItems;

  /**
   * @param jdbi over a migrated database with {@code SqlObjectPlugin} (see {@link IncidentJdbi})
   */
  public FollowUpRepository(Jdbi jdbi) {
    requireNonNull(jdbi, "jdbi is null");
    this.postmortems = jdbi.onDemand(PostmortemDao.class);
    this.actionItems = jdbi.onDemand(ActionItemDao.class);
  }

  public Optional<PostmortemRecord> postmortem(long incidentNumber) {
    return postmortems.find(incidentNumber);
  }

  public Optional<PostmortemRecord> postmortemByJiraKey(String jiraKey) {
    return postmortems.findByJiraKey(jiraKey);
  }

  public Optional<ActionItemRow> actionItem(long number) {
    return actionItems.find(number);
  }

  /** The item that workflow {@code workflowId} recorded, if it did. */
  public Optional<ActionItemRow> actionItemByWorkflowId(String workflowId) {
    return actionItems.findByWorkflowId(workflowId);
  }

  public Optional<ActionItemRow> actionItemByJiraKey(String jiraKey) {
    return actionItems.findByJiraKey(jiraKey);
  }

  /**
   * When Jira last reopened {@code item}, as the incident's timeline has it (Jira's time when Jira
   * said, else when IncidentFlow heard); empty when it never was, or was before reopenings went on
   * the timeline.
   */
  public Optional<Instant> lastReopening(ActionItemRow item) {
    requireNonNull(item, "item is null");
    return actionItems.lastReopening(item.incidentNumber(), item.id());
  }

  /**
   * The postmortems matching {@code filter}, soonest due first, then by incident number (see {@link
   * PostmortemDao#list}).
   */
  public List<ListedPostmortem> postmortems(PostmortemFilter filter) {
    requireNonNull(filter, "filter is null");
    PostmortemFilter.Position after = filter.after();
    return postmortems.list(
        filter.statuses().stream().map(PostmortemStatus::wireName).sorted().toArray(String[]::new),
        filter.severities().stream().map(Severity::name).sorted().toArray(String[]::new),
        filter.services().stream().sorted().toArray(String[]::new),
        filter.owners().stream().sorted().toArray(String[]::new),
        filter.q(),
        filter.asOf(),
        after == null ? null : after.dueAt(),
        after == null ? 0 : after.incidentNumber(),
        filter.limit());
  }

  /** The items matching {@code filter}, soonest due first, then by number. */
  public List<ActionItemRow> actionItems(ActionItemFilter filter) {
    requireNonNull(filter, "filter is null");
    ActionItemFilter.Position after = filter.after();
    return actionItems.list(
        filter.statuses().stream().map(ActionItemStatus::wireName).sorted().toArray(String[]::new),
        filter.owners().stream().sorted().toArray(String[]::new),
        filter.incidentNumber(),
        after == null ? null : after.due(),
        after == null ? 0 : after.number(),
        filter.limit());
  }
}
