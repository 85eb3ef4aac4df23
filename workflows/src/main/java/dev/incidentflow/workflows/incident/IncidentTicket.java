package dev.incidentflow.workflows.incident;

import dev.incidentflow.workflows.activities.IssueKind;
import dev.incidentflow.workflows.activities.NewTrackerIssue;
import dev.incidentflow.workflows.activities.TrackerText;
import java.util.List;

/**
 * The ticket an incident whose severity pages nobody opens in the owning team's project
 * (policy.yml: "a ticket to the owning team's jiraProject instead of a page"). Pure.
 */
final class IncidentTicket {

  private IncidentTicket() {}

  /**
   * Unique to the incident across databases and runs: made from its workflow's first run id, as the
   * postmortem's is, so a retry after a lost answer finds the ticket instead of opening a second.
   */
  static String idempotencyLabel(IncidentState state) {
    return "incidentflow-ticket-" + TrackerText.label(state.firstRunId());
  }

  /**
   * @param channelName the incident channel's name, or the name it is being opened under, or null
   */
  static NewTrackerIssue issue(IncidentState state, Effect.OpenTicket ticket, String channelName) {
    return new NewTrackerIssue(
        IssueKind.INCIDENT,
        ticket.project(),
        summary(state),
        description(state, ticket, channelName),
        List.of(
            "incidentflow",
            "incident",
            TrackerText.label(state.incidentId()),
            state.severity().slug()),
        idempotencyLabel(state),
        null,
        null);
  }

  static String summary(IncidentState state) {
    return state.incidentId()
        + " ("
        + state.severity()
        + ", "
        + state.service()
        + "): "
        + state.title();
  }

  static String description(IncidentState state, Effect.OpenTicket ticket, String channelName) {
    StringBuilder text = new StringBuilder();
    text.append("h2. Summary\n")
        .append(
            TrackerText.incidentLine(
                state.incidentId(), state.severity(), state.service(), state.title()))
        .append('\n')
        .append("Started ")
        .append(TrackerText.time(state.startedAt()))
        .append(
            "declared".equals(state.source())
                ? ", declared by " + TrackerText.wiki(state.declaredBy())
                : ", raised by an alert from " + TrackerText.wiki(state.source()))
        .append(". Status when this ticket was opened: ")
        .append(state.status().wireName())
        .append(".\n")
        .append("Incident commander: ")
        .append(TrackerText.wiki(state.commander() == null ? "unassigned" : state.commander()))
        .append(channelName == null ? "" : ". Channel: #" + TrackerText.wiki(channelName))
        .append(".\n");
    if (state.description() != null && !state.description().isBlank()) {
      text.append("\nh2. Description\n").append(TrackerText.wiki(state.description())).append('\n');
    }
    if (!state.links().isEmpty()) {
      text.append("\nh2. Links\n");
      for (String link : state.links()) {
        text.append("* ").append(TrackerText.wiki(link)).append('\n');
      }
    }
    text.append("\n_")
        .append(state.severity())
        .append(" pages nobody, so IncidentFlow opened this ticket for ")
        .append(
            ticket.team() == null
                ? "the owning team"
                : "the " + TrackerText.wiki(ticket.team()) + " team")
        .append(" instead. The incident's timeline: GET /v1/incidents/")
        .append(state.incidentId())
        .append("._\n");
    return text.toString();
  }
}
