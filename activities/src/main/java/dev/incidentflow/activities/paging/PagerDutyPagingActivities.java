package dev.incidentflow.activities.paging;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidentflow.workflows.activities.PagerEvent;
import dev.incidentflow.workflows.activities.PagingActivities;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link PagingActivities} over PagerDuty's Events API v2. */
public final class PagerDutyPagingActivities implements PagingActivities {

  private static final Logger log = LoggerFactory.getLogger(PagerDutyPagingActivities.class);

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PagerDutySettings settings;
  private final URI eventsUri;
  private final HttpClient http;
  private final Duration requestTimeout;
  private final Clock clock;

  public PagerDutyPagingActivities(PagerDutySettings settings) {
    this(
        settings,
        HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build(),
        REQUEST_TIMEOUT,
        Clock.systemUTC());
  }

  PagerDutyPagingActivities(
      PagerDutySettings settings, HttpClient http, Duration requestTimeout, Clock clock) {
    this.settings = requireNonNull(settings, "settings is null");
    this.eventsUri = settings.eventsUri();
    this.http = requireNonNull(http, "http is null");
    this.requestTimeout = requireNonNull(requestTimeout, "requestTimeout is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  @Override
  public void send(PagerEvent event) {
    String routingKey = routingKey(event);
    HttpRequest request =
        HttpRequest.newBuilder(eventsUri)
            .timeout(requestTimeout)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body(event, routingKey)))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw PagerDutyErrors.fromIo(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw PagerDutyErrors.interrupted(e);
    }
    int status = response.statusCode();
    if (status < 200 || status >= 300) {
      throw PagerDutyErrors.fromResponse(
          JSON,
          status,
          response.body(),
          response.headers().firstValue("Retry-After").orElse(null),
          clock);
    }
    log.info(
        "PagerDuty accepted {} for dedup_key {}",
        event.action().name().toLowerCase(Locale.ROOT),
        event.dedupKey());
  }

  private String routingKey(PagerEvent event) {
    if (event.routingKey() != null && !event.routingKey().isBlank()) {
      return event.routingKey();
    }
    if (settings.hasDefaultRoutingKey()) {
      return settings.defaultRoutingKey();
    }
    throw PagerDutyErrors.noRoutingKey(event.dedupKey());
  }

  private static String body(PagerEvent event, String routingKey) {
    try {
      return JSON.writeValueAsString(PagerDutyEventBody.of(JSON, event, routingKey));
    } catch (JsonProcessingException e) {
      // A tree of strings always serializes; reaching this is a bug, not a PagerDuty fault.
      throw new IllegalStateException("cannot serialize PagerDuty event " + event.dedupKey(), e);
    }
  }
}
