package dev.incidentflow.activities.store;

import static dev.incidentflow.activities.store.SampleIncidents.alert;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CommentingTemplateEngineTest {

  @RegisterExtension
  static final EmbeddedPostgresExtension POSTGRES = new EmbeddedPostgresExtension();

  @Test
  void statementsOfSqlObjectsNameTheirMethodAndPlainStatementsStayAsWritten() {
    List<String> sent = new ArrayList<>();
    Jdbi jdbi = IncidentJdbi.create(POSTGRES.dataSource());
    SqlStatements statements = jdbi.getConfig(SqlStatements.class);
    statements.setTemplateEngine(new CommentingTemplateEngine());
    statements.setSqlLogger(
        new SqlLogger() {
          @Override
          public void logBeforeExecution(StatementContext context) {
            sent.add(context.getRenderedSql());
          }
        });

    new IncidentStoreActivitiesImpl(jdbi).recordIncident(alert("wf-1", "run-1"));
    new IncidentRepository(jdbi).find(1);
    jdbi.useHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one());
    new IncidentLibrary(jdbi).context(1, List.of("db"), Duration.ofHours(2));

    assertThat(sent).hasSize(8);
    // The store's statements are written on the handle and carry their names in their text.
    assertThat(sent.get(0)).startsWith("/* IncidentStateStatements.findNumber */ SELECT number");
    assertThat(sent.get(1)).startsWith("/* IncidentStateStatements.insertIfAbsent */ INSERT INTO");
    assertThat(sent.get(2)).startsWith("/* IncidentDao.find */ SELECT");
    assertThat(sent.get(3)).isEqualTo("SELECT 1");
    // So are the reads of an incident's context, the opening's briefing.
    assertThat(sent.subList(4, 8))
        .satisfiesExactly(
            sql -> assertThat(sql).startsWith("/* IncidentLibrary.find */ SELECT"),
            sql -> assertThat(sql).startsWith("/* DeployRepository.between */ SELECT"),
            sql -> assertThat(sql).startsWith("/* IncidentLibrary.similarTo */"),
            sql -> assertThat(sql).startsWith("/* IncidentLibrary.repeatOf */"));
  }

  @Test
  void parsesOnceSoJdbiCanCacheTheTemplate() {
    CommentingTemplateEngine engine = new CommentingTemplateEngine();

    assertThat(engine.parse("SELECT <columns> FROM incidents", POSTGRES.jdbi().getConfig()))
        .isPresent();
  }
}
