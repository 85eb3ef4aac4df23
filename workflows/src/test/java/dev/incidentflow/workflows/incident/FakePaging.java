package dev.incidentflow.workflows.incident;

import dev.incidentflow.workflows.activities.FailureType;
import dev.incidentflow.workflows.activities.PagerEvent;
import dev.incidentflow.workflows.activities.PagingActivities;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records PagerDuty events. */
final class FakePaging implements PagingActivities {
  final List<PagerEvent> events = new CopyOnWriteArrayList<>();

  /** While true, PagerDuty is down: every send fails and Temporal retries it. */
  volatile boolean down;

  /** While true, PagerDuty takes triggers but fails every resolve, which Temporal retries. */
  volatile boolean resolvesFail;

  /** While true, PagerDuty refuses every trigger for good, as it answers 400 to a bad event. */
  volatile boolean rejectsTriggers;

  @Override
  public void send(PagerEvent event) {
    if (down || resolvesFail && event.action() == PagerEvent.Action.RESOLVE) {
      throw new IllegalStateException("PagerDuty answered 503");
    }
    if (rejectsTriggers && event.action() == PagerEvent.Action.TRIGGER) {
      throw ApplicationFailure.newNonRetryableFailure(
          "PagerDuty answered 400: Event object is invalid", FailureType.PAGERDUTY_REJECTED.name());
    }
    events.add(event);
  }

  List<PagerEvent> of(PagerEvent.Action action) {
    return events.stream().filter(e -> e.action() == action).toList();
  }

  List<String> triggeredKeys() {
    return of(PagerEvent.Action.TRIGGER).stream().map(PagerEvent::dedupKey).toList();
  }
}
