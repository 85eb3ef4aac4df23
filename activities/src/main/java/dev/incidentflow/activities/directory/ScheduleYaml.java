package dev.incidentflow.activities.directory;

import java.util.List;

/** One entry of catalog.yml's {@code schedules}, as written. */
record ScheduleYaml(String timezone, HandoffYaml handoff, String start, List<String> rotation) {}
