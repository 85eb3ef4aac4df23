package dev.incidentflow.workflows.postmortem;

import dev.incidentflow.workflows.activities.FailureType;
import dev.incidentflow.workflows.activities.IssueAssignment;
import dev.incidentflow.workflows.activities.IssueComment;
import dev.incidentflow.workflows.activities.IssueLink;
import dev.incidentflow.workflows.activities.NewTrackerIssue;
import dev.incidentflow.workflows.activities.TrackerActivities;
import dev.incidentflow.workflows.activities.TrackerIssue;
import dev.incidentflow.workflows.activities.TrackerStatus;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory Jira with the real adapter's idempotency: an issue is found by its label first.
 * Public for the incident workflow's tests, whose tickets go to it too.
 */
public final class FakeTracker implements TrackerActivities {
  public final Map<String, NewTrackerIssue> issues = new ConcurrentHashMap<>();
  final Map<String, TrackerStatus> statuses = new ConcurrentHashMap<>();
  final List<IssueLink> links = new CopyOnWriteArrayList<>();
  public final List<IssueComment> comments = new CopyOnWriteArrayList<>();
  final AtomicInteger polls = new AtomicInteger();
  private final AtomicInteger nextNumber = new AtomicInteger(1);
  public volatile boolean rejectCreates;

  /**
   * When set, issues are made as the stand-in for an unconfigured Jira makes them ({@code DEV}).
   */
  volatile boolean standIn;

  /** Creates that fail as a Jira outage does (retried) before the next one succeeds. */
  public final AtomicInteger outagesBeforeCreate = new AtomicInteger();

  /** Comments that fail as a Jira outage does (retried) before the next one succeeds. */
  public final AtomicInteger outagesBeforeComment = new AtomicInteger();

  /** When set, Jira refuses every status read for good, as for an expired token (HTTP 401). */
  volatile boolean refuseStatus;

  /**
   * When set, a status read takes the status, counts this latch down and waits for {@link
   * #answerPoll} before answering: what Jira said is on its way back.
   */
  volatile CountDownLatch pollRead;

  final CountDownLatch answerPoll = new CountDownLatch(1);

  /**
   * When set, a create counts this latch down and waits for {@link #answerCreate} before it makes
   * the issue: Jira is making it while the workflow waits.
   */
  volatile CountDownLatch createRead;

  final CountDownLatch answerCreate = new CountDownLatch(1);

  @Override
  public TrackerIssue createIssue(NewTrackerIssue issue) {
    if (rejectCreates) {
      throw ApplicationFailure.newNonRetryableFailure(
          "Jira rejected the issue (HTTP 400): project: project is required",
          FailureType.JIRA_REJECTED.name());
    }
    if (outagesBeforeCreate.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
      throw ApplicationFailure.newFailure("Jira answered 503", "JiraUnavailable");
    }
    CountDownLatch creating = createRead;
    if (creating != null) {
      creating.countDown();
      try {
        answerCreate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (Map.Entry<String, NewTrackerIssue> existing : issues.entrySet()) {
      if (existing.getValue().labels().contains(issue.idempotencyLabel())) {
        return issue(existing.getKey());
      }
    }
    String key = issue.project() + "-" + nextNumber.getAndIncrement();
    issues.put(key, issue);
    statuses.put(key, new TrackerStatus(key, "To Do", false));
    return standIn ? TrackerIssue.standIn(key) : issue(key);
  }

  @Override
  public void linkIssues(IssueLink link) {
    if (!links.contains(link)) {
      links.add(link);
    }
  }

  @Override
  public void commentOnIssue(IssueComment comment) {
    if (outagesBeforeComment.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
      throw ApplicationFailure.newFailure("Jira answered 503", "JiraUnavailable");
    }
    if (!comments.contains(comment)) {
      comments.add(comment);
    }
  }

  /** The assignments asked for, in order. */
  final List<IssueAssignment> assignments = new CopyOnWriteArrayList<>();

  @Override
  public void assignIssue(IssueAssignment assignment) {
    assignments.add(assignment);
  }

  @Override
  public TrackerStatus issueStatus(String issueKey) {
    polls.incrementAndGet();
    if (refuseStatus) {
      throw ApplicationFailure.newNonRetryableFailure(
          "Jira get issue " + issueKey + " answered HTTP 401: Client must be authenticated",
          FailureType.JIRA_REJECTED.name());
    }
    TrackerStatus read =
        statuses.getOrDefault(issueKey, new TrackerStatus(issueKey, "To Do", false));
    CountDownLatch reading = pollRead;
    if (reading != null) {
      reading.countDown();
      try {
        answerPoll.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return read;
  }

  void moveTo(String key, String status, boolean done) {
    statuses.put(key, new TrackerStatus(key, status, done));
  }

  /** Makes an issue as if someone else (or an earlier session) had, with the given key. */
  void existing(String key, NewTrackerIssue issue) {
    issues.put(key, issue);
    statuses.put(key, new TrackerStatus(key, "To Do", false));
  }

  static TrackerIssue issue(String key) {
    return new TrackerIssue(key, "https://jira.example.com/browse/" + key);
  }
}
