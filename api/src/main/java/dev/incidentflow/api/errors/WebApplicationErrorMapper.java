package dev.incidentflow.api.errors;

import dev.incidentflow.api.json.ErrorJson;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;

/** Jersey's own refusals (404 no such path, 405, 415 wrong content type) in our JSON shape. */
public final class WebApplicationErrorMapper implements ExceptionMapper<WebApplicationException> {
  @Override
  public Response toResponse(WebApplicationException exception) {
    Response original = exception.getResponse();
    String message =
        exception.getMessage() == null
            ? original.getStatusInfo().getReasonPhrase()
            : exception.getMessage();
    Response.ResponseBuilder answer =
        Response.status(original.getStatus())
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(new ErrorJson(message, List.of()));
    original
        .getHeaders()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(value -> answer.header(name, value));
              }
            });
    return answer.build();
  }
}
