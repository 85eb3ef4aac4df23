package dev.incidentflow.workflows.postmortem;

import dev.incidentflow.workflows.activities.Deploy;
import dev.incidentflow.workflows.activities.IncidentTimeline;
import dev.incidentflow.workflows.activities.IssueKind;
import dev.incidentflow.workflows.activities.NewTrackerIssue;
import dev.incidentflow.workflows.activities.TrackerText;
import dev.incidentflow.workflows.model.TimelineEvent;
import dev.incidentflow.workflows.model.TimelineEventType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * The postmortem issue: the incident summary, its impact window, the deploys just before it, the
 * duration of each phase, the whole timeline with decisions marked, and a blameless Five Whys
 * template with empty answers. Pure; Jira REST v2 takes the description as wiki markup.
 */
public final class PostmortemDocument {
  static final int WHYS = 5;

  private PostmortemDocument() {}

  /** The label that finds the postmortem issue a previous attempt created. */
  public static String idempotencyLabel(PostmortemInput input) {
    return "incidentflow-postmortem-" + TrackerText.label(input.incidentKey());
  }

  public static NewTrackerIssue issue(
      PostmortemInput input, String project, String assignee, IncidentTimeline timeline) {
    LocalDate due = LocalDate.ofInstant(input.dueAt(), ZoneOffset.UTC);
    List<String> labels =
        List.of(
            "incidentflow",
            "postmortem",
            TrackerText.label(input.incidentId()),
            input.severity().slug());
    return new NewTrackerIssue(
        IssueKind.POSTMORTEM,
        project,
        summary(input),
        description(input, timeline),
        labels,
        idempotencyLabel(input),
        assignee,
        due);
  }

  static String summary(PostmortemInput input) {
    return "Postmortem "
        + input.incidentId()
        + " ("
        + input.severity()
        + ", "
        + input.service()
        + "): "
        + input.title();
  }

  static String description(PostmortemInput input, IncidentTimeline timeline) {
    IncidentTimes times = input.times();
    StringBuilder text = new StringBuilder();
    text.append("h2. Summary\n")
        .append(
            TrackerText.incidentLine(
                input.incidentId(), input.severity(), input.service(), input.title()))
        .append('\n')
        .append("Incident commander: ")
        .append(TrackerText.wiki(Objects.toString(input.commander(), "unassigned")))
        .append(
            input.channelName() == null
                ? ""
                : ". Channel: #" + TrackerText.wiki(input.channelName()))
        .append(".\nPostmortem due ")
        .append(TrackerText.shortTime(input.dueAt()))
        .append(".\n\n");
    text.append("h2. Impact window\n")
        .append(TrackerText.time(times.triggeredAt()))
        .append(" to ")
        .append(TrackerText.time(times.resolvedAt()))
        .append(" (")
        .append(TrackerText.duration(times.impact()))
        .append(")\n\n");
    deploys(text, timeline.deploys(), input.incidentId());
    text.append("h2. Durations per phase\n||Phase||From||To||Duration||\n");
    for (IncidentTimes.Phase phase : times.phases()) {
      text.append('|')
          .append(phase.name())
          .append('|')
          .append(phase.from())
          .append('|')
          .append(phase.to())
          .append('|')
          .append(
              phase.duration() == null ? "not recorded" : TrackerText.duration(phase.duration()))
          .append("|\n");
    }
    text.append(
            "\nh2. Timeline\nEvery event as IncidentFlow recorded it; decisions are marked *DECISION*.\n")
        .append("||Time (UTC)||Actor||Event||What happened||\n");
    StringBuilder rest = new StringBuilder();
    rest.append("\nh2. Five Whys\n")
        .append(
            "_Blameless: ask why the system allowed it, not who did it. Each answer is the next question's")
        .append(" subject; stop at a cause the team can change._\n");
    for (int i = 1; i <= WHYS; i++) {
      rest.append("# Why")
          .append(i == 1 ? " did this incident happen?" : " did that happen?")
          .append('\n')
          .append("#* Answer: \n");
    }
    rest.append("\nh2. Action items\n")
        .append("Add them with POST /v1/incidents/")
        .append(input.incidentId())
        .append("/action-items or /incident action; each becomes a linked issue.\n");
    timeline(text, timeline.events(), LONGEST - text.length() - rest.length(), input.incidentId());
    return text.append(rest).toString();
  }

