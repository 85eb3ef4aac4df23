package dev.incidentflow.activities.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.google.gson.Gson;
import com.google.gson.JsonSyntaxException;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.slack.api.SlackConfig;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.util.http.listener.HttpResponseListener;
import com.slack.api.util.json.GsonFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SlackMethods} against a WireMock Slack answering in Slack's own wire format. */
class SlackMethodsTest {

  private static final String TOKEN = "xoxb-test-token";
  private static final String POSTED =
      "{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1.2\",\"message\":{\"text\":\"hi\"}}";

  @RegisterExtension
  static WireMockExtension slack =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  /** Bodies the SDK's HTTP response listeners were shown, in order. */
  private final List<String> listened = new CopyOnWriteArrayList<>();

  /** The config {@link SlackChatActivitiesImpl} builds, plus a listener recording what it sees. */
  private SlackConfig config() {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(slack.baseUrl() + "/api/");
    config.setStatsEnabled(false);
    config
        .getHttpClientResponseHandlers()
        .add(
            new HttpResponseListener() {
              @Override
              public void accept(State state) {
                listened.add(state.getParsedResponseBody());
              }
            });
    return config;
  }

  private SlackMethods methods() {
    return SlackMethods.client(config(), TOKEN);
  }

  private static void answer(String method, String body) {
    slack.stubFor(post(urlPathEqualTo("/api/" + method)).willReturn(okJson(body)));
  }

  @Test
  void aSuccessParsesWithTheBotTokenSentAsTheSdkSendsIt() throws Exception {
    answer("chat.postMessage", POSTED);

    ChatPostMessageResponse posted = methods().chatPostMessage(r -> r.channel("C1").text("hi"));

    assertThat(posted.isOk()).isTrue();
    assertThat(posted.getChannel()).isEqualTo("C1");
    assertThat(posted.getTs()).isEqualTo("1.2");
    assertThat(posted.getMessage().getText()).isEqualTo("hi");
    slack.verify(
        postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withFormParam("channel", equalTo("C1"))
            .withFormParam("text", equalTo("hi")));
    assertThat(listened).containsExactly(POSTED);
  }

  @Test
  void anOkFalseAnswerParsesWithItsError() throws Exception {
    answer("conversations.open", "{\"ok\":false,\"error\":\"channel_not_found\"}");

    ConversationsOpenResponse opened = methods().conversationsOpen(r -> r.users(List.of("U1")));

    assertThat(opened.isOk()).isFalse();
    assertThat(opened.getError()).isEqualTo("channel_not_found");
    assertThat(listened).hasSize(1);
  }

  @Test
  void aRateLimitThrowsWithTheResponseCarryingRetryAfterAndRunsNoListener() {
    String body = SlackWire.RATE_LIMITED_BODY;
    slack.stubFor(
        post(urlPathEqualTo("/api/chat.postMessage")).willReturn(SlackWire.rateLimited(7)));

    assertThatThrownBy(() -> methods().chatPostMessage(r -> r.channel("C1").text("hi")))
        .isInstanceOfSatisfying(
            SlackApiException.class,
            e -> {
              assertThat(e.getResponse().code()).isEqualTo(429);
              assertThat(e.getResponse().header("Retry-After")).isEqualTo("7");
              assertThat(e.getResponseBody()).isEqualTo(body);
              assertThat(e.getError().getError()).isEqualTo("ratelimited");
            });
    // The SDK runs the listeners only for a 2xx answer.
    assertThat(listened).isEmpty();
  }

  @Test
  void theResponseHeadersAreExposedWithLowerCasedNames() throws Exception {
    slack.stubFor(
        post(urlPathEqualTo("/api/chat.postMessage"))
            .willReturn(okJson(POSTED).withHeader("X-Slack-Req-Id", "abc123")));

    ChatPostMessageResponse posted = methods().chatPostMessage(r -> r.channel("C1").text("hi"));

    assertThat(posted.getHttpResponseHeaders())
        .containsEntry("x-slack-req-id", List.of("abc123"))
        .doesNotContainKey("X-Slack-Req-Id");
  }

  @Test
  void theListenersRunEvenWhenTheAnswerDoesNotParse() {
    String truncated = "{\"ok\":true,\"channel\":";
    answer("chat.postMessage", truncated);

    assertThatThrownBy(() -> methods().chatPostMessage(r -> r.channel("C1").text("hi")))
        .isInstanceOf(JsonSyntaxException.class);
    assertThat(listened).containsExactly(truncated);
  }

  @Test
  void oneGsonParsesEveryAnswerSoEachTypeAdapterIsBuiltOnce() throws Exception {
    answer("chat.postMessage", POSTED);
    AdapterRequests requests = new AdapterRequests(ChatPostMessageResponse.class);
    SlackConfig config = config();
    Gson gson =
        GsonFactory.createSnakeCase(config)
            .newBuilder()
            .registerTypeAdapterFactory(requests)
            .create();
    SlackMethods methods = SlackMethods.client(config, TOKEN, gson);

    ChatPostMessageResponse first = methods.chatPostMessage(r -> r.channel("C1").text("hi"));
    ChatPostMessageResponse second = methods.chatPostMessage(r -> r.channel("C1").text("hi"));

    assertThat(first.getTs()).isEqualTo("1.2");
    assertThat(second.getTs()).isEqualTo("1.2");
    // The client's Gson built the response's adapter for the first answer and reused it for the
    // second; a Gson per answer (the SDK's way) would not ask this one at all.
    assertThat(requests.count()).isEqualTo(1);
  }

  @Test
  void aConfigWithStatsIsRefusedBecauseTheirBookkeepingIsSkipped() {
    assertThatThrownBy(() -> SlackMethods.client(new SlackConfig(), TOKEN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("setStatsEnabled(false)");
  }

  /** Counts how often a Gson is asked to build an adapter for one type; builds none itself. */
  private static final class AdapterRequests implements TypeAdapterFactory {
    private final Class<?> type;
    private final AtomicInteger count = new AtomicInteger();

    AdapterRequests(Class<?> type) {
      this.type = type;
    }

    @Override
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> requested) {
      if (requested.getRawType() == type) {
        count.incrementAndGet();
      }
      return null;
    }

    int count() {
      return count.get();
    }
  }
}
