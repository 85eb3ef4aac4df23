package dev.incidentflow.workflows.activities;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** What the catalog knows about a service; unknown services get the catalog's defaults. */
public record ServiceInfo(
    String name,
    String team,
    String schedule,
    String runbook,
    String dashboard,
    List<String> dependsOn,
    String jiraProject,
    String stakeholderChannel) {

  public ServiceInfo {
    requireNonNull(name, "name is null");
    dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
  }
}
