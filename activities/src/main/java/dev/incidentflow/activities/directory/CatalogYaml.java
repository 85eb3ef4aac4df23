package dev.incidentflow.activities.directory;

import java.util.Map;

/** catalog.yml as written, before validation; see {@link PolicyYaml} for why it checks nothing. */
record CatalogYaml(
    Map<String, PersonYaml> people,
    Map<String, String> roles,
    Map<String, ScheduleYaml> schedules,
    Map<String, ServiceYaml> services,
    DefaultsYaml defaults) {}
