package dev.incidentflow.activities.directory;

/** One entry of catalog.yml's {@code people}, as written; the key is the handle. */
record PersonYaml(
    String name,
    String email,
    String slack,
    String jira,
    String pagerdutyRoutingKey,
    String manager) {}
