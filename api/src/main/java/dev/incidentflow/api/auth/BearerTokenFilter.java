package dev.incidentflow.api.auth;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.api.json.ErrorJson;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * {@code Authorization: Bearer <token>} on every {@code /v1} path except Slack's and Jira's, which
 * verify their own signatures. The comparison takes the same time whatever the guess.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class BearerTokenFilter implements ContainerRequestFilter {
  private static final List<String> SELF_VERIFYING = List.of("v1/slack/", "v1/jira/");
  private final byte[] token;

  public BearerTokenFilter(String token) {
    requireNonNull(token, "token is null");
    if (token.isBlank()) {
      throw new IllegalArgumentException("the API token must not be blank");
    }
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    String relative = path.startsWith("/") ? path.substring(1) : path;
    if (!relative.startsWith("v1") || SELF_VERIFYING.stream().anyMatch(relative::startsWith)) {
      return;
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    String presented =
        header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
            ? header.substring(7).trim()
            : null;
    if (presented == null
        || !MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
      request.abortWith(
          Response.status(Response.Status.UNAUTHORIZED)
              .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"incidentflow\"")
              .type(MediaType.APPLICATION_JSON_TYPE)
              .entity(
                  new ErrorJson(
                      presented == null ? "missing bearer token" : "invalid bearer token",
                      List.of("send Authorization: Bearer <INCIDENTFLOW_API_TOKEN>")))
              .build());
    }
  }
}
