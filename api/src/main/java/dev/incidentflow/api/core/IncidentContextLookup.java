package dev.incidentflow.api.core;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.activities.directory.Catalog;
import dev.incidentflow.activities.store.IncidentLibrary;
import dev.incidentflow.activities.store.IncidentRecord;
import dev.incidentflow.workflows.activities.IncidentContext;
import java.time.Duration;

/**
 * What the single-incident view adds to the record: the deploys just before it started, similar
 * past incidents and the incident it repeats. The same lookup the briefing makes, with the
 * dependencies from the API's catalog.
 */
public final class IncidentContextLookup {
  private final IncidentLibrary library;
  private final Catalog catalog;
  private final Duration deployWindow;

  public IncidentContextLookup(IncidentLibrary library, Catalog catalog, Duration deployWindow) {
    this.library = requireNonNull(library, "library is null");
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.deployWindow = requireNonNull(deployWindow, "deployWindow is null");
  }

  public IncidentContext of(IncidentRecord incident) {
    return library.context(incident, catalog.service(incident.service()).dependsOn(), deployWindow);
  }
}
