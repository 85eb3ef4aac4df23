package dev.incidentflow.api.slack;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.activities.directory.Catalog;
import dev.incidentflow.workflows.model.Person;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps Slack users to catalog people: by the Slack id the catalog records for them, else by the
 * email of their Slack profile ({@code users.info}), which the catalog records too. Slack's answers
 * are kept for {@code remember}, so a busy incident costs one lookup per person, not one per
 * command. When Slack cannot be asked, the person is known by their Slack user name for that
 * command: a lookup never fails a command.
 */
public final class SlackUsers {
  private static final Logger log = LoggerFactory.getLogger(SlackUsers.class);

  /** Enough for every person of a large incident; beyond it the cache starts over. */
  private static final int REMEMBERED_MAX = 10_000;

  /**
   * After Slack fails to answer, how long nobody is looked up: a token without the scope fails
   * every lookup, and each failed one costs a command up to the lookup's time budget (1.5 s of the
   * 3 s Slack gives a slash command to answer).
   */
  static final Duration PAUSE_AFTER_FAILURE = Duration.ofMinutes(1);

  private final Map<String, String> handlesBySlackId = new HashMap<>();
  private final Map<String, String> handlesByEmail = new HashMap<>();
  private final Catalog catalog;
  private final SlackProfiles profiles;
  private final Clock clock;
  private final Duration remember;
  private final Map<String, Remembered> bySlackEmail = new ConcurrentHashMap<>();
  private volatile Instant pausedUntil = Instant.MIN;

  /** Slack's answer for one user id: the catalog handle their email names, or null for nobody. */
  private record Remembered(String handle, Instant until) {}

  public SlackUsers(Catalog catalog, SlackProfiles profiles, Clock clock, Duration remember) {
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.profiles = requireNonNull(profiles, "profiles is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.remember = requireNonNull(remember, "remember is null");
    for (Person person : catalog.people().values()) {
      if (person.slackId() != null && !person.slackId().isBlank()) {
        handlesBySlackId.put(person.slackId().trim(), person.handle());
      }
      if (person.email() != null && !person.email().isBlank()) {
        handlesByEmail.put(email(person.email()), person.handle());
      }
    }
  }

  /**
   * The actor for a Slack user: their catalog handle, else the user name Slack sent, else the id.
   */
  public SlackActor actor(String userId, String userName) {
    String id = userId == null ? "" : userId.trim();
    Optional<String> handle = handleOf(id);
    if (handle.isPresent()) {
      return new SlackActor(id, handle.get());
    }
    String name = userName == null || userName.isBlank() ? id : userName.trim();
    if (isCatalogHandle(name)) {
      // A Slack name that is a catalog person's handle, from a Slack user who is not that person
      // by Slack id or profile email: recorded as that person, someone else's acknowledgement or
      // role assignment would read as theirs.
      name = name + " (Slack " + id + ")";
    }
    return new SlackActor(id, name.isBlank() ? "unknown" : name);
  }

  /**
   * The handle a mention names: the catalog person with that Slack id or profile email, else the
   * name written; empty for a bare {@code <@U123>} the catalog does not know.
   */
  public Optional<String> handleOf(SlackMention mention) {
    if (mention.userId() == null) {
      return Optional.ofNullable(mention.name());
    }
    return handleOf(mention.userId())
        .or(
            () ->
                // The name Slack shows for a user the catalog does not know is theirs, unless it
                // is a catalog person's handle: this user is not that person by id or email.
                Optional.ofNullable(mention.name()).filter(name -> !isCatalogHandle(name)));
  }

  /**
   * True when {@code name} names a catalog person as the catalog reads names ({@link
   * Catalog#handleOf}: in any case, trimmed), so that nothing that takes the name later makes it
   * theirs. Asked only of a Slack user the catalog does not know by Slack id or profile email (or
   * while Slack cannot be asked), whose name therefore proves nothing.
   */
  private boolean isCatalogHandle(String name) {
    return catalog.handleOf(name).isPresent();
  }

  private Optional<String> handleOf(String userId) {
    if (userId.isEmpty()) {
      return Optional.empty();
    }
    String known = handlesBySlackId.get(userId);
    if (known != null) {
      return Optional.of(known);
    }
    Instant now = clock.instant();
    Remembered remembered = bySlackEmail.get(userId);
    if (remembered == null || !now.isBefore(remembered.until())) {
      if (now.isBefore(pausedUntil)) {
        return Optional.empty();
      }
      Optional<String> handle;
      try {
        handle = profiles.email(userId).map(SlackUsers::email).map(handlesByEmail::get);
      } catch (UncheckedIOException unavailable) {
        pausedUntil = now.plus(PAUSE_AFTER_FAILURE);
        log.warn(
            "cannot match Slack user {} to the catalog by email now: {}; not asking Slack for {}",
            userId,
            unavailable.getMessage(),
            PAUSE_AFTER_FAILURE);
        return Optional.empty();
      }
      if (bySlackEmail.size() >= REMEMBERED_MAX) {
        bySlackEmail.clear();
      }
      remembered = new Remembered(handle.orElse(null), now.plus(remember));
      bySlackEmail.put(userId, remembered);
    }
    return Optional.ofNullable(remembered.handle());
  }

  private static String email(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }
}