  /**
   * The longest description written: Jira refuses a text field over 32,767 characters, and a long
   * incident's timeline can pass that, which would leave its postmortem without an issue.
   */
  static final int LONGEST = 32_000;

  /**
   * The timeline's rows in {@code room} characters: every decision, then the other events in order
   * while they fit; a last row says how many were left out and where the whole timeline is.
   */
  private static void timeline(
      StringBuilder text, List<TimelineEvent> events, int room, String incidentId) {
    List<String> rows = events.stream().map(PostmortemDocument::row).toList();
    String leftOutNote =
        "|-|-|-|_%d events are left out here, to keep within Jira's limit; GET /v1/incidents/"
            + incidentId
            + " has them all._|\n";
    int budget = room - leftOutNote.length() - 10;
    int used = 0;
    boolean[] kept = new boolean[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      if (events.get(i).type() == TimelineEventType.DECISION
          && used + rows.get(i).length() <= budget) {
        kept[i] = true;
        used += rows.get(i).length();
      }
    }
    int total = rows.stream().mapToInt(String::length).sum();
    int leftOut = 0;
    for (int i = 0; i < rows.size(); i++) {
      if (!kept[i] && (total <= room || used + rows.get(i).length() <= budget)) {
        kept[i] = true;
        used += rows.get(i).length();
      }
      if (kept[i]) {
        text.append(rows.get(i));
      } else {
        leftOut++;
      }
    }
    if (leftOut > 0) {
      text.append(String.format(leftOutNote, leftOut));
    }
  }

  private static String row(TimelineEvent event) {
    boolean decision = event.type() == TimelineEventType.DECISION;
    return "|"
        + TrackerText.time(event.at())
        + '|'
        + TrackerText.wiki(event.by())
        + '|'
        + (decision ? "*DECISION*" : event.type().wireName())
        + '|'
        + (decision ? "*" + TrackerText.wiki(event.text()) + "*" : TrackerText.wiki(event.text()))
        + "|\n";
  }

  /**
   * The most the deploys' rows take: up to 50 are listed, each with a link of up to 2,000
   * characters, which alone could pass {@link #LONGEST}. The rest of the description besides the
   * timeline is a few hundred characters, so the timeline keeps at least half.
   */
  static final int DEPLOYS_LONGEST = 12_000;

  /**
   * The deploys the briefing listed: the first suspects, so they come before the timeline. The
   * newest while they fit in {@link #DEPLOYS_LONGEST}; a last row says how many older ones are left
   * out.
   */
  private static void deploys(StringBuilder text, List<Deploy> deploys, String incidentId) {
    text.append("h2. Deploys before the incident\n");
    if (deploys.isEmpty()) {
      text.append("None recorded to the service or the services it depends on.\n\n");
      return;
    }
    text.append("To the service and the services it depends on, newest first.\n")
        .append("||Deployed (UTC)||Service||Version||Commit||Author||Link||\n");
    String leftOutNote =
        "|-|-|-|-|-|_%d older deploys are left out here, to keep within Jira's limit;"
            + " GET /v1/incidents/"
            + incidentId
            + " lists them._|\n";
    int budget = DEPLOYS_LONGEST - leftOutNote.length() - 10;
    int used = 0;
    for (int i = 0; i < deploys.size(); i++) {
      String row = row(deploys.get(i));
      if (used + row.length() > budget) {
        text.append(String.format(leftOutNote, deploys.size() - i));
        break;
      }
      text.append(row);
      used += row.length();
    }
    text.append('\n');
  }

  private static String row(Deploy deploy) {
    return "|"
        + TrackerText.time(deploy.deployedAt())
        + '|'
        + TrackerText.wiki(deploy.service())
        + '|'
        + TrackerText.wiki(deploy.version())
        + '|'
        + TrackerText.wiki(deploy.commit())
        + '|'
        + TrackerText.wiki(deploy.author())
        + '|'
        + TrackerText.wiki(deploy.url())
        + "|\n";
  }
}
