package dev.incidentflow.api.errors;

import dev.incidentflow.api.json.ErrorJson;
import io.grpc.StatusRuntimeException;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.tomcat.jdbc.pool.PoolExhaustedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything else is our fault or a dependency's: logged with an id the caller can quote, answered
 * without a stack trace. Temporal or PostgreSQL being unreachable is a 503 so senders retry: it
 * says nothing was wrong with the request, which a 500 ("internal error") left open.
 */
public final class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {
  private static final Logger log = LoggerFactory.getLogger(UnexpectedErrorMapper.class);

  /** SQL state of a server refusing connections: too many clients already. */
  private static final String TOO_MANY_CONNECTIONS = "53300";

  /** SQL state of a protocol violation: the driver's or the statement's fault, not an outage. */
  private static final String PROTOCOL_VIOLATION = "08P01";

  @Context private Request request;

  public UnexpectedErrorMapper() {}

  /** For tests: as if answering {@code request}, which Jersey injects otherwise. */
  UnexpectedErrorMapper(Request request) {
    this.request = request;
  }

  @Override
  public Response toResponse(Throwable exception) {
    String errorId = Long.toHexString(ThreadLocalRandom.current().nextLong());
    if (isTemporalUnavailable(exception)) {
      log.warn("error {}: Temporal unavailable: {}", errorId, exception.toString());
      return json(503, "Temporal is unavailable; retry later (error " + errorId + ")");
    }
    if (isDatabaseUnavailable(exception)) {
      log.warn("error {}: PostgreSQL unavailable: {}", errorId, rootCause(exception).toString());
      // A change reads the store before and after it asks its workflow: the read after can fail
      // with the change made, and sending it again would make it twice (a second escalation, a
      // second incident declared without an Idempotency-Key).
      return json(
          503,
          isRead()
              ? "PostgreSQL is unavailable or did not answer in time; retry later (error "
                  + errorId
                  + ")"
              : "PostgreSQL is unavailable or did not answer in time; the request may have been"
                  + " applied: read what it changes before sending it again (error "
                  + errorId
                  + ")");
    }
    log.error("error {}: unexpected failure", errorId, exception);
    return json(500, "internal error " + errorId + "; the request may not have been applied");
  }

  private static boolean isTemporalUnavailable(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof StatusRuntimeException status) {
        return switch (status.getStatus().getCode()) {
          case UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED -> true;
          default -> false;
        };
      }
    }
    return false;
  }

  private boolean isRead() {
    if (request == null) {
      return false;
    }
    String method = request.getMethod();
    return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
  }

  /**
   * The database could not be reached, refused another connection, hung past the connection's
   * socket timeout, was shutting down, or every pooled connection stayed busy past the pool's wait.
   * SQL states of class 08 are connection exceptions (but 08P01, a protocol violation, is a bug),
   * 57P the server's shutdown and start-up, 53300 too many connections. Any other SQL failure (a
   * constraint, a bad statement, a statement canceled by its timeout) stays a 500: ours to fix.
   */
  public static boolean isDatabaseUnavailable(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof PoolExhaustedException
          || cause instanceof SQLTransientConnectionException) {
        return true;
      }
      if (cause instanceof SQLException sql) {
        String state = sql.getSQLState();
        if (state != null
            && !state.equals(PROTOCOL_VIOLATION)
            && (state.startsWith("08")
                || state.startsWith("57P")
                || state.equals(TOO_MANY_CONNECTIONS))) {
          return true;
        }
        Throwable io = sql.getCause();
        if (io instanceof SocketTimeoutException || io instanceof ConnectException) {
          return true;
        }
      }
    }
    return false;
  }

  private static Throwable rootCause(Throwable exception) {
    Throwable root = exception;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  private static Response json(int status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ErrorJson(message, List.of()))
        .build();
  }
}
