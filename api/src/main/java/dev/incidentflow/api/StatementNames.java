package dev.incidentflow.api;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.jdbi3.strategies.DefaultNameStrategy;
import com.codahale.metrics.jdbi3.strategies.DelegatingStatementNameStrategy;
import dev.incidentflow.activities.store.IncidentStoreActivitiesImpl;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Names each SQL statement's timer in the metrics as Dropwizard's default does ({@code
 * SmartNameStrategy}: the SqlObject's type and method), and also names the statements the store
 * writes on the handle rather than through a SqlObject (an incident's saves, its context): by the
 * {@code /* Type.method *}{@code /} comment their text starts with, as {@code
 * dev.incidentflow.activities.store.Type.method}. Without it those, the busiest statements, would
 * all share one timer, {@code sql.raw}.
 */
final class StatementNames extends DelegatingStatementNameStrategy {

  private static final Pattern NAMED = Pattern.compile("/\\* ([A-Z]\\w*)\\.([a-z]\\w*) \\*/");

  private static final String STORE = IncidentStoreActivitiesImpl.class.getPackageName();

  StatementNames() {
    super(
        DefaultNameStrategy.CHECK_EMPTY,
        DefaultNameStrategy.SQL_OBJECT,
        StatementNames::named,
        DefaultNameStrategy.CONSTANT_SQL_RAW);
  }

  /** The name in the comment a statement's text starts with; null when it has none. */
  static String named(StatementContext context) {
    String sql = context.getRawSql();
    if (sql == null) {
      return null;
    }
    Matcher named = NAMED.matcher(sql);
    return named.lookingAt() ? MetricRegistry.name(STORE, named.group(1), named.group(2)) : null;
  }
}
