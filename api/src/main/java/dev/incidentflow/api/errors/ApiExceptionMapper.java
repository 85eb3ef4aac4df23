package dev.incidentflow.api.errors;

import dev.incidentflow.api.json.ErrorJson;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Refused requests: their status and {@code {"error", "details"}}. */
public final class ApiExceptionMapper implements ExceptionMapper<ApiException> {
  @Override
  public Response toResponse(ApiException exception) {
    return Response.status(exception.status())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ErrorJson(exception.getMessage(), exception.details()))
        .build();
  }
}
