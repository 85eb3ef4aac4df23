package dev.incidentflow.api.auth;

import dev.incidentflow.api.json.ErrorJson;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Refuses request bodies over the limit with 413 before anything parses them, whether or not the
 * sender declared a length: the body is read up to one byte past the limit.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class BodySizeLimitFilter implements ContainerRequestFilter {
  private final int maxBytes;

  public BodySizeLimitFilter(int maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive");
    }
    this.maxBytes = maxBytes;
  }

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    if (request.getLength() > maxBytes) {
      tooLarge(request);
      return;
    }
    if (!request.hasEntity()) {
      return;
    }
    InputStream body = request.getEntityStream();
    byte[] read = body.readNBytes(maxBytes + 1);
    if (read.length > maxBytes) {
      tooLarge(request);
      return;
    }
    request.setEntityStream(new ByteArrayInputStream(read));
  }

  private void tooLarge(ContainerRequestContext request) {
    request.abortWith(
        Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(
                new ErrorJson(
                    "request body too large", List.of("the limit is " + maxBytes + " bytes")))
            .build());
  }
}
