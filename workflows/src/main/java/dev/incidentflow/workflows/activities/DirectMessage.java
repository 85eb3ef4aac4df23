package dev.incidentflow.workflows.activities;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.model.Person;

/** A direct message to a person, found by Slack id or, lacking one, email. */
public record DirectMessage(Person person, String text) {

  public DirectMessage {
    requireNonNull(person, "person is null");
    requireNonNull(text, "text is null");
  }
}
