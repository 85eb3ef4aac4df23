package dev.incidentflow.api.slack;

import static java.util.Objects.requireNonNull;

/**
 * Who clicked or typed in Slack, and the name the incident's timeline records them by.
 *
 * @param userId the Slack user id
 * @param by the catalog handle of the person with that Slack id, else their Slack user name
 */
public record SlackActor(String userId, String by) {

  public SlackActor {
    requireNonNull(userId, "userId is null");
    requireNonNull(by, "by is null");
    if (by.isBlank()) {
      throw new IllegalArgumentException("by is blank");
    }
  }
}
