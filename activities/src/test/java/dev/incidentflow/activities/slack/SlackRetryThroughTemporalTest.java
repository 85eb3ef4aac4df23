package dev.incidentflow.activities.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.incidentflow.workflows.activities.ChannelMessage;
import dev.incidentflow.workflows.activities.FailureType;
import dev.incidentflow.workflows.activities.SlackMessage;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Proves that the failures {@link SlackErrors} builds make Temporal do the right thing. The test
 * server runs in real time: with time skipping its clock jumps past any timer, so it cannot tell a
 * one-second retry delay from a seven-second one. A one-second {@code Retry-After} against a 100 ms
 * policy backoff keeps the test short and still tells the two apart.
 */
class SlackRetryThroughTemporalTest {

  private static final String QUEUE = "slack-retry-test";

  @RegisterExtension
  static WireMockExtension slack =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private TestWorkflowEnvironment temporal;
  private WorkflowClient client;

  @BeforeEach
  void startTemporal() {
    temporal =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    Worker worker = temporal.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(
        SlackMessageWorkflowImpl.class, InOrderWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new SlackChatActivitiesImpl(
            new SlackSettings("xoxb-test-token", slack.baseUrl() + "/api/", false)));
    temporal.start();
    client = temporal.getWorkflowClient();
  }

  @AfterEach
  void stopTemporal() {
    temporal.close();
  }

  /** Sends channel posts through {@code SendInOrder} and returns its outcomes. */
  @WorkflowInterface
  public interface InOrderWorkflow {
    @WorkflowMethod
    List<String> send(List<ChannelMessage> posts);
  }

  public static class InOrderWorkflowImpl implements InOrderWorkflow {
    @Override
    public List<String> send(List<ChannelMessage> posts) {
      return SlackMessageWorkflowImpl.slack()
          .sendInOrder(posts.stream().map(SlackMessage.Post::new).toArray(SlackMessage[]::new));
    }
  }

  private static final String POSTED =
      "{\"ok\":true,\"channel\":\"C0NEW\",\"ts\":\"1700000000.000100\"}";

  /**
   * The first post (to {@code channel}, or to any channel when null) is answered 429 with a
   * one-second {@code Retry-After}; the ones after it are posted.
   */
  private static void rateLimitedOnce(String channel) {
    Supplier<MappingBuilder> posts =
        () -> {
          MappingBuilder post = post(urlPathEqualTo("/api/chat.postMessage"));
          return channel == null ? post : post.withFormParam("channel", equalTo(channel));
        };
    slack.stubFor(
        posts
            .get()
            .inScenario("rate limit")
            .whenScenarioStateIs(STARTED)
            .willReturn(SlackWire.rateLimited(1))
            .willSetStateTo("limit lifted"));
    slack.stubFor(
        posts
            .get()
            .inScenario("rate limit")
            .whenScenarioStateIs("limit lifted")
            .willReturn(okJson(POSTED)));
  }

  private SlackMessageWorkflow workflow() {
    return client.newWorkflowStub(
        SlackMessageWorkflow.class, WorkflowOptions.newBuilder().setTaskQueue(QUEUE).build());
  }

  @Test
  void rateLimitedPostIsRetriedByTemporalAfterSlacksRetryAfterAndSucceeds() {
    rateLimitedOnce(null);

    workflow().post(new ChannelMessage("C0NEW", "Status: mitigated"));

    List<LoggedRequest> posts =
        slack.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage")));
    assertThat(posts).hasSize(2);
    // The policy alone would have retried after 100 ms.
    assertThat(millisBetween(posts.get(0), posts.get(1))).isGreaterThanOrEqualTo(1_000);
  }

  private static long millisBetween(LoggedRequest first, LoggedRequest second) {
    return Math.abs(second.getLoggedDate().getTime() - first.getLoggedDate().getTime());
  }

  @Test
  void channelNotFoundFailsTheWorkflowWithoutARetry() {
    slack.stubFor(
        post(urlPathEqualTo("/api/chat.postMessage"))
            .willReturn(okJson("{\"ok\":false,\"error\":\"channel_not_found\"}")));

    assertThatThrownBy(() -> workflow().post(new ChannelMessage("C0GONE", "hello")))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOf(ActivityFailure.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> assertThat(failure.getType()).isEqualTo(FailureType.SLACK_REJECTED.name()));
    assertThat(slack.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage")))).hasSize(1);
  }

  @Test
  void messagesSentInOrderSkipARefusedOneAndAfterARateLimitResumeWhereTheyStopped() {
    slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).willReturn(okJson(POSTED)));
    slack.stubFor(
        post(urlPathEqualTo("/api/chat.postMessage"))
            .withFormParam("channel", equalTo("C0GONE"))
            .willReturn(okJson("{\"ok\":false,\"error\":\"channel_not_found\"}")));
    rateLimitedOnce("C3");

    List<String> outcomes =
        client
            .newWorkflowStub(
                InOrderWorkflow.class, WorkflowOptions.newBuilder().setTaskQueue(QUEUE).build())
            .send(
                List.of(
                    new ChannelMessage("C1", "one"),
                    new ChannelMessage("C0GONE", "two"),
                    new ChannelMessage("C3", "three")));

    assertThat(outcomes).hasSize(3);
    assertThat(outcomes.get(0)).isNull();
    assertThat(outcomes.get(1)).contains("channel_not_found");
    assertThat(outcomes.get(2)).isNull();
    // The retry after the rate limit began with the third message: the first two went out once.
    List<String> channels =
        slack.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))).stream()
            .map(request -> request.formParameter("channel").getValues().get(0))
            .toList();
    assertThat(channels).containsExactly("C1", "C0GONE", "C3", "C3");
  }
}
