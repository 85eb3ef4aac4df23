package dev.incidentflow.activities.directory;

import java.util.List;

/** One entry of policy.yml's {@code severities}, as written. */
record SeverityYaml(
    String description,
    List<String> aliases,
    Boolean page,
    StatusUpdatesYaml statusUpdates,
    String monitoringWindow,
    List<EscalationStepYaml> escalation,
    PostmortemYaml postmortem,
    List<String> invite) {}
