package dev.incidentflow.workflows.activities;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.model.Severity;
import java.time.Instant;

/**
 * Who responds to an incident on {@code service} at {@code at}.
 *
 * @param commander the handle the declaration named, or null to make the primary commander
 * @param severity the incident's severity, whose policy row names the stakeholders to invite; null
 *     for no stakeholders (and in queries recorded before the field existed)
 */
public record ResponderQuery(String service, Instant at, String commander, Severity severity) {

  public ResponderQuery {
    requireNonNull(service, "service is null");
    requireNonNull(at, "at is null");
  }

  /** A query for the on-call people and commander only, without stakeholders. */
  public ResponderQuery(String service, Instant at, String commander) {
    this(service, at, commander, null);
  }
}
