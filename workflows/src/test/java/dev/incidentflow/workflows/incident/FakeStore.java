package dev.incidentflow.workflows.incident;

import dev.incidentflow.workflows.activities.IncidentNumber;
import dev.incidentflow.workflows.activities.IncidentSnapshot;
import dev.incidentflow.workflows.activities.IncidentStoreActivities;
import dev.incidentflow.workflows.activities.NewIncident;
import dev.incidentflow.workflows.model.TimelineEvent;
import dev.incidentflow.workflows.model.TimelineEventType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/** An in-memory incident store with the real one's idempotency rules. */
final class FakeStore implements IncidentStoreActivities {
  private final AtomicLong sequence = new AtomicLong();
  private final Map<String, Long> numbers = new ConcurrentHashMap<>();
  private final Map<Long, IncidentSnapshot> latest = new ConcurrentHashMap<>();
  private final Map<Long, ConcurrentSkipListMap<Integer, TimelineEvent>> timelines =
      new ConcurrentHashMap<>();
  private final List<String> conflicts = new CopyOnWriteArrayList<>();

  /** While true, the database is down for new incidents: recording one fails. */
  volatile boolean down;

  /** While set, recording a new incident waits for it: a database that hangs. */
  volatile CountDownLatch recordsHeld;

  /** While true, the database is down for saves: saving an incident fails. */
  volatile boolean savesDown;

  /** While true, the database refuses saves for good: a non-retryable failure, at once. */
  volatile boolean savesRefused;

  /** Saves that failed because {@link #savesDown} or {@link #savesRefused}. */
  final AtomicLong failedSaves = new AtomicLong();

  @Override
  public IncidentNumber recordIncident(NewIncident incident) {
    if (down) {
      throw new IllegalStateException("connection refused");
    }
    CountDownLatch held = recordsHeld;
    if (held != null) {
      try {
        held.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    long number =
        numbers.computeIfAbsent(
            incident.workflowId() + "/" + incident.firstRunId(), key -> sequence.incrementAndGet());
    return new IncidentNumber(number);
  }

  @Override
  public void saveIncident(IncidentSnapshot snapshot) {
    if (savesDown) {
      failedSaves.incrementAndGet();
      throw new IllegalStateException("connection refused");
    }
    if (savesRefused) {
      failedSaves.incrementAndGet();
      throw io.temporal.failure.ApplicationFailure.newNonRetryableFailure(
          "value too long for type character varying(200)", "StoreRefused");
    }
    latest.put(snapshot.number(), snapshot.withoutEvents());
    var timeline = timelines.computeIfAbsent(snapshot.number(), n -> new ConcurrentSkipListMap<>());
    for (TimelineEvent event : snapshot.newEvents()) {
      TimelineEvent stored = timeline.putIfAbsent(event.sequence(), event);
      if (stored != null && !stored.equals(event)) {
        conflicts.add(stored + " vs " + event);
      }
    }
  }

  /**
   * Events saved under a sequence number already taken by a different event. The real store skips
   * them silently, so a workflow that reused numbers would lose events without a trace.
   */
  List<String> conflicts() {
    return List.copyOf(conflicts);
  }

  IncidentSnapshot incident(long number) {
    return latest.get(number);
  }

  int incidentCount() {
    return numbers.size();
  }

  List<TimelineEvent> timeline(long number) {
    return List.copyOf(timelines.getOrDefault(number, new ConcurrentSkipListMap<>()).values());
  }

  List<TimelineEventType> types(long number) {
    return timeline(number).stream().map(TimelineEvent::type).toList();
  }
}
