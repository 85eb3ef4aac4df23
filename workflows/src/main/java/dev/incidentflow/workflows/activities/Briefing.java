package dev.incidentflow.workflows.activities;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.model.Severity;
import java.util.List;

/** The first message in an incident channel: what broke, who leads, where to look, buttons. */
public record Briefing(
    String channelId,
    String incidentId,
    String title,
    String description,
    Severity severity,
    String service,
    String commander,
    String runbookUrl,
    String dashboardUrl,
    List<String> links) {

  public Briefing {
    requireNonNull(channelId, "channelId is null");
    requireNonNull(incidentId, "incidentId is null");
    requireNonNull(title, "title is null");
    requireNonNull(severity, "severity is null");
    requireNonNull(service, "service is null");
    description = description == null ? "" : description;
    links = links == null ? List.of() : List.copyOf(links);
  }
}
