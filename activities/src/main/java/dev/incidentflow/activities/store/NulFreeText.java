package dev.incidentflow.activities.store;

import java.sql.Types;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * Binds every string with U+0000 replaced by U+FFFD, the replacement character. PostgreSQL's text
 * cannot hold a NUL ({@code invalid byte sequence for encoding "UTF8": 0x00}) nor can its jsonb
 * ({@code \u0000} is an unsupported escape), yet anyone can put one in a status update, a Slack
 * command or an alert's labels, and a save that fails on it fails on every retry.
 */
public final class NulFreeText extends AbstractArgumentFactory<String> {
  private static final char NUL = '\u0000';
  private static final char REPLACEMENT = '\uFFFD';

  NulFreeText() {
    super(Types.VARCHAR);
  }

  /**
   * {@code text} with every NUL replaced, as the store keeps it; the same instance when it has
   * none.
   */
  public static String of(String text) {
    return text == null || text.indexOf(NUL) < 0 ? text : text.replace(NUL, REPLACEMENT);
  }

  @Override
  protected Argument build(String value, ConfigRegistry config) {
    String text = of(value);
    return (position, statement, context) -> statement.setString(position, text);
  }
}
