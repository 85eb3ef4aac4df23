package dev.incidentflow.activities.paging;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Map;

/**
 * How to reach PagerDuty's Events API v2.
 *
 * @param defaultRoutingKey the integration key used when an event names none, or null
 * @param eventsUrl the enqueue endpoint; defaults to {@value #DEFAULT_EVENTS_URL}
 */
public record PagerDutySettings(String defaultRoutingKey, String eventsUrl) {

  public static final String DEFAULT_EVENTS_URL = "https://events.pagerduty.com/v2/enqueue";

  public PagerDutySettings {
    defaultRoutingKey =
        defaultRoutingKey == null || defaultRoutingKey.isBlank() ? null : defaultRoutingKey.strip();
    eventsUrl = eventsUrl == null || eventsUrl.isBlank() ? DEFAULT_EVENTS_URL : eventsUrl.strip();
    URI uri = URI.create(eventsUrl);
    if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
      throw new IllegalArgumentException(
          "PagerDuty eventsUrl must be an http(s) URL: " + eventsUrl);
    }
  }

  /** Reads {@code PAGERDUTY_ROUTING_KEY} and {@code PAGERDUTY_EVENTS_URL}. */
  public static PagerDutySettings fromEnvironment(Map<String, String> environment) {
    requireNonNull(environment, "environment is null");
    return new PagerDutySettings(
        environment.get("PAGERDUTY_ROUTING_KEY"), environment.get("PAGERDUTY_EVENTS_URL"));
  }

  public boolean hasDefaultRoutingKey() {
    return defaultRoutingKey != null;
  }

  public URI eventsUri() {
    return URI.create(eventsUrl);
  }

  @Override
  public String toString() {
    return "PagerDutySettings[defaultRoutingKey="
        + (defaultRoutingKey == null ? "unset" : "***")
        + ", eventsUrl="
        + eventsUrl
        + "]";
  }
}
