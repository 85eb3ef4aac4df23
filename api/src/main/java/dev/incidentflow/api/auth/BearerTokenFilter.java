package dev.incidentflow.api.auth;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.api.json.ErrorJson;
import dev.incidentflow.api.resources.AlertContentTypeFilter;
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
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * {@code Authorization: Bearer <token>} on every {@code /v1} path except Slack's and Jira's, which
 * verify their own signatures. The comparison takes the same time whatever the guess.
 *
 * <p>The alert webhooks ({@code /v1/alerts}, {@code /v1/alerts/alertmanager}, {@code
 * /v1/alerts/grafana}) also take HTTP Basic credentials, {@code Authorization: Basic
 * base64(user:password)} with the token as the password and any user name, since Grafana before 9
 * and some Alertmanager setups can send nothing else. They are taken there only, where the senders
 * that need them post: every other caller can send the bearer token, and Basic credentials are what
 * a browser keeps and attaches by itself to any request to the site, also to one a foreign page
 * makes, which it never does with a bearer token. For the same reason a refusal asks for Bearer
 * alone: a Basic challenge is what makes a browser ask for credentials and keep them, and webhook
 * senders send theirs unasked.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class BearerTokenFilter implements ContainerRequestFilter {
  private static final List<String> SELF_VERIFYING = List.of("v1/slack/", "v1/jira/");
  private static final String SEND_BEARER = "send Authorization: Bearer <INCIDENTFLOW_API_TOKEN>";
  private static final String OR_BASIC =
      "or, from a sender that can only send HTTP Basic, Authorization: Basic with"
          + " INCIDENTFLOW_API_TOKEN as the password and any user name";
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
    Refusal refusal = refusalOf(request);
    if (refusal != null) {
      request.abortWith(
          Response.status(Response.Status.UNAUTHORIZED)
              .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"incidentflow\"")
              .type(MediaType.APPLICATION_JSON_TYPE)
              .entity(new ErrorJson(refusal.error(), refusal.details()))
              .build());
    }
  }

  /**
   * Whether this filter lets {@code request} through: for what only a caller with the token is
   * given before this filter has run, as the alert webhooks' larger bodies.
   */
  public boolean admits(ContainerRequestContext request) {
    return refusalOf(request) == null;
  }

  /** Why {@code request} is refused, or null when it may go on. */
  private Refusal refusalOf(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    String relative = path.startsWith("/") ? path.substring(1) : path;
    if (!relative.startsWith("v1") || SELF_VERIFYING.stream().anyMatch(relative::startsWith)) {
      return null;
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    boolean basicTaken = AlertContentTypeFilter.isAlertPath(path);
    if (isBasic(header)) {
      return basicTaken
          ? refusalOfBasic(header.substring("Basic".length()).trim())
          : new Refusal(
              "missing bearer token",
              List.of(
                  "Basic credentials are taken on the alert webhooks (/v1/alerts...) only",
                  SEND_BEARER));
    }
    String presented =
        header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
            ? header.substring(7).trim()
            : null;
    if (presented == null
        || !MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
      return new Refusal(
          presented == null ? "missing bearer token" : "invalid bearer token",
          basicTaken ? List.of(SEND_BEARER, OR_BASIC) : List.of(SEND_BEARER));
    }
    return null;
  }

  /** Whether {@code header} names the Basic scheme, with or without credentials after it. */
  private static boolean isBasic(String header) {
    return header != null
        && header.regionMatches(true, 0, "Basic", 0, 5)
        && (header.length() == 5 || Character.isWhitespace(header.charAt(5)));
  }

  /**
   * Null when the password in {@code credentials} is the token, whatever the user name. The
   * password is what follows the first colon (a user name cannot hold one, RFC 7617), compared as
   * the bytes sent: senders write UTF-8, in which no other character has a byte equal to the
   * colon's.
   */
  private Refusal refusalOfBasic(String credentials) {
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(credentials);
    } catch (IllegalArgumentException notBase64) {
      return new Refusal(
          "malformed Basic credentials",
          List.of("the credentials after Basic are not base64 (" + notBase64.getMessage() + ")"));
    }
    int colon = -1;
    for (int i = 0; i < decoded.length && colon < 0; i++) {
      if (decoded[i] == ':') {
        colon = i;
      }
    }
    if (colon < 0) {
      return new Refusal(
          "malformed Basic credentials",
          List.of(
              "the credentials after Basic have no ':' between the user name and the password"));
    }
    if (!MessageDigest.isEqual(token, Arrays.copyOfRange(decoded, colon + 1, decoded.length))) {
      return new Refusal(
          "invalid Basic credentials", List.of("the password is not INCIDENTFLOW_API_TOKEN"));
    }
    return null;
  }

  private record Refusal(String error, List<String> details) {}
}
