package dev.incidentflow.workflows.incident;

import dev.incidentflow.workflows.activities.PagerEvent;
import dev.incidentflow.workflows.activities.PagingActivities;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.util.Deque;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * An incident's PagerDuty events, sent one after another in their own workflow coroutine so that
 * the incident does not wait for PagerDuty: while it is down (its events are retried without limit)
 * the incident still messages the people it pages, escalates on time and takes acknowledgements.
 * Events go out in the order they were added, so an acknowledgement or resolve never reaches
 * PagerDuty before the page it closes, and a page still waiting when its acknowledgement or resolve
 * comes is not sent at all: the people of an escalation step due during an outage are not called
 * once PagerDuty is back for an incident someone took or ended meanwhile. One PagerDuty refuses for
 * good goes to its caller.
 */
final class PagerOutbox {
  private static final Logger log = Workflow.getLogger(PagerOutbox.class);

  private record Page(String incidentId, PagerEvent event, Consumer<ActivityFailure> refused) {}

  private final PagingActivities paging;
  private final SerialQueue<Page> pages = new SerialQueue<>(this::sendAll);

  PagerOutbox(PagingActivities paging) {
    this.paging = Objects.requireNonNull(paging, "paging is null");
  }

  /** Queues {@code event} behind the earlier ones; {@code refused} hears a refusal for good. */
  void add(String incidentId, PagerEvent event, Consumer<ActivityFailure> refused) {
    if (event.action() != PagerEvent.Action.TRIGGER) {
      boolean dropped =
          pages
              .waiting()
              .removeIf(
                  waiting ->
                      waiting.event().action() == PagerEvent.Action.TRIGGER
                          && waiting.event().dedupKey().equals(event.dedupKey())
                          && Objects.equals(waiting.event().routingKey(), event.routingKey()));
      if (dropped) {
        log.info(
            "{}: page {} not sent: {} before PagerDuty took it",
            incidentId,
            event.dedupKey(),
            event.action() == PagerEvent.Action.RESOLVE ? "resolved" : "acknowledged");
      }
    }
    pages.add(new Page(incidentId, event, Objects.requireNonNull(refused, "refused is null")));
  }

  /** Every event added so far has been sent (or refused for good). */
  boolean isEmpty() {
    return pages.isEmpty();
  }

  private void sendAll(Deque<Page> waiting) {
    for (Page page = waiting.poll(); page != null; page = waiting.poll()) {
      try {
        paging.send(page.event());
      } catch (ActivityFailure refused) {
        try {
          page.refused().accept(refused);
        } catch (RuntimeException bug) {
          log.error("{}: telling of a refused page failed", page.incidentId(), bug);
        }
      } catch (RuntimeException unexpected) {
        // A cancelled workflow's event, or a bug: skip it rather than stop the events behind it.
        log.error(
            "{}: PagerDuty {} of {} failed and was skipped",
            page.incidentId(),
            page.event().action(),
            page.event().dedupKey(),
            unexpected);
      }
    }
  }
}
