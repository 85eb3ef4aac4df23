package dev.incidentflow.workflows.incident;

import dev.incidentflow.workflows.activities.Deploy;
import dev.incidentflow.workflows.activities.IncidentContext;
import dev.incidentflow.workflows.activities.SimilarIncident;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The second message of an incident channel: recent deploys, similar past incidents and whether
 * this repeats a closed one. "Search the postmortem library before you start diagnosing", made a
 * built-in step.
 */
final class ContextMessage {
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("MMM d HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private ContextMessage() {}

  /** The message, or empty when there is nothing to tell. */
  static Optional<String> of(IncidentContext context) {
    StringBuilder text = new StringBuilder();
    if (context.repeatOf() != null) {
      text.append("Repeat: this looks like ")
          .append(context.repeatOf())
          .append(", closed in the last 30 days.\n");
    }
    if (!context.deploys().isEmpty()) {
      text.append("Recent deploys:\n");
      for (Deploy deploy : context.deploys()) {
        text.append("• ")
            .append(deploy.service())
            .append(' ')
            .append(deploy.version())
            .append(" at ")
            .append(CLOCK.format(deploy.deployedAt()))
            .append(deploy.author() == null ? "" : " by " + deploy.author())
            .append(deploy.url() == null ? "" : " " + deploy.url())
            .append('\n');
      }
    }
    if (!context.similar().isEmpty()) {
      text.append("Similar past incidents:\n");
      for (SimilarIncident similar : context.similar()) {
        text.append("• ")
            .append(similar.id())
            .append(' ')
            .append(similar.title())
            .append(" (")
            .append(similar.status().wireName())
            .append(")\n");
      }
    }
    return text.length() == 0 ? Optional.empty() : Optional.of(text.toString().strip());
  }
}
