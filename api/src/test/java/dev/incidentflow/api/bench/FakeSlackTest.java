package dev.incidentflow.api.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.SlackConfig;
import dev.incidentflow.activities.slack.SlackMethods;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeSlackTest {
  private FakeSlack slack;
  private SlackMethods methods;

  @BeforeEach
  void start() throws Exception {
    slack = FakeSlack.start("127.0.0.1", 0);
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(slack.apiUrl("127.0.0.1"));
    config.setStatsEnabled(false);
    methods = SlackMethods.client(config, "xoxb-bench");
  }

  @AfterEach
  void stop() {
    slack.close();
  }

  private void post(String text) throws Exception {
    assertThat(methods.chatPostMessage(r -> r.channel("C00000001").text(text)).isOk()).isTrue();
  }

  @Test
  void overdueNoticePostsAreTimedPerIncidentInTheOrderTheyArrivedAsTheSdkSendsThem()
      throws Exception {
    Instant before = Instant.now();
    post("<@U1> A status update for INC-12 is overdue (every 20s for SEV1).");
    post("A status update for INC-3 is overdue (every 20s for SEV1). Nobody is commander yet.");
    post("Alert still firing: checkout (further deliveries are on the timeline)");
    post("<@U1> A status update for INC-12 is overdue (every 20s for SEV1).");
    post("overdue, but not a notice");
    Instant after = Instant.now();

    assertThat(slack.overdueNotices()).containsOnlyKeys(3L, 12L);
    List<Instant> twelve = slack.overdueNotices().get(12L);
    assertThat(twelve)
        .hasSize(2)
        .isSorted()
        .allSatisfy(at -> assertThat(at).isBetween(before, after));
    assertThat(slack.overdueNotices().get(3L)).hasSize(1);
    assertThat(slack.calls()).containsEntry("chat.postMessage", 5L);
  }
}
