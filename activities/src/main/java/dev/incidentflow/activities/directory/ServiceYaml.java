package dev.incidentflow.activities.directory;

import java.util.List;

/** One entry of catalog.yml's {@code services}, as written; the key is the service's name. */
record ServiceYaml(
    String team,
    String schedule,
    String runbook,
    String dashboard,
    List<String> dependsOn,
    String jiraProject,
    String stakeholderChannel) {}
