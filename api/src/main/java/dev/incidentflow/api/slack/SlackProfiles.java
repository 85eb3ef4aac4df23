package dev.incidentflow.api.slack;

import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The email addresses of Slack users' profiles, to find people the catalog lists without a Slack
 * id.
 */
public interface SlackProfiles {

  /**
   * The email of the user's Slack profile; empty when Slack says the user has none or does not
   * exist.
   *
   * @throws UncheckedIOException when Slack could not be asked or did not answer in time
   */
  Optional<String> email(String userId);

  /** For a process without a Slack bot token: nobody has a known email. */
  static SlackProfiles none() {
    return userId -> Optional.empty();
  }
}
