package dev.incidentflow.api.slack;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Slack's {@code users.info}, which shows the profile's email when the bot token has the {@code
 * users:read.email} scope. A slash command must be answered within three seconds, so each call is
 * bounded by {@code timeout}.
 */
public final class SlackWebApiProfiles implements SlackProfiles {
  /** Answers that mean "no such person" rather than "Slack did not answer". */
  private static final Set<String> NOBODY = Set.of("user_not_found", "user_not_visible");

  private final HttpClient http;
  private final ObjectMapper json;
  private final URI usersInfo;
  private final String botToken;
  private final Duration timeout;

  /**
   * @param apiUrl the Web API prefix ending in a slash, e.g. {@code https://slack.com/api/}
   */
  public SlackWebApiProfiles(
      HttpClient http, ObjectMapper json, String apiUrl, String botToken, Duration timeout) {
    this.http = requireNonNull(http, "http is null");
    this.json = requireNonNull(json, "json is null");
    this.usersInfo = URI.create(requireNonNull(apiUrl, "apiUrl is null") + "users.info");
    this.botToken = requireNonNull(botToken, "botToken is null");
    this.timeout = requireNonNull(timeout, "timeout is null");
  }

  @Override
  public Optional<String> email(String userId) {
    HttpRequest request =
        HttpRequest.newBuilder(usersInfo)
            .timeout(timeout)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Authorization", "Bearer " + botToken)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "user=" + URLEncoder.encode(userId, StandardCharsets.UTF_8)))
            .build();
    HttpResponse<String> answer;
    try {
      answer = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("users.info for " + userId + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(
          new IOException("interrupted asking users.info for " + userId, e));
    }
    if (answer.statusCode() != 200) {
      throw new UncheckedIOException(
          new IOException("users.info for " + userId + " answered HTTP " + answer.statusCode()));
    }
    JsonNode body;
    try {
      body = json.readTree(answer.body());
    } catch (IOException e) {
      throw new UncheckedIOException("users.info for " + userId + " answered no JSON", e);
    }
    if (!body.path("ok").asBoolean(false)) {
      String error = body.path("error").asText("");
      if (NOBODY.contains(error)) {
        return Optional.empty();
      }
      throw new UncheckedIOException(
          new IOException("users.info for " + userId + " failed: " + error));
    }
    String email = body.path("user").path("profile").path("email").asText("");
    return email.isBlank() ? Optional.empty() : Optional.of(email.trim());
  }
}
