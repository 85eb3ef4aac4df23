package dev.incidentflow.activities.store;

import java.sql.Array;
import java.sql.Types;
import java.util.Arrays;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * Binds every string array as a {@code text[]} with U+0000 replaced by U+FFFD in each element, as
 * {@link NulFreeText} binds single strings. Arrays carry what a caller typed too (the {@code
 * service} filters of {@code GET /v1/incidents}), and PostgreSQL refuses a NUL in an array element
 * as it does in a string, so an array holding one failed the whole query.
 */
final class NulFreeTextArrays extends AbstractArgumentFactory<String[]> {

  NulFreeTextArrays() {
    super(Types.ARRAY);
  }

  @Override
  protected Argument build(String[] value, ConfigRegistry config) {
    String[] texts = Arrays.stream(value).map(NulFreeText::of).toArray(String[]::new);
    return (position, statement, context) -> {
      Array array = statement.getConnection().createArrayOf("text", texts);
      context.addCleanable(array::free);
      statement.setArray(position, array);
    };
  }
}
