package dev.incidentflow.api.errors;

import dev.incidentflow.api.json.ErrorJson;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;

/** Jersey's own refusals (404 no such path, 405, 415 wrong content type) in our JSON shape. */
public final class WebApplicationErrorMapper implements ExceptionMapper<WebApplicationException> {
  private static final int UNSUPPORTED_MEDIA_TYPE = 415;

  @Context private HttpHeaders headers;
  @Context private UriInfo uri;

  @Override
  public Response toResponse(WebApplicationException exception) {
    Response original = exception.getResponse();
    ErrorJson error =
        original.getStatus() == UNSUPPORTED_MEDIA_TYPE
            ? unsupportedMediaType()
            : new ErrorJson(
                exception.getMessage() == null
                    ? original.getStatusInfo().getReasonPhrase()
                    : exception.getMessage(),
                List.of());
    Response.ResponseBuilder answer =
        Response.status(original.getStatus()).type(MediaType.APPLICATION_JSON_TYPE).entity(error);
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

  /**
   * What to send instead of the body's type. "HTTP 415 Unsupported Media Type" alone left whoever
   * posted JSON with {@code curl -d} (a form post unless told otherwise) to guess what was wrong.
   */
  private ErrorJson unsupportedMediaType() {
    String sent = headers == null ? null : headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
    boolean slack = uri != null && uri.getPath().replaceFirst("^/", "").startsWith("v1/slack/");
    return new ErrorJson(
        slack
            ? "Slack's requests are form posts: send Content-Type: application/x-www-form-urlencoded"
            : "the body is JSON: send Content-Type: application/json",
        List.of(
            sent == null || sent.isBlank()
                ? "the request has no Content-Type"
                : "the request's Content-Type is '" + sent + "'"));
  }
}
