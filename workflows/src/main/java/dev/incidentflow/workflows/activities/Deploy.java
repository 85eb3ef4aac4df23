package dev.incidentflow.workflows.activities;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A deploy event as {@code POST /v1/deploys} recorded it.
 *
 * @param id the store's number for it
 * @param commit the commit deployed, or null
 * @param url a link to the deploy (pipeline run, release page), or null
 * @param author who deployed, or null
 */
public record Deploy(
    long id,
    String service,
    String version,
    String commit,
    String url,
    Instant deployedAt,
    String author) {

  public Deploy {
    if (id < 1) {
      throw new IllegalArgumentException("deploy ids start at 1: " + id);
    }
    requireNonNull(service, "service is null");
    requireNonNull(version, "version is null");
    requireNonNull(deployedAt, "deployedAt is null");
  }
}
