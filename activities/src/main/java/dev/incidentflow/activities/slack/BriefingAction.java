package dev.incidentflow.activities.slack;

import java.util.Optional;

/**
 * The buttons on an incident briefing. Their {@code action_id}s are a contract with the Slack
 * interactions endpoint, which gets them back in {@code block_actions} payloads with the incident
 * id as the button's {@code value}.
 */
public enum BriefingAction {
  ACKNOWLEDGE("incident_acknowledge", "Acknowledge", "primary"),
  ESCALATE("incident_escalate", "Escalate", "danger"),
  RESOLVE("incident_resolve", "Resolve", null),
  UPDATE("incident_update", "Post update", null);

  private final String actionId;
  private final String label;
  private final String style;

  BriefingAction(String actionId, String label, String style) {
    this.actionId = actionId;
    this.label = label;
    this.style = style;
  }

  public String actionId() {
    return actionId;
  }

  public String label() {
    return label;
  }

  /** Block Kit button style ({@code primary}, {@code danger}), or null for the default. */
  public String style() {
    return style;
  }

  public static Optional<BriefingAction> ofActionId(String actionId) {
    for (BriefingAction action : values()) {
      if (action.actionId.equals(actionId)) {
        return Optional.of(action);
      }
    }
    return Optional.empty();
  }
}
