package dev.incidentflow.activities.directory;

/** A schedule's {@code handoff}, as written: a day of the week and a local time. */
record HandoffYaml(String day, String time) {}
