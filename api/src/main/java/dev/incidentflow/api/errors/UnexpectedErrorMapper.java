package dev.incidentflow.api.errors;

import dev.incidentflow.api.json.ErrorJson;
import io.grpc.StatusRuntimeException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything else is our fault or a dependency's: logged with an id the caller can quote, answered
 * without a stack trace. Temporal being unreachable is a 503 so senders retry.
 */
public final class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {
  private static final Logger log = LoggerFactory.getLogger(UnexpectedErrorMapper.class);

  @Override
  public Response toResponse(Throwable exception) {
    String errorId = Long.toHexString(ThreadLocalRandom.current().nextLong());
    if (isUnavailable(exception)) {
      log.warn("error {}: Temporal unavailable: {}", errorId, exception.toString());
      return json(503, "Temporal is unavailable; retry later (error " + errorId + ")");
    }
    log.error("error {}: unexpected failure", errorId, exception);
    return json(500, "internal error " + errorId + "; the request may not have been applied");
  }

  private static boolean isUnavailable(Throwable exception) {
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

  private static Response json(int status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ErrorJson(message, List.of()))
        .build();
  }
}
