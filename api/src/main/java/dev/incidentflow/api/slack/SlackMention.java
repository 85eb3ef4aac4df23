package dev.incidentflow.api.slack;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person named in a command: a Slack mention ({@code <@U123|alice>}, {@code <@U123>}) or a plain
 * name ({@code @alice}, {@code alice}).
 *
 * @param userId the Slack user id, or null for a plain name
 * @param name the name the mention shows or the plain name, or null for a bare {@code <@U123>}
 */
public record SlackMention(String userId, String name) {
  private static final Pattern USER_MENTION = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|([^>]*))?>");
  private static final Pattern PLAIN_NAME = Pattern.compile("@?([\\p{L}\\p{N}._-]+)");

  public SlackMention {
    userId = blankToNull(userId);
    name = blankToNull(name);
    if (userId == null && name == null) {
      throw new IllegalArgumentException("a mention needs a Slack user id or a name");
    }
  }

  /** The mention a command argument spells, or empty when it names no person. */
  public static Optional<SlackMention> parse(String argument) {
    Matcher mention = USER_MENTION.matcher(argument);
    if (mention.matches()) {
      return Optional.of(new SlackMention(mention.group(1), mention.group(2)));
    }
    Matcher plain = PLAIN_NAME.matcher(argument);
    return plain.matches() ? Optional.of(new SlackMention(null, plain.group(1))) : Optional.empty();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
