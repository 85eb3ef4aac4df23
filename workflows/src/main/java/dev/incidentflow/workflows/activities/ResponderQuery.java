package dev.incidentflow.workflows.activities;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Who responds to an incident on {@code service} at {@code at}.
 *
 * @param commander the handle the declaration named, or null to make the primary commander
 */
public record ResponderQuery(String service, Instant at, String commander) {

  public ResponderQuery {
    requireNonNull(service, "service is null");
    requireNonNull(at, "at is null");
  }
}
