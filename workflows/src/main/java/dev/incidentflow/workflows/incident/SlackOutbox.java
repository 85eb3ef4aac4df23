package dev.incidentflow.workflows.incident;

import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Workflow;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;

/**
 * An incident's Slack calls, made one after another in their own workflow coroutine so that the
 * incident does not wait for Slack: while Slack is down (its calls are retried without limit) the
 * incident still pages, escalates, takes acknowledgements and saves. Calls go out in the order they
 * were added; one that fails for good is logged and skipped.
 */
final class SlackOutbox {
  private static final Logger log = Workflow.getLogger(SlackOutbox.class);

  private record Call(String incidentId, String what, Runnable send) {}

  private final Deque<Call> calls = new ArrayDeque<>();
  private boolean sending;

  /**
   * Queues a call behind the earlier ones. {@code send} must carry what it sends: it runs later,
   * when the incident may have moved on.
   */
  void add(String incidentId, String what, Runnable send) {
    calls.add(new Call(incidentId, what, send));
    if (!sending) {
      sending = true;
      Async.procedure(this::sendAll);
    }
  }

  /** Every call added so far has been made (or has failed for good). */
  boolean isEmpty() {
    return !sending;
  }

  private void sendAll() {
    for (Call call = calls.poll(); call != null; call = calls.poll()) {
      try {
        call.send().run();
      } catch (ActivityFailure failure) {
        log.warn(
            "{}: Slack call ({}) failed for good and was skipped: {}",
            call.incidentId(),
            call.what(),
            failure.getMessage());
      } catch (RuntimeException unexpected) {
        // A cancelled workflow's calls, or a bug: skip the call rather than stop the outbox, which
        // the incident waits on before it continues as new or closes.
        log.error(
            "{}: Slack call ({}) failed and was skipped",
            call.incidentId(),
            call.what(),
            unexpected);
      }
    }
    sending = false;
  }
}
