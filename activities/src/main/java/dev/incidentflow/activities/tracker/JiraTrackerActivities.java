package dev.incidentflow.activities.tracker;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incidentflow.workflows.activities.IssueAssignment;
import dev.incidentflow.workflows.activities.IssueComment;
import dev.incidentflow.workflows.activities.IssueLink;
import dev.incidentflow.workflows.activities.NewTrackerIssue;
import dev.incidentflow.workflows.activities.TrackerActivities;
import dev.incidentflow.workflows.activities.TrackerIssue;
import dev.incidentflow.workflows.activities.TrackerStatus;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link TrackerActivities} over Jira REST v2. */
public final class JiraTrackerActivities implements TrackerActivities {
  private static final Logger log = LoggerFactory.getLogger(JiraTrackerActivities.class);

  /**
   * Fields an issue can do without. A project whose create screen lacks the due date, or a catalog
   * naming a Jira user who has left, should cost the field, not the issue: the issue is created
   * without them and its description says so.
   */
  private static final Set<String> DISPENSABLE = Set.of("assignee", "duedate");

  private final JiraClient jira;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  public JiraTrackerActivities(JiraClient jira) {
    this(jira, Clock.systemUTC());
  }

  JiraTrackerActivities(JiraClient jira, Clock clock) {
    this.jira = requireNonNull(jira, "jira is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /**
   * Looks for an issue with the idempotency label first: a previous attempt whose answer was lost
   * made it. Jira's search index can lag a create by a moment; the activity's retry backoff (a
   * second, then more) gives it that moment.
   */
  @Override
  public TrackerIssue createIssue(NewTrackerIssue issue) {
    try {
      List<JiraFoundIssue> existing = jira.searchByLabel(issue.idempotencyLabel());
      if (!existing.isEmpty()) {
        String key = existing.get(0).key();
        log.info(
            "Jira issue {} already carries {}; not creating another",
            key,
            issue.idempotencyLabel());
        return found(key);
      }
      try {
        return found(jira.createIssue(fields(issue, true)).key());
      } catch (JiraException rejected) {
        if (rejected.status() != 400
            || rejected.errors().isEmpty()
            || !DISPENSABLE.containsAll(rejected.errors().keySet())) {
          throw rejected;
        }
        log.warn(
            "Jira refused {} of {}; creating it without: {}",
            rejected.errors().keySet(),
            issue.idempotencyLabel(),
            rejected.getMessage());
        return found(
            jira.createIssue(
                    fields(issue, false)
                        .put(
                            "description",
                            issue.description()
                                + "\n\n_IncidentFlow could not set "
                                + String.join(", ", rejected.errors().keySet())
                                + ": "
                                + rejected.getMessage()
                                + "_"))
                .key());
      }
    } catch (JiraException e) {
      throw JiraErrors.toFailure(e, clock);
    }
  }

  /** Reads the issue's links first, so a retry or a second run never adds the same link twice. */
  @Override
  public void linkIssues(IssueLink link) {
    try {
      String type = jira.settings().linkType();
      boolean linked =
          jira.issue(link.issueKey()).links().stream()
              .anyMatch(
                  existing ->
                      existing.type().equalsIgnoreCase(type)
                          && existing.otherKey().equals(link.linkedKey()));
      if (!linked) {
        jira.link(type, link.issueKey(), link.linkedKey());
      }
    } catch (JiraException e) {
      throw JiraErrors.toFailure(e, clock);
    }
  }

  /** Reads the latest comments first, so a retry never adds the same comment twice. */
  @Override
  public void commentOnIssue(IssueComment comment) {
    try {
      if (!jira.latestComments(comment.issueKey()).contains(comment.text())) {
        jira.comment(comment.issueKey(), comment.text());
      }
    } catch (JiraException e) {
      throw JiraErrors.toFailure(e, clock);
    }
  }

  /** A PUT of the whole assignee: the same one again changes nothing. */
  @Override
  public void assignIssue(IssueAssignment assignment) {
    try {
      jira.assign(assignment.issueKey(), assignment.assignee());
    } catch (JiraException e) {
      throw JiraErrors.toFailure(e, clock);
    }
  }

  @Override
  public TrackerStatus issueStatus(String issueKey) {
    try {
      JiraIssueState state = jira.issue(issueKey);
      return new TrackerStatus(
          issueKey, state.status(), state.isDone(), state.statusCategoryChangedAt());
    } catch (JiraException e) {
      throw JiraErrors.toFailure(e, clock);
    }
  }

  private TrackerIssue found(String key) {
    return new TrackerIssue(key, jira.settings().browseUrl(key));
  }

  private ObjectNode fields(NewTrackerIssue issue, boolean withDispensable) {
    JiraSettings settings = jira.settings();
    ObjectNode fields = json.createObjectNode();
    fields.putObject("project").put("key", issue.project());
    fields
        .putObject("issuetype")
        .put(
            "name",
            switch (issue.kind()) {
              case INCIDENT -> settings.incidentIssueType();
              case POSTMORTEM -> settings.postmortemIssueType();
              case ACTION_ITEM -> settings.actionItemIssueType();
            });
    fields.put("summary", issue.summary());
    fields.put("description", issue.description());
    ArrayNode labels = fields.putArray("labels");
    issue.labels().forEach(labels::add);
    if (withDispensable && issue.dueDate() != null) {
      fields.put("duedate", issue.dueDate().toString());
    }
    if (withDispensable && issue.assignee() != null) {
      fields.putObject("assignee").put(settings.userField(), issue.assignee());
    }
    return fields;
  }
}
