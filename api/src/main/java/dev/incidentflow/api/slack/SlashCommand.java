package dev.incidentflow.api.slack;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.model.ActionItemKind;
import java.util.Optional;

/**
 * What {@code /incident <text>} asks for. {@link #parse} is a pure function of the text: it knows
 * the words and the shapes of their arguments, not the policy, the catalog or any incident, so a
 * severity or a person it returns may still turn out to be unknown.
 */
public sealed interface SlashCommand {

  /**
   * Parses the text Slack sends after {@code /incident}. Never throws; bad input is {@link
   * Invalid}.
   */
  static SlashCommand parse(String text) {
    return SlashCommandParser.parse(text);
  }

  /**
   * A command about one incident.
   *
   * <p>{@link #incidentId()} is the incident named in the command ({@code INC-42}, normalised to
   * upper case), or empty for the incident whose channel the command was typed in.
   */
  sealed interface OnIncident extends SlashCommand {
    Optional<String> incidentId();
  }

  /** {@code declare <severity> <service> <title>}. */
  record Declare(String severity, String service, String title) implements SlashCommand {
    public Declare {
      requireText(severity, "severity");
      requireText(service, "service");
      requireText(title, "title");
    }
  }

  /**
   * {@code ack}, {@code identify}, {@code mitigate}, {@code resolve}, {@code reopen}, {@code
   * cancel}, {@code escalate}.
   */
  record Lifecycle(Optional<String> incidentId, LifecycleStep step, String note)
      implements OnIncident {
    public Lifecycle {
      requireNonNull(incidentId, "incidentId is null");
      requireNonNull(step, "step is null");
      requireNonNull(note, "note is null");
    }
  }

  /** {@code sev <severity> [note]}. */
  record ChangeSeverity(Optional<String> incidentId, String severity, String note)
      implements OnIncident {
    public ChangeSeverity {
      requireNonNull(incidentId, "incidentId is null");
      requireText(severity, "severity");
      requireNonNull(note, "note is null");
    }
  }

  /**
   * {@code ic}, {@code comms}, {@code scribe}, {@code lead} with a person; role is the workflow's
   * name for it.
   */
  record AssignRole(Optional<String> incidentId, String role, SlackMention person)
      implements OnIncident {
    public AssignRole {
      requireNonNull(incidentId, "incidentId is null");
      requireText(role, "role");
      requireNonNull(person, "person is null");
    }
  }

  /** {@code update <text>}: a status update. */
  record PostUpdate(Optional<String> incidentId, String text) implements OnIncident {
    public PostUpdate {
      requireNonNull(incidentId, "incidentId is null");
      requireText(text, "text");
    }
  }

  /** {@code decision <text>}: an entry in the decision log. */
  record LogDecision(Optional<String> incidentId, String text) implements OnIncident {
    public LogDecision {
      requireNonNull(incidentId, "incidentId is null");
      requireText(text, "text");
    }
  }

  /**
   * {@code postmortem <url> [summary]}: publish the incident's postmortem.
   *
   * @param url as typed, without the angle brackets and label Slack puts around links
   */
  record PublishPostmortem(Optional<String> incidentId, String url, String summary)
      implements OnIncident {
    public PublishPostmortem {
      requireNonNull(incidentId, "incidentId is null");
      requireText(url, "url");
      requireNonNull(summary, "summary is null");
    }
  }

  /**
   * {@code postmortem owner <person>}: hand the incident's postmortem over to another owner.
   *
   * @param owner a handle, a mention or {@code me}
   */
  record HandOverPostmortem(Optional<String> incidentId, SlackMention owner) implements OnIncident {
    public HandOverPostmortem {
      requireNonNull(incidentId, "incidentId is null");
      requireNonNull(owner, "owner is null");
    }
  }

  /**
   * {@code action [root_cause|improvement] <owner> <due> <title>}: add an action item.
   *
   * @param due as typed: a date ({@code 2026-11-27}) or days or weeks from today ({@code 3d},
   *     {@code 2w}), which only the caller, knowing today, can turn into a date
   */
  record AddActionItem(
      Optional<String> incidentId,
      ActionItemKind kind,
      SlackMention owner,
      String due,
      String title)
      implements OnIncident {
    public AddActionItem {
      requireNonNull(incidentId, "incidentId is null");
      requireNonNull(kind, "kind is null");
      requireNonNull(owner, "owner is null");
      requireText(due, "due");
      requireText(title, "title");
    }
  }

  /**
   * {@code done <AI-n> [note]}: mark an action item done, one no Jira issue tracks. It names its
   * item, not an incident.
   *
   * @param actionItemId as typed, e.g. {@code AI-7}
   */
  record MarkActionItemDone(String actionItemId, String note) implements SlashCommand {
    public MarkActionItemDone {
      requireText(actionItemId, "actionItemId");
      requireNonNull(note, "note is null");
    }
  }

  /** {@code status}, or an incident id alone. */
  record Status(Optional<String> incidentId) implements OnIncident {
    public Status {
      requireNonNull(incidentId, "incidentId is null");
    }
  }

  /** {@code help}, or nothing at all. */
  record Help() implements SlashCommand {}

  /** Text that is no command; {@code problem} says why, in words for the person who typed it. */
  record Invalid(String problem) implements SlashCommand {
    public Invalid {
      requireText(problem, "problem");
    }
  }

  private static void requireText(String value, String name) {
    requireNonNull(value, name + " is null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " is blank");
    }
  }
}
