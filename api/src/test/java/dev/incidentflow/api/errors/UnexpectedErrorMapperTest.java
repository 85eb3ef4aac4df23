package dev.incidentflow.api.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentflow.api.json.ErrorJson;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Proxy;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import org.apache.tomcat.jdbc.pool.PoolExhaustedException;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

class UnexpectedErrorMapperTest {
  private static final String RETRY =
      "PostgreSQL is unavailable or did not answer in time; retry later (error ";
  private static final String READ_FIRST =
      "PostgreSQL is unavailable or did not answer in time; the request may have been applied:"
          + " read what it changes before sending it again (error ";

  private final UnexpectedErrorMapper reading = new UnexpectedErrorMapper(request("GET"));

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
  void aDatabaseShuttingDownOrOutOfConnectionsIsA503() {
    assertUnavailable(
        new UnableToExecuteStatementException(
            new SQLException("terminating connection due to administrator command", "57P01"),
            null));
    assertUnavailable(
        new ConnectionException(new SQLException("sorry, too many clients already", "53300")));
  }

  @Test
  void aPoolWhoseConnectionsStayedBusyIsA503() {
    assertUnavailable(
        new ConnectionException(
            new PoolExhaustedException(
                "[dw-42] Timeout: Pool empty. Unable to fetch a connection in 30 seconds")));
  }

  @Test
  void aChangeIsToldItMayHaveBeenAppliedSinceItsReadAfterTheChangeCanBeWhatFailed() {
    UnableToExecuteStatementException hung =
        new UnableToExecuteStatementException(
            new PSQLException(
                "An I/O error occurred while sending to the backend.",
                PSQLState.CONNECTION_FAILURE,
                new SocketTimeoutException("Read timed out")),
            null);

    for (UnexpectedErrorMapper changing :
        new UnexpectedErrorMapper[] {
          new UnexpectedErrorMapper(request("POST")), new UnexpectedErrorMapper()
        }) {
      Response answer = changing.toResponse(hung);
      assertThat(answer.getStatus()).isEqualTo(503);
      assertThat(((ErrorJson) answer.getEntity()).error()).startsWith(READ_FIRST);
    }
  }

  @Test
  void anyOtherDatabaseFailureIsOursAndA500() {
    for (SQLException failure :
        new SQLException[] {
          new SQLException("duplicate key value violates unique constraint", "23505"),
          new SQLException("protocol violation", "08P01"),
          new SQLException("canceling statement due to statement timeout", "57014")
        }) {
      Response answer = reading.toResponse(new UnableToExecuteStatementException(failure, null));

      assertThat(answer.getStatus()).as(failure.getSQLState()).isEqualTo(500);
      assertThat(((ErrorJson) answer.getEntity()).error()).startsWith("internal error ");
    }
  }

  private void assertUnavailable(Exception exception) {
    Response answer = reading.toResponse(exception);

    assertThat(answer.getStatus()).isEqualTo(503);
    assertThat(((ErrorJson) answer.getEntity()).error()).startsWith(RETRY);
  }

  private static Request request(String method) {
    return (Request)
        Proxy.newProxyInstance(
            UnexpectedErrorMapperTest.class.getClassLoader(),
            new Class<?>[] {Request.class},
            (proxy, called, args) -> {
              if (called.getName().equals("getMethod")) {
                return method;
              }
              throw new UnsupportedOperationException(called.getName());
            });
  }
}
