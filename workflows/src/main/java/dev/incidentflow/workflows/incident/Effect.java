package dev.incidentflow.workflows.incident;

import java.util.List;

/**
 * A side effect a state change asks for. The workflow turns each into activity calls, in order,
 * after the change; the state itself stays free of I/O and is unit-tested on its own.
 */
public sealed interface Effect {

  /** A message in the incident channel. */
  record PostInChannel(String text) implements Effect {}

  /**
   * A message in the incident channel that mentions whoever {@code targets} resolve to, so Slack
   * notifies them; a plain {@code @handle} in a message notifies nobody.
   */
  record MentionInChannel(List<String> targets, String text) implements Effect {
    public MentionInChannel {
      targets = List.copyOf(targets);
    }
  }

  /** A message in the stakeholder channel. */
  record Announce(String text) implements Effect {}

  /** Rename the incident channel to {@code name}; the state hears of it once Slack has. */
  record RenameChannel(String name) implements Effect {}

  /** Refresh the channel topic from the current state. */
  record RefreshTopic() implements Effect {}

  /** Run escalation step {@code step} (step 0 is the first page), notifying {@code targets}. */
  record RunEscalationStep(int step, List<String> targets, String reason) implements Effect {
    public RunEscalationStep {
      targets = List.copyOf(targets);
    }
  }

  /** Direct-message whoever the targets resolve to. */
  record NotifyTargets(List<String> targets, String text) implements Effect {
    public NotifyTargets {
      targets = List.copyOf(targets);
    }
  }

  /**
   * Open a ticket for the incident in the owning team's tracker project, in the background; the
   * answer comes back to the state ({@link IncidentState#ticketOpened}, {@link
   * IncidentState#ticketRefused}).
   *
   * @param team the owning team's name, or null
   */
  record OpenTicket(String project, String team) implements Effect {}

  /** Invite whoever the targets resolve to to the incident channel, once it is open. */
  record InviteToChannel(List<String> targets) implements Effect {
    public InviteToChannel {
      targets = List.copyOf(targets);
    }
  }

  /** Comment on the incident's ticket, in the background. */
  record CommentOnTicket(String issueKey, String text) implements Effect {}

  /** Acknowledge every page this incident triggered. */
  record AcknowledgePages() implements Effect {}

  /** Resolve every page this incident triggered. */
  record ResolvePages() implements Effect {}
}
