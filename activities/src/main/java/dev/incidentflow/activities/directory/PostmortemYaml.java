package dev.incidentflow.activities.directory;

/** A severity's {@code postmortem}, as written. */
record PostmortemYaml(Boolean required, String due, String remindBefore) {}
