package dev.incidentflow.activities.tracker;

import dev.incidentflow.workflows.activities.IssueAssignment;
import dev.incidentflow.workflows.activities.IssueComment;
import dev.incidentflow.workflows.activities.IssueLink;
import dev.incidentflow.workflows.activities.NewTrackerIssue;
import dev.incidentflow.workflows.activities.TrackerActivities;
import dev.incidentflow.workflows.activities.TrackerIssue;
import dev.incidentflow.workflows.activities.TrackerStatus;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for Jira when it is not configured ({@code dev}): logs what it would create, remembers
 * it, and hands out keys {@code DEV-1}, {@code DEV-2}, ... Like the Jira adapter it is idempotent
 * by label, so a retry returns the issue already made. Its issues never reach a done status:
 * publish postmortems and mark action items done through the API.
 */
public final class LoggingTrackerActivities implements TrackerActivities {
  private static final Logger log = LoggerFactory.getLogger(LoggingTrackerActivities.class);

  /** Enough to inspect a dev session; bounded so a long-running dev process does not grow. */
  static final int MAX_RECORDED = 1000;

  private final Deque<RecordedTrackerCall> calls = new ArrayDeque<>();
  private final Map<String, String> keysByLabel = new ConcurrentHashMap<>();
  private final AtomicInteger nextKey = new AtomicInteger(1);

  @Override
  public TrackerIssue createIssue(NewTrackerIssue issue) {
    String key =
        keysByLabel.computeIfAbsent(
            issue.idempotencyLabel(), label -> "DEV-" + nextKey.getAndIncrement());
    record(
        "createIssue",
        key,
        issue.project()
            + " "
            + issue.kind()
            + ": "
            + issue.summary()
            + (issue.assignee() == null ? "" : " (assignee " + issue.assignee() + ")")
            + (issue.dueDate() == null ? "" : " due " + issue.dueDate())
            + " labels "
            + issue.labels());
    return TrackerIssue.standIn(key);
  }

  @Override
  public void linkIssues(IssueLink link) {
    record("linkIssues", link.issueKey(), link.linkedKey());
  }

  @Override
  public void commentOnIssue(IssueComment comment) {
    record("commentOnIssue", comment.issueKey(), comment.text());
  }

  @Override
  public void assignIssue(IssueAssignment assignment) {
    record(
        "assignIssue",
        assignment.issueKey(),
        assignment.assignee() == null ? "unassigned" : assignment.assignee());
  }

  @Override
  public TrackerStatus issueStatus(String issueKey) {
    return new TrackerStatus(issueKey, "To Do", false);
  }

  /** The calls so far, oldest first (at most the last {@value #MAX_RECORDED}). */
  public List<RecordedTrackerCall> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  private void record(String operation, String target, String text) {
    log.info("Jira is not configured; would {} {}: {}", operation, target, text);
    synchronized (calls) {
      if (calls.size() == MAX_RECORDED) {
        calls.removeFirst();
      }
      calls.addLast(new RecordedTrackerCall(operation, target, text));
    }
  }
}
