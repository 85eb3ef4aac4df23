package dev.incidentflow.activities.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A value bound as its column takes it. Jdbi finds how to bind a plain value through its argument
 * factories, and {@code bindMethods} first reflects on the object's accessors; on the save every
 * workflow task of an incident makes, that was most of the statements' own CPU samples
 * (docs/benchmarks.md, twenty-fourth session). A single statement applies an {@code Argument} as it
 * is; a batch still asks its factories per value, and Jdbi's own pass-through factory answers. Each
 * binds as Jdbi's factories do (so a statement's text and timer stay Jdbi's), and strings lose
 * their NULs as {@link NulFreeText} makes them.
 */
final class Bound implements Argument {

  @FunctionalInterface
  private interface Setter {
    void set(PreparedStatement statement, int position) throws SQLException;
  }

  private final Object value;
  private final Setter setter;

  private Bound(Object value, Setter setter) {
    this.value = value;
    this.setter = setter;
  }

  /** Text, or SQL NULL; NULs replaced. */
  static Bound text(String value) {
    String text = NulFreeText.of(value);
    return new Bound(
        text,
        text == null
            ? (statement, position) -> statement.setNull(position, Types.VARCHAR)
            : (statement, position) -> statement.setString(position, text));
  }

  /** A time as a {@code Timestamp}, as Jdbi binds an {@code Instant}, or SQL NULL. */
  static Bound time(Instant value) {
    return new Bound(
        value,
        value == null
            ? (statement, position) -> statement.setNull(position, Types.TIMESTAMP)
            : (statement, position) -> statement.setTimestamp(position, Timestamp.from(value)));
  }

  static Bound integer(int value) {
    return new Bound(value, (statement, position) -> statement.setInt(position, value));
  }

  static Bound bigint(long value) {
    return new Bound(value, (statement, position) -> statement.setLong(position, value));
  }

  @Override
  public void apply(int position, PreparedStatement statement, StatementContext context)
      throws SQLException {
    setter.set(statement, position);
  }

  /** The value, as a failed statement's message lists its arguments. */
  @Override
  public String toString() {
    return String.valueOf(value);
  }
}
