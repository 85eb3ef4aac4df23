package dev.incidentflow.api.slack;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts results to a request's {@code response_url}, the way to answer after Slack's three seconds.
 * A reply that cannot be delivered is logged and dropped: the change it reports has happened and is
 * visible in the incident channel regardless.
 */
public final class SlackResponder {
  private static final Logger log = LoggerFactory.getLogger(SlackResponder.class);

  private final HttpClient http;
  private final ObjectMapper json;
  private final Duration timeout;

  public SlackResponder(HttpClient http, ObjectMapper json, Duration timeout) {
    this.http = requireNonNull(http, "http is null");
    this.json = requireNonNull(json, "json is null");
    this.timeout = requireNonNull(timeout, "timeout is null");
  }

  /** Sends {@code reply} to {@code responseUrl}; never throws. */
  public void reply(String responseUrl, SlackReply reply) {
    URI target = target(responseUrl);
    if (target == null) {
      log.warn("no usable response_url ({}); not delivered: {}", responseUrl, reply.text());
      return;
    }
    try {
      HttpRequest request =
          HttpRequest.newBuilder(target)
              .timeout(timeout)
              .header("Content-Type", "application/json; charset=utf-8")
              .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(reply)))
              .build();
      HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() / 100 != 2) {
        log.warn(
            "Slack answered {} to a response_url post: {}", answer.statusCode(), answer.body());
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a SlackReply always serializes", e);
    } catch (IOException e) {
      log.warn("could not post to response_url: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.warn("interrupted posting to response_url; not delivered: {}", reply.text());
    }
  }

  /**
   * The URL to post to, when it is an absolute http(s) URL; Slack's are https://hooks.slack.com/...
   */
  private static URI target(String responseUrl) {
    if (responseUrl == null || responseUrl.isBlank()) {
      return null;
    }
    try {
      URI uri = URI.create(responseUrl.trim());
      boolean web =
          "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
      return web && uri.getHost() != null ? uri : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
