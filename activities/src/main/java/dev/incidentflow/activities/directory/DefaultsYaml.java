package dev.incidentflow.activities.directory;

/** catalog.yml's {@code defaults}, as written. */
record DefaultsYaml(String service, String stakeholderChannel, String jiraProject) {}
