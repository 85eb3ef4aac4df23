package dev.incidentflow.activities.directory;

/** policy.yml's {@code actionItems}, as written. */
record ActionItemsYaml(String remindBefore, String escalateAfterOverdue, String pollEvery) {}
