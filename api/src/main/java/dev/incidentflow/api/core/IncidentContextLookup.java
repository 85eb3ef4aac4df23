package dev.incidentflow.api.core;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.activities.directory.Catalog;
import dev.incidentflow.activities.store.DeployRepository;
import dev.incidentflow.activities.store.IncidentRecord;
import dev.incidentflow.workflows.activities.Deploy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What the single-incident view adds to the record: the deploys just before it started. */
public final class IncidentContextLookup {
  private final DeployRepository deploys;
  private final Catalog catalog;
  private final Duration deployWindow;

  public IncidentContextLookup(DeployRepository deploys, Catalog catalog, Duration deployWindow) {
    this.deploys = requireNonNull(deploys, "deploys is null");
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.deployWindow = requireNonNull(deployWindow, "deployWindow is null");
  }

  /** Deploys to the incident's service and to those it depends on, in the window before it started. */
  public List<Deploy> deploys(IncidentRecord incident) {
    List<String> services = new ArrayList<>();
    services.add(incident.service());
    services.addAll(catalog.service(incident.service()).dependsOn());
    return deploys.before(services, incident.triggeredAt(), deployWindow);
  }
}
