package dev.incidentflow.workflows.incident;

import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * An incident's Slack calls, made in their own workflow coroutine so that the incident does not
 * wait for Slack: while Slack is down (its calls are retried without limit) the incident still
 * pages, escalates, takes acknowledgements and saves. One that fails for good is logged and
 * skipped.
 *
 * <p>Calls go in lanes, one per Slack conversation: a channel's posts go out one after another in
 * the order they were added, while calls in different lanes (an escalation step's direct messages
 * to two people and its post in the channel) go out at once. Without lanes (incidents started
 * before {@link IncidentWorkflowImpl#SLACK_IN_LANES}) every call waits for the one before it.
 */
final class SlackOutbox {
  private static final Logger log = Workflow.getLogger(SlackOutbox.class);

  /** The lane of every call when calls do not go in lanes. */
  private static final String ONE_LANE = "";

  /** A call; a fence has no lane. */
  private record Call(String incidentId, String what, String lane, Supplier<Promise<Void>> send) {
    boolean isFence() {
      return lane == null;
    }
  }

  /** A call in flight. */
  private record Sending(Call call, Promise<Void> sent) {}

  private final boolean lanes;
  private final Deque<Call> waiting = new ArrayDeque<>();

  /** The calls in flight, by lane. */
  private final Map<String, Sending> sending = new LinkedHashMap<>();

  private boolean running;

  /**
   * @param lanes whether calls in different lanes go out at once
   */
  SlackOutbox(boolean lanes) {
    this.lanes = lanes;
  }

  /** The lane of the calls to a Slack channel (its id or name). */
  static String channelLane(String channel) {
    return "#" + channel;
  }

  /** The lane of the direct messages to one person. */
  static String personLane(String handle) {
    return "@" + handle;
  }

  /**
   * Queues a call behind the earlier ones in its lane. {@code send} starts the call (an activity
   * called through {@link Async}) and must carry what it sends: it runs later, when the incident
   * may have moved on.
   */
  void add(String incidentId, String what, String lane, Supplier<Promise<Void>> send) {
    queue(new Call(incidentId, what, lanes ? Objects.requireNonNull(lane) : ONE_LANE, send));
  }

  /**
   * Queues {@code run} to run in the outbox's coroutine once every call added before it is made,
   * and before any call added after it starts.
   */
  void addFence(String incidentId, String what, Runnable run) {
    queue(
        new Call(
            incidentId,
            what,
            null,
            () -> {
              run.run();
              return Workflow.newPromise(null);
            }));
  }

  /** Every call added so far has been made (or has failed for good). */
  boolean isEmpty() {
    return !running;
  }

  private void queue(Call call) {
    waiting.add(call);
    if (!running) {
      running = true;
      Async.procedure(this::sendAll);
    }
  }

  private void sendAll() {
    while (startWaiting()) {
      try {
        Promise.anyOf(sending.values().stream().map(Sending::sent).toList()).get();
      } catch (RuntimeException failed) {
        // Reported with its call below.
      }
      for (Iterator<Sending> it = sending.values().iterator(); it.hasNext(); ) {
        Sending done = it.next();
        if (done.sent().isCompleted()) {
          it.remove();
          report(done.call(), done.sent());
        }
      }
    }
    running = false;
  }

  /**
   * Starts the first waiting call of every lane with no call in flight, in the order they were
   * added, up to the first fence, which runs once nothing before it is waiting or in flight. True
   * while calls are in flight.
   */
  private boolean startWaiting() {
    while (true) {
      Call fence = null;
      for (Iterator<Call> it = waiting.iterator(); it.hasNext(); ) {
        Call call = it.next();
        if (call.isFence()) {
          if (sending.isEmpty() && call == waiting.peekFirst()) {
            it.remove();
            fence = call;
          }
          break;
        }
        if (!sending.containsKey(call.lane())) {
          it.remove();
          sending.put(call.lane(), new Sending(call, start(call)));
        }
      }
      if (fence == null) {
        return !sending.isEmpty();
      }
      // A fence may wait for Slack itself, and calls may be added meanwhile: look again after it.
      report(fence, start(fence));
    }
  }

  private static Promise<Void> start(Call call) {
    try {
      return call.send().get();
    } catch (RuntimeException failed) {
      return Workflow.newFailedPromise(failed);
    }
  }

  private static void report(Call call, Promise<Void> sent) {
    try {
      sent.get();
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
          "{}: Slack call ({}) failed and was skipped", call.incidentId(), call.what(), unexpected);
    }
  }
}
