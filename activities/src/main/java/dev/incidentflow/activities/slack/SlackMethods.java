package dev.incidentflow.activities.slack;

import static java.util.Objects.requireNonNull;

import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.impl.MethodsClientImpl;
import com.slack.api.util.http.SlackHttpClient;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.Headers;
import okhttp3.Response;

/**
 * The SDK's Web API client, parsing every answer with one {@link Gson} instead of a new one per
 * answer.
 *
 * <p>slack-api-client 1.51.0 calls {@code GsonFactory.createSnakeCase(config)} for every response
 * it parses, so each call rebuilds Gson's reflective type adapters for the response class and all
 * it contains (a {@code chat.postMessage} answer holds a message with blocks, attachments, files
 * ...); that was about 15% of the worker's CPU samples in our benchmark. Every typed method ({@code
 * chatPostMessage}, {@code conversationsCreate}, ...) goes through {@link
 * #postFormWithTokenAndParseResponse(FormBody.Builder, String, String, Class)}, so overriding it is
 * enough; it does what the SDK's does (read the body once, run the HTTP response listeners even
 * when parsing fails, throw {@link SlackApiException} for a non-2xx answer, expose the response
 * headers lower-cased) with the one Gson.
 *
 * <p>What it leaves out: the SDK's rate-limit metrics ({@code MetricsDatastore}) and team id
 * resolution, which only run with stats enabled or a team id given. {@link #client} refuses a
 * config with stats enabled and never passes a team id, so nothing is lost.
 */
public final class SlackMethods extends MethodsClientImpl {

  /**
   * Built once from the client's config. Gson instances are thread-safe, and so is this client:
   * Temporal runs activities on several threads at once.
   */
  private final Gson gson;

  private SlackMethods(SlackHttpClient httpClient, String token, Gson gson) {
    super(httpClient, token, null);
    this.gson = requireNonNull(gson, "gson is null");
  }

  /**
   * A client for the Web API with {@code token}, built as {@code
   * Slack.getInstance(config).methods(token)} builds the SDK's.
   *
   * @throws IllegalArgumentException when {@code config} has stats enabled: this client skips the
   *     SDK's stats bookkeeping, so it must be off ({@code config.setStatsEnabled(false)})
   */
  public static SlackMethods client(SlackConfig config, String token) {
    requireNonNull(config, "config is null");
    return client(config, token, GsonFactory.createSnakeCase(config));
  }

  /** {@link #client(SlackConfig, String)} parsing with {@code gson}, for tests to watch it. */
  static SlackMethods client(SlackConfig config, String token, Gson gson) {
    requireNonNull(config, "config is null");
    requireNonNull(token, "token is null");
    if (config.getMethodsConfig().isStatsEnabled()) {
      throw new IllegalArgumentException(
          "SlackMethods does not keep the SDK's stats; call config.setStatsEnabled(false)");
    }
    SlackMethods client = new SlackMethods(Slack.getInstance(config).getHttpClient(), token, gson);
    client.setEndpointUrlPrefix(config.getMethodsEndpointUrlPrefix());
    return client;
  }

  /**
   * The SDK's {@code parseJsonResponseAndRunListeners}, minus the stats calls {@link #client} makes
   * sure never run, with {@link #gson} instead of a new Gson.
   */
  @Override
  protected <T extends SlackApiTextResponse> T postFormWithTokenAndParseResponse(
      FormBody.Builder form, String endpoint, String token, Class<T> clazz)
      throws IOException, SlackApiException {
    SlackHttpClient httpClient = getSlackHttpClient();
    try (Response response = runPostFormWithToken(form, endpoint, token)) {
      String body = response.body().string();
      if (!response.isSuccessful()) {
        // As the SDK: no listeners for a non-2xx answer, and the exception keeps the response,
        // whose Retry-After SlackErrors reads on a 429.
        throw new SlackApiException(httpClient.getConfig(), response, body);
      }
      try {
        T parsed = gson.fromJson(body, clazz);
        parsed.setHttpResponseHeaders(lowerCasedNames(response.headers()));
        return parsed;
      } finally {
        httpClient.runHttpResponseListeners(response, body, false);
      }
    }
  }

  private static Map<String, List<String>> lowerCasedNames(Headers headers) {
    Map<String, List<String>> lowerCased = new HashMap<>();
    for (Map.Entry<String, List<String>> header : headers.toMultimap().entrySet()) {
      lowerCased.put(header.getKey().toLowerCase(Locale.ENGLISH), header.getValue());
    }
    return lowerCased;
  }
}
