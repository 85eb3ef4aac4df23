package dev.incidentflow.activities.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.incidentflow.workflows.activities.Briefing;
import dev.incidentflow.workflows.activities.ChannelMessage;
import dev.incidentflow.workflows.activities.DirectMessage;
import dev.incidentflow.workflows.activities.OpenChannel;
import dev.incidentflow.workflows.activities.SlackChannel;
import dev.incidentflow.workflows.model.Person;
import dev.incidentflow.workflows.model.Severity;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LoggingSlackChatActivitiesTest {

  private final LoggingSlackChatActivities slack = new LoggingSlackChatActivities();

  @Test
  void recordsWhatItWouldHaveSentInOrder() {
    SlackChannel channel =
        slack.openChannel(
            new OpenChannel(
                "inc-1-sev2-login", false, "SEV2 login slow", List.of(Person.ofHandle("alice"))));
    slack.postBriefing(
        new Briefing(
            channel.id(),
            "INC-1",
            "Login slow",
            "",
            Severity.SEV2,
            "login",
            "alice",
            null,
            null,
            List.of()));
    slack.postMessage(new ChannelMessage("incidents", "INC-1 declared"));
    slack.setTopic(new ChannelMessage(channel.id(), "SEV2 login slow: mitigated"));
    slack.directMessage(new DirectMessage(Person.ofHandle("bob"), "You are paged for INC-1"));
    slack.archiveChannel(channel);

    assertThat(slack.calls())
        .extracting(RecordedSlackCall::operation, RecordedSlackCall::target)
        .containsExactly(
            tuple("openChannel", "inc-1-sev2-login"),
            tuple("postBriefing", channel.id()),
            tuple("postMessage", "incidents"),
            tuple("setTopic", channel.id()),
            tuple("directMessage", "bob"),
            tuple("archiveChannel", channel.id()));
    assertThat(slack.calls().get(0).text()).contains("SEV2 login slow", "alice");
    assertThat(slack.calls().get(1).text()).contains("INC-1", "SEV2", "Login slow");
    assertThat(slack.calls().get(4).text()).isEqualTo("You are paged for INC-1");
  }

  @Test
  void openingTheSameNameTwiceReturnsTheSameChannel() {
    SlackChannel first = slack.openChannel(new OpenChannel("inc-1-sev1-a", false, "", List.of()));
    SlackChannel again = slack.openChannel(new OpenChannel("inc-1-sev1-a", false, "", List.of()));
    SlackChannel other = slack.openChannel(new OpenChannel("inc-2-sev1-b", false, "", List.of()));

    assertThat(first).isEqualTo(new SlackChannel("DEV1", "inc-1-sev1-a")).isEqualTo(again);
    assertThat(other).isEqualTo(new SlackChannel("DEV2", "inc-2-sev1-b"));
  }

  @Test
  void concurrentCallsAreAllRecorded() throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int i = 0; i < 200; i++) {
      String text = "message " + i;
      pool.execute(() -> slack.postMessage(new ChannelMessage("incidents", text)));
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

    assertThat(slack.calls()).hasSize(200);
  }

  @Test
  void keepsOnlyTheMostRecentCalls() {
    for (int i = 0; i < LoggingSlackChatActivities.MAX_RECORDED + 5; i++) {
      slack.postMessage(new ChannelMessage("incidents", "message " + i));
    }

    List<RecordedSlackCall> calls = slack.calls();
    assertThat(calls).hasSize(LoggingSlackChatActivities.MAX_RECORDED);
    assertThat(calls.get(0).text()).isEqualTo("message 5");
  }
}
