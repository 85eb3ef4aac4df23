package dev.incidentflow.workflows.incident;

import dev.incidentflow.workflows.activities.SlackChatActivities;
import dev.incidentflow.workflows.activities.SlackMessage;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;

/**
 * An incident's Slack calls, made one after another in their own workflow coroutine so that the
 * incident does not wait for Slack: while Slack is down (its calls are retried without limit) the
 * incident still pages, escalates, takes acknowledgements and saves. Calls go out in the order they
 * were added; one that fails for good is logged and skipped.
 *
 * <p>Made {@linkplain #SlackOutbox(SlackChatActivities, boolean) together}, the {@link
 * SlackMessage}s waiting when the outbox turns to the next call go out in one activity ({@link
 * SlackChatActivities#sendInOrder}, up to {@link #MOST_AT_ONCE}), still in order: an escalation
 * step's direct messages and channel post cost one activity and one workflow task, not one each.
 * Nothing is sent sooner or more at once than before; the calls only share a round trip.
 */
final class SlackOutbox {
  private static final Logger log = Workflow.getLogger(SlackOutbox.class);

  /**
   * The most messages in one activity. Posts to a channel are paced a second apart (three at most,
   * see the worker's {@code ChannelPacer}), and the activity has 30 s to make them all.
   */
  static final int MOST_AT_ONCE = 4;

  /**
   * @param message the message to send; null for a call that is made as a whole by {@code run}
   * @param run after {@code message} was sent (not when it failed for good), or the whole call
   * @param refused after {@code message} failed for good; nothing for a call made by {@code run}
   */
  private record Call(
      String incidentId, String what, SlackMessage message, Runnable run, Runnable refused) {

    void skip(String why) {
      log.warn("{}: Slack call ({}) failed for good and was skipped: {}", incidentId, what, why);
      refused.run();
    }
  }

  private final SlackChatActivities slack;
  private final boolean together;
  private final SerialQueue<Call> calls = new SerialQueue<>(this::sendAll);

  /**
   * @param slack the activity stub messages are sent through
   * @param together whether waiting messages go out in one activity, or each in its own
   */
  SlackOutbox(SlackChatActivities slack, boolean together) {
    this.slack = Objects.requireNonNull(slack, "slack is null");
    this.together = together;
  }

  /**
   * Queues a call behind the earlier ones. {@code send} must carry what it sends: it runs later,
   * when the incident may have moved on.
   */
  void add(String incidentId, String what, Runnable send) {
    queue(new Call(incidentId, what, null, send, () -> {}));
  }

  /**
   * Queues {@code message} behind the earlier calls; {@code sent} runs once it was sent, {@code
   * refused} once it failed for good.
   */
  void add(String incidentId, String what, SlackMessage message, Runnable sent, Runnable refused) {
    queue(
        new Call(
            incidentId,
            what,
            Objects.requireNonNull(message, "message is null"),
            Objects.requireNonNull(sent, "sent is null"),
            Objects.requireNonNull(refused, "refused is null")));
  }

  private void queue(Call call) {
    calls.add(call);
  }

  /** Every call added so far has been made (or has failed for good). */
  boolean isEmpty() {
    return calls.isEmpty();
  }

  private void sendAll(Deque<Call> calls) {
    for (Call call = calls.poll(); call != null; call = calls.poll()) {
      List<Call> batch = new ArrayList<>(List.of(call));
      while (together
          && call.message() != null
          && batch.size() < MOST_AT_ONCE
          && calls.peek() != null
          && calls.peek().message() != null) {
        batch.add(calls.poll());
      }
      try {
        if (batch.size() == 1) {
          if (call.message() != null) {
            call.message().sendWith(slack);
          }
          call.run().run();
        } else {
          sendTogether(batch);
        }
      } catch (ActivityFailure failure) {
        batch.forEach(skipped -> skipped.skip(failure.getMessage()));
      } catch (RuntimeException unexpected) {
        // A cancelled workflow's calls, or a bug: skip the call rather than stop the outbox, which
        // the incident waits on before it continues as new or closes.
        batch.forEach(
            skipped -> {
              log.error(
                  "{}: Slack call ({}) failed and was skipped",
                  skipped.incidentId(),
                  skipped.what(),
                  unexpected);
              skipped.refused().run();
            });
      }
    }
  }

  private void sendTogether(List<Call> batch) {
    List<String> outcomes =
        slack.sendInOrder(batch.stream().map(Call::message).toArray(SlackMessage[]::new));
    for (int i = 0; i < batch.size(); i++) {
      Call call = batch.get(i);
      String refused = i < outcomes.size() ? outcomes.get(i) : "no answer for it";
      if (refused == null) {
        call.run().run();
      } else {
        call.skip(refused);
      }
    }
  }
}
