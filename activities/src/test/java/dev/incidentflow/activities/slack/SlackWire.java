package dev.incidentflow.activities.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** Slack Web API answers as Slack sends them, for the WireMock fakes of these tests. */
final class SlackWire {

  /** The body Slack sends with a 429. */
  static final String RATE_LIMITED_BODY = "{\"ok\":false,\"error\":\"ratelimited\"}";

  private SlackWire() {}

  /** Slack's rate-limit answer: HTTP 429 with {@code Retry-After} in seconds. */
  static ResponseDefinitionBuilder rateLimited(int retryAfterSeconds) {
    return aResponse()
        .withStatus(429)
        .withHeader("Retry-After", Integer.toString(retryAfterSeconds))
        .withHeader("Content-Type", "application/json")
        .withBody(RATE_LIMITED_BODY);
  }
}
