package dev.incidentflow.activities.directory;

import java.util.Map;

/**
 * policy.yml as written, before validation. The YAML records carry no invariants on purpose: the
 * loaders check them, so that every complaint can name its key.
 */
record PolicyYaml(Map<String, SeverityYaml> severities, ActionItemsYaml actionItems) {}
