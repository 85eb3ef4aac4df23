package dev.incidentflow.api.resources;

import dev.incidentflow.api.json.ErrorJson;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;

/**
 * The {@code Content-Type} of an alert delivery ({@code POST /v1/alerts...}). The body is read as
 * JSON when its type says JSON ({@code application/json}, {@code text/json}, any {@code +json}
 * type) or says nothing of its shape: no type at all (a script's {@code requests.post(url,
 * data=body)}), {@code text/plain} (what {@code fetch} sends with a string body) or {@code
 * application/octet-stream}. No alert is refused for how its sender labelled it. A body declared as
 * another shape (form fields, the default of {@code curl -d}; XML) is refused with a 415 that names
 * the type sent and the one wanted, where Jersey's own answer said only "Unsupported Media Type".
 */
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public final class AlertContentTypeFilter implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    if (!"POST".equals(request.getMethod()) || !isAlertPath(request.getUriInfo().getPath())) {
      return;
    }
    String declared = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
    if (declared == null || declared.isBlank()) {
      request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
      return;
    }
    MediaType type;
    try {
      type = MediaType.valueOf(declared);
    } catch (IllegalArgumentException unreadable) {
      type = null;
    }
    if (type != null && (isJson(type) || saysNothingOfItsShape(type))) {
      // Jersey picks the resource method and the JSON reader by this header: JSON it is.
      if (!"application".equalsIgnoreCase(type.getType())
          || !"json".equalsIgnoreCase(type.getSubtype())) {
        request
            .getHeaders()
            .putSingle(
                HttpHeaders.CONTENT_TYPE,
                new MediaType("application", "json", type.getParameters()).toString());
      }
      return;
    }
    request.abortWith(
        Response.status(Response.Status.UNSUPPORTED_MEDIA_TYPE)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(
                new ErrorJson(
                    "alerts are JSON: send Content-Type: application/json",
                    List.of("the request's Content-Type is '" + declared + "'")))
            .build());
  }

  /** Whether {@code path} (as {@code UriInfo.getPath()} gives it) is one of the alert webhooks. */
  public static boolean isAlertPath(String path) {
    String relative = path.startsWith("/") ? path.substring(1) : path;
    return relative.equals("v1/alerts") || relative.startsWith("v1/alerts/");
  }

  private static boolean saysNothingOfItsShape(MediaType type) {
    return type.isWildcardType()
        || type.isCompatible(MediaType.TEXT_PLAIN_TYPE)
        || type.isCompatible(MediaType.APPLICATION_OCTET_STREAM_TYPE);
  }

  private static boolean isJson(MediaType type) {
    String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
    return subtype.equals("json") || subtype.endsWith("+json");
  }
}
