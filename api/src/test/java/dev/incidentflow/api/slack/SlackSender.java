package dev.incidentflow.api.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.incidentflow.api.ApiClient;
import dev.incidentflow.api.TestStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Slack's side of the conversation in end-to-end tests: posts slash commands and button clicks to
 * the app the way Slack does (the shared fixtures' form encoding, signed), and reads what the app
 * sent back to the WireMock Slack: {@code response_url} replies and Web API calls.
 */
final class SlackSender {
  static final String SIGNING_SECRET = "e2e-signing-secret-0123456789abcdef";
  static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger REQUESTS = new AtomicInteger();

  record Answer(int status, String contentType, String body) {
    JsonNode json() {
      try {
        return body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String text() {
      return json().path("text").asText();
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final SlackSigner signer = new SlackSigner(SIGNING_SECRET);
  private final String base;
  private final WireMockServer slack;

  SlackSender(int port, WireMockServer slack) {
    this.base = "http://127.0.0.1:" + port;
    this.slack = slack;
    // Slack's response_url endpoints answer 200 "ok"; the API methods keep TestStack's stubs.
    slack.stubFor(WireMock.post(urlPathMatching("/(commands|actions)/.*")).willReturn(ok("ok")));
  }

  /** A fresh response_url on the WireMock Slack, so each reply can be told apart. */
  String responseUrl(String kind) {
    return slack.baseUrl()
        + "/"
        + kind
        + "/T0001/"
        + REQUESTS.incrementAndGet()
        + "/"
        + UUID.randomUUID();
  }

  /** fixtures/slack-slash-command.form with these values. */
  static String commandForm(
      String channelId, String userId, String userName, String text, String responseUrl) {
    Map<String, String> form = decode(TestStack.fixture("slack-slash-command.form").strip());
    form.put("channel_id", channelId);
    form.put("channel_name", channelId.toLowerCase(Locale.ROOT));
    form.put("user_id", userId);
    form.put("user_name", userName);
    form.put("text", text);
    form.put("response_url", responseUrl);
    return encode(form);
  }

  /**
   * fixtures/slack-block-actions.form: a click on {@code actionId} whose value is {@code
   * incidentId}.
   */
  static String clickForm(
      String actionId,
      String incidentId,
      String channelId,
      String userId,
      String userName,
      String responseUrl) {
    Map<String, String> form = decode(TestStack.fixture("slack-block-actions.form").strip());
    try {
      ObjectNode payload = (ObjectNode) JSON.readTree(form.get("payload"));
      ((ObjectNode) payload.path("user")).put("id", userId).put("username", userName);
      ((ObjectNode) payload.path("container")).put("channel_id", channelId);
      ((ObjectNode) payload.path("channel")).put("id", channelId);
      payload.put("response_url", responseUrl);
      ObjectNode action = (ObjectNode) payload.path("actions").get(0);
      action.put("action_id", actionId).put("value", incidentId);
      form.put("payload", JSON.writeValueAsString(payload));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return encode(form);
  }

  /** Posts {@code form} signed with the app's secret, timestamped now. */
  Answer signed(String path, String form) {
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    return post(
        path,
        form,
        Map.of(
            "X-Slack-Request-Timestamp",
            timestamp,
            "X-Slack-Signature",
            signer.sign(timestamp, form)));
  }

  /** Posts {@code form} with exactly these extra headers. */
  Answer post(String path, String form, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Types {@code /incident <text>} in {@code channelId}, signed; returns the immediate answer. */
  Answer command(
      String channelId, String userId, String userName, String text, String responseUrl) {
    return signed(
        "/v1/slack/commands", commandForm(channelId, userId, userName, text, responseUrl));
  }

  /** Clicks a briefing button, signed; returns the immediate answer. */
  Answer click(
      String actionId,
      String incidentId,
      String channelId,
      String userId,
      String userName,
      String responseUrl) {
    return signed(
        "/v1/slack/interactions",
        clickForm(actionId, incidentId, channelId, userId, userName, responseUrl));
  }

  /** Types a command that is carried out later; returns what response_url got. */
  String run(String channel, String userId, String userName, String text) {
    String responseUrl = responseUrl("commands");
    assertWorking(command(channel, userId, userName, text, responseUrl));
    JsonNode reply = awaitReply(responseUrl);
    assertThat(reply.path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(reply.path("replace_original").asBoolean(true)).isFalse();
    return reply.path("text").asText();
  }

  /** Types a command answered in the HTTP response; returns its text. */
  String immediately(
      String channel, String userId, String userName, String text, String responseUrl) {
    Answer answer = command(channel, userId, userName, text, responseUrl);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().path("response_type").asText()).isEqualTo("ephemeral");
    return answer.text();
  }

  /** The immediate answer to a command that is carried out later. */
  static void assertWorking(Answer answer) {
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.contentType()).startsWith("application/json");
    assertThat(answer.json().path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(answer.text()).isEqualTo("Working on it\u2026");
  }

  /** The JSON the app posted to {@code responseUrl}, once it has. */
  JsonNode awaitReply(String responseUrl) {
    String path = URI.create(responseUrl).getPath();
    LoggedRequest reply =
        await(
            "a POST to response_url " + path,
            () -> {
              List<LoggedRequest> found = slack.findAll(postRequestedFor(urlEqualTo(path)));
              return found.isEmpty() ? null : found.get(0);
            });
    try {
      if (!reply.getHeader("Content-Type").startsWith("application/json")) {
        throw new AssertionError(
            "response_url got Content-Type " + reply.getHeader("Content-Type"));
      }
      return JSON.readTree(reply.getBodyAsString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The JSON of the first {@code count} replies the app posted to {@code responseUrl}, oldest
   * first, once it has posted that many, waiting up to {@code patience}.
   */
  List<JsonNode> awaitReplies(String responseUrl, int count, Duration patience) {
    String path = URI.create(responseUrl).getPath();
    List<LoggedRequest> replies =
        await(
            count + " POSTs to response_url " + path,
            patience,
            () -> {
              List<LoggedRequest> found = slack.findAll(postRequestedFor(urlEqualTo(path)));
              return found.size() < count ? null : found;
            });
    return replies.stream()
        .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
        .limit(count)
        .map(
            reply -> {
              try {
                return JSON.readTree(reply.getBodyAsString());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .toList();
  }

  /** The POSTs the app made to {@code responseUrl} so far. */
  int repliesTo(String responseUrl) {
    return slack.findAll(postRequestedFor(urlEqualTo(URI.create(responseUrl).getPath()))).size();
  }

  /**
   * The chat.postMessage to {@code channel} whose text contains {@code text}, once the app made it.
   */
  LoggedRequest awaitChannelPost(String channel, String text) {
    return awaitApiCall("chat.postMessage", channel, "text", text);
  }

  /**
   * The Web API call {@code method} to {@code channel} whose form field {@code field} contains
   * {@code fragment}, made as Slack wants it: form-encoded with the bot token.
   */
  LoggedRequest awaitApiCall(String method, String channel, String field, String fragment) {
    return await(
        method + " to " + channel + " with " + field + " containing '" + fragment + "'",
        () -> {
          List<LoggedRequest> found =
              slack.findAll(
                  postRequestedFor(urlEqualTo("/api/" + method))
                      .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                      .withHeader("Authorization", equalTo("Bearer xoxb-test"))
                      .withFormParam("channel", equalTo(channel))
                      .withFormParam(field, containing(fragment)));
          return found.isEmpty() ? null : found.get(0);
        });
  }

  /**
   * Declares an incident over the HTTP API whose Slack channel gets id {@code channelId}, and
   * returns its id.
   */
  String declareIn(ApiClient api, String channelId, String severity, String title) {
    slack.stubFor(
        WireMock.post(urlEqualTo("/api/conversations.create"))
            .willReturn(
                okJson(
                    "{\"ok\":true,\"channel\":{\"id\":\""
                        + channelId
                        + "\",\"name\":\""
                        + channelId.toLowerCase(Locale.ROOT)
                        + "\",\"is_channel\":true}}")));
    ApiClient.Answer declared =
        api.post(
            "/v1/incidents",
            "{\"title\":\""
                + title
                + "\",\"severity\":\""
                + severity
                + "\",\"service\":\"payments-api\",\"declaredBy\":\"carol\"}");
    if (declared.status() != 201
        || !channelId.equals(declared.body().path("channel").path("id").asText())) {
      throw new AssertionError("declaring gave " + declared);
    }
    return declared.body().path("id").asText();
  }

  private static <T> T await(String what, Supplier<T> probe) {
    return await(what, PATIENCE, probe);
  }

  private static <T> T await(String what, Duration patience, Supplier<T> probe) {
    long deadline = System.nanoTime() + patience.toNanos();
    T found = probe.get();
    while (found == null && System.nanoTime() < deadline) {
      ApiClient.sleep(50);
      found = probe.get();
    }
    if (found == null) {
      throw new AssertionError("waited " + patience.toSeconds() + "s for " + what);
    }
    return found;
  }

  private static Map<String, String> decode(String form) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : form.split("&")) {
      int equals = pair.indexOf('=');
      fields.put(
          URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
    }
    return fields;
  }

  private static String encode(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(field -> escape(field.getKey()) + "=" + escape(field.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String escape(String value) {
    // Slack writes spaces as %20, as the fixtures show.
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
