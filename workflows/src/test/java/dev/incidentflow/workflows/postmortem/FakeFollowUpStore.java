package dev.incidentflow.workflows.postmortem;

import dev.incidentflow.workflows.activities.ActionItemNumber;
import dev.incidentflow.workflows.activities.ActionItemRecord;
import dev.incidentflow.workflows.activities.IncidentNumber;
import dev.incidentflow.workflows.activities.IncidentTimeline;
import dev.incidentflow.workflows.activities.NewActionItem;
import dev.incidentflow.workflows.activities.PostmortemIssue;
import dev.incidentflow.workflows.activities.PostmortemRecord;
import dev.incidentflow.workflows.activities.PostmortemStoreActivities;
import dev.incidentflow.workflows.activities.TimelineActivities;
import dev.incidentflow.workflows.activities.TimelineAppend;
import dev.incidentflow.workflows.activities.TimelineEntry;
import dev.incidentflow.workflows.model.PostmortemStatus;
import dev.incidentflow.workflows.model.TimelineEvent;
import dev.incidentflow.workflows.model.TimelineEventType;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Postmortems, action items and timelines in memory, with the real store's idempotency: one action
 * item per workflow id, one timeline event per entry key.
 */
final class FakeFollowUpStore implements PostmortemStoreActivities, TimelineActivities {
  /** When set, recording an action item is refused with this reason, as for an incident over. */
  volatile String refusal;

  final Map<Long, PostmortemRecord> postmortems = new ConcurrentHashMap<>();
  final Map<Long, ActionItemRecord> actionItems = new ConcurrentHashMap<>();
  final Map<Long, NewActionItem> newActionItems = new ConcurrentHashMap<>();
  private final Map<String, Long> actionItemNumbers = new ConcurrentHashMap<>();
  private final AtomicLong nextActionItem = new AtomicLong(1);
  private final Map<Long, List<TimelineEvent>> timelines = new ConcurrentHashMap<>();
  private final Map<Long, List<String>> keys = new ConcurrentHashMap<>();

  /** When set, a postmortem's save waits until it opens, after counting {@link #saveHeld} down. */
  volatile java.util.concurrent.CountDownLatch saveGate;

  final java.util.concurrent.CountDownLatch saveHeld = new java.util.concurrent.CountDownLatch(1);

  @Override
  public void savePostmortem(PostmortemRecord postmortem) {
    java.util.concurrent.CountDownLatch gate = saveGate;
    if (gate != null) {
      saveHeld.countDown();
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    postmortems.put(postmortem.incidentNumber(), postmortem);
  }

  @Override
  public PostmortemIssue findPostmortemIssue(IncidentNumber incident) {
    PostmortemRecord postmortem = postmortems.get(incident.number());
    return postmortem == null ? PostmortemIssue.none() : new PostmortemIssue(postmortem.jiraKey());
  }

  @Override
  public ActionItemNumber recordActionItem(NewActionItem item) {
    if (refusal != null) {
      throw ApplicationFailure.newNonRetryableFailure(refusal, ActionItemAdmission.REFUSED);
    }
    long number =
        actionItemNumbers.computeIfAbsent(
            item.workflowId(), id -> nextActionItem.getAndIncrement());
    newActionItems.putIfAbsent(number, item);
    return new ActionItemNumber(number);
  }

  @Override
  public void saveActionItem(ActionItemRecord item) {
    actionItems.put(item.number(), item);
  }

  @Override
  public synchronized void appendTimelineEvents(TimelineAppend append) {
    List<TimelineEvent> timeline =
        timelines.computeIfAbsent(append.incidentNumber(), n -> new ArrayList<>());
    List<String> stored = keys.computeIfAbsent(append.incidentNumber(), n -> new ArrayList<>());
    for (TimelineEntry entry : append.entries()) {
      if (!stored.contains(entry.key())) {
        stored.add(entry.key());
        timeline.add(
            new TimelineEvent(
                1_000_000_000 + timeline.size(),
                entry.at(),
                entry.type(),
                entry.by(),
                entry.text(),
                entry.data()));
      }
    }
  }

  @Override
  public synchronized IncidentTimeline readTimeline(IncidentNumber incident) {
    return new IncidentTimeline(
        incident.number(),
        List.copyOf(timelines.getOrDefault(incident.number(), List.of())),
        List.of());
  }

  /** Seeds an incident's own timeline, as the incident workflow would have saved it. */
  synchronized void seed(long incidentNumber, List<TimelineEvent> events) {
    timelines.computeIfAbsent(incidentNumber, n -> new ArrayList<>()).addAll(0, events);
  }

  synchronized List<TimelineEvent> events(long incidentNumber, TimelineEventType type) {
    return timelines.getOrDefault(incidentNumber, List.of()).stream()
        .filter(event -> event.type() == type)
        .toList();
  }

  void postmortemIssue(long incidentNumber, String key) {
    postmortems.put(
        incidentNumber,
        new PostmortemRecord(
            incidentNumber,
            Postmortems.workflowId(incidentNumber),
            PostmortemStatus.SCHEDULED,
            Instant.EPOCH,
            key,
            FakeTracker.issue(key).url(),
            null,
            null,
            null,
            null,
            null));
  }
}
