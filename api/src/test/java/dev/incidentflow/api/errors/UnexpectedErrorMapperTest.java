package dev.incidentflow.api.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentflow.api.json.ErrorJson;
import jakarta.ws.rs.core.Response;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import org.apache.tomcat.jdbc.pool.PoolExhaustedException;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

class UnexpectedErrorMapperTest {
  private final UnexpectedErrorMapper mapper = new UnexpectedErrorMapper();

  @Test
  void aDatabaseThatCannotBeReachedIsA503SoTheSenderRetries() {
    assertUnavailable(
        new ConnectionException(
            new PSQLException(
                "Connection to db:5432 refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT)));
  }

  @Test
  void aDatabaseThatHungPastTheSocketTimeoutIsA503() {
    PSQLException hung =
        new PSQLException(
            "An I/O error occurred while sending to the backend.",
            PSQLState.CONNECTION_FAILURE,
            new SocketTimeoutException("Read timed out"));
    assertUnavailable(new UnableToExecuteStatementException(hung, null));
  }

  @Test
  void aDatabaseShuttingDownIsA503() {
    assertUnavailable(
        new UnableToExecuteStatementException(
            new SQLException("terminating connection due to administrator command", "57P01"),
            null));
  }

  @Test
  void aPoolWhoseConnectionsStayedBusyIsA503() {
    assertUnavailable(
        new ConnectionException(
            new PoolExhaustedException(
                "[dw-42] Timeout: Pool empty. Unable to fetch a connection in 30 seconds")));
  }

  @Test
  void anyOtherDatabaseFailureIsOursAndA500() {
    Response answer =
        mapper.toResponse(
            new UnableToExecuteStatementException(
                new SQLException("duplicate key value violates unique constraint", "23505"), null));

    assertThat(answer.getStatus()).isEqualTo(500);
    assertThat(((ErrorJson) answer.getEntity()).error()).startsWith("internal error ");
  }

  private void assertUnavailable(Exception exception) {
    Response answer = mapper.toResponse(exception);

    assertThat(answer.getStatus()).isEqualTo(503);
    assertThat(((ErrorJson) answer.getEntity()).error())
        .startsWith("PostgreSQL is unavailable or did not answer in time; retry later (error ");
  }
}
