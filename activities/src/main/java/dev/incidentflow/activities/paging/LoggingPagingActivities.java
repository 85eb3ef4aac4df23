package dev.incidentflow.activities.paging;

import dev.incidentflow.workflows.activities.PagerEvent;
import dev.incidentflow.workflows.activities.PagingActivities;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for PagerDuty when no routing key is configured ({@code dev}): logs each event it would
 * have sent and remembers it.
 */
public final class LoggingPagingActivities implements PagingActivities {

  private static final Logger log = LoggerFactory.getLogger(LoggingPagingActivities.class);

  /** Enough to inspect a dev session; bounded so a long-running dev process does not grow. */
  static final int MAX_RECORDED = 1000;

  private final Deque<PagerEvent> sent = new ArrayDeque<>();

  @Override
  public void send(PagerEvent event) {
    log.info(
        "PagerDuty is not configured; would {} dedup_key {} (severity {}): {}",
        event.action().name().toLowerCase(Locale.ROOT),
        event.dedupKey(),
        event.severity(),
        event.summary());
    synchronized (sent) {
      if (sent.size() == MAX_RECORDED) {
        sent.removeFirst();
      }
      sent.addLast(event);
    }
  }

  /** The events so far, oldest first (at most the last {@value #MAX_RECORDED}). */
  public List<PagerEvent> sent() {
    synchronized (sent) {
      return List.copyOf(sent);
    }
  }
}
