package dev.incidentflow.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.incidentflow.activities.paging.LoggingPagingActivities;
import dev.incidentflow.activities.paging.PagerDutyPagingActivities;
import dev.incidentflow.activities.paging.PagerDutySettings;
import dev.incidentflow.workflows.activities.PagingActivities;

/**
 * PagerDuty Events API v2: live when a routing key is configured here or on any person in the
 * catalog, otherwise logging what it would send.
 */
public class PagerDutyFactory {
  private String routingKey;
  private String eventsUrl;

  @JsonProperty
  public void setRoutingKey(String routingKey) {
    this.routingKey = routingKey;
  }

  @JsonProperty
  public void setEventsUrl(String eventsUrl) {
    this.eventsUrl = eventsUrl;
  }

  public PagerDutySettings settings() {
    return new PagerDutySettings(routingKey, eventsUrl);
  }

  public PagingActivities build(boolean catalogHasRoutingKeys) {
    PagerDutySettings settings = settings();
    return settings.hasDefaultRoutingKey() || catalogHasRoutingKeys
        ? new PagerDutyPagingActivities(settings)
        : new LoggingPagingActivities();
  }
}
