package dev.incidentflow.workflows.policy;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * One severity's row of the policy.
 *
 * @param invite stakeholders invited to the incident channel when it opens, as notify targets
 *     ({@code role:engineering-manager}, {@code person:dana}); empty when the row names none, and
 *     in policy snapshots recorded before the key existed
 */
public record SeverityPolicy(
    String description,
    List<String> aliases,
    boolean page,
    StatusUpdatePolicy statusUpdates,
    Duration monitoringWindow,
    List<EscalationStep> escalation,
    PostmortemPolicy postmortem,
    List<String> invite) {

  public SeverityPolicy {
    description = description == null ? "" : description;
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    statusUpdates = statusUpdates == null ? new StatusUpdatePolicy(null, null) : statusUpdates;
    requireNonNull(monitoringWindow, "monitoringWindow is null");
    if (monitoringWindow.isNegative()) {
      throw new IllegalArgumentException("monitoringWindow must not be negative");
    }
    escalation = escalation == null ? List.of() : List.copyOf(escalation);
    for (int i = 1; i < escalation.size(); i++) {
      if (escalation.get(i).after().compareTo(escalation.get(i - 1).after()) < 0) {
        throw new IllegalArgumentException(
            "escalation steps must be in order of 'after' (step "
                + i
                + " is earlier than step "
                + (i - 1)
                + ")");
      }
    }
    postmortem = postmortem == null ? PostmortemPolicy.none() : postmortem;
    invite = invite == null ? List.of() : List.copyOf(invite);
  }

  /** A row that invites no stakeholders. */
  public SeverityPolicy(
      String description,
      List<String> aliases,
      boolean page,
      StatusUpdatePolicy statusUpdates,
      Duration monitoringWindow,
      List<EscalationStep> escalation,
      PostmortemPolicy postmortem) {
    this(description, aliases, page, statusUpdates, monitoringWindow, escalation, postmortem, null);
  }

  /** The chain that actually pages: empty when the severity does not page. */
  public List<EscalationStep> pagingChain() {
    return page ? escalation : List.of();
  }
}
