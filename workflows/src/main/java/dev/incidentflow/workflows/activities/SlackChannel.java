package dev.incidentflow.workflows.activities;

import static java.util.Objects.requireNonNull;

/** A Slack conversation by id and name. */
public record SlackChannel(String id, String name) {

  public SlackChannel {
    requireNonNull(id, "id is null");
    requireNonNull(name, "name is null");
  }
}
