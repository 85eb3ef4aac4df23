package dev.incidentflow.api.slack;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.activities.directory.Catalog;
import dev.incidentflow.workflows.model.Person;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Maps Slack users to catalog people by the Slack id the catalog records for them. Looking people
 * up by email would need a {@code users.info} call per request; the catalog's Slack ids are the
 * contract instead, and a person without one is known by their Slack user name.
 */
public final class SlackUsers {
  private final Map<String, String> handlesBySlackId = new HashMap<>();
  public SlackUsers(Catalog catalog) {
    requireNonNull(catalog, "catalog is null");
    for (Person person : catalog.people().values()) {
      if (person.slackId() != null && !person.slackId().isBlank()) {
        handlesBySlackId.put(person.slackId().trim(), person.handle());
      }
    }
  }

  /** The actor for a Slack user: their catalog handle, else the user name Slack sent, else the id. */
  public SlackActor actor(String userId, String userName) {
    String id = userId == null ? "" : userId.trim();
    String by = Optional.ofNullable(handlesBySlackId.get(id))
        .orElse(userName == null || userName.isBlank() ? id : userName.trim());
    return new SlackActor(id, by.isBlank() ? "unknown" : by);
  }

  /**
   * The handle a mention names: the catalog person with that Slack id, else the name written;
   * empty for a bare {@code <@U123>} the catalog does not know.
   */
  public Optional<String> handleOf(SlackMention mention) {
    if (mention.userId() != null && handlesBySlackId.containsKey(mention.userId())) {
      return Optional.of(handlesBySlackId.get(mention.userId()));
    }
    return Optional.ofNullable(mention.name());
  }
}
