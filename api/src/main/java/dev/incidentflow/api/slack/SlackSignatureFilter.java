package dev.incidentflow.api.slack;

import dev.incidentflow.api.json.ErrorJson;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Lets through to {@link SlackResource} only what Slack signed, checked on the raw body before
 * anything parses it. Forged, stale, future-dated and unsigned requests get 401 and reach no
 * resource. With no signing secret configured every Slack request gets 503: unsigned requests are
 * never accepted.
 *
 * <p>Runs after {@code BodySizeLimitFilter}, which has already capped the body; the cap here only
 * keeps this filter safe on its own. It runs once Jersey has matched the request to a resource
 * method (it is not {@code @PreMatching}), so a path or method that no resource serves gets the
 * usual JSON 404 or 405 rather than a 401 for a signature no request to it could need; every
 * request matched to {@link SlackResource}, whatever its path's spelling, is verified first.
 */
@Priority(Priorities.AUTHENTICATION)
public final class SlackSignatureFilter implements ContainerRequestFilter {
  static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
  static final String SIGNATURE_HEADER = "X-Slack-Signature";

  private final Optional<SlackRequestVerifier> verifier;
  private final int maxBytes;

  private SlackSignatureFilter(Optional<SlackRequestVerifier> verifier, int maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive");
    }
    this.verifier = verifier;
    this.maxBytes = maxBytes;
  }

  /**
   * Verifies with {@code signingSecret}; a null or blank secret makes the Slack endpoints answer
   * 503.
   */
  public static SlackSignatureFilter of(String signingSecret, Clock clock, int maxBytes) {
    Optional<SlackRequestVerifier> verifier =
        signingSecret == null || signingSecret.isBlank()
            ? Optional.empty()
            : Optional.of(new SlackRequestVerifier(signingSecret, clock));
    return new SlackSignatureFilter(verifier, maxBytes);
  }

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    // By the resource Jersey matched, not the path's text: it matches /v1;x=1/slack/commands to
    // the same method, and a prefix test let that through unsigned (with the API token).
    if (request.getUriInfo().getMatchedResources().stream()
        .noneMatch(SlackResource.class::isInstance)) {
      return;
    }
    if (verifier.isEmpty()) {
      abort(
          request,
          Response.Status.SERVICE_UNAVAILABLE,
          "Slack signing secret not configured",
          "set SLACK_SIGNING_SECRET (slack.signingSecret) to the Slack app's signing secret");
      return;
    }
    byte[] body =
        request.hasEntity() ? request.getEntityStream().readNBytes(maxBytes + 1) : new byte[0];
    if (body.length > maxBytes) {
      abort(
          request,
          Response.Status.REQUEST_ENTITY_TOO_LARGE,
          "request body too large",
          "the limit is " + maxBytes + " bytes");
      return;
    }
    Optional<String> rejection =
        verifier
            .get()
            .rejection(
                request.getHeaderString(TIMESTAMP_HEADER),
                request.getHeaderString(SIGNATURE_HEADER),
                body);
    if (rejection.isPresent()) {
      abort(
          request,
          Response.Status.UNAUTHORIZED,
          "invalid Slack request signature",
          rejection.get());
      return;
    }
    request.setEntityStream(new ByteArrayInputStream(body));
  }

  private static void abort(
      ContainerRequestContext request, Response.Status status, String error, String detail) {
    request.abortWith(
        Response.status(status)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(new ErrorJson(error, List.of(detail)))
            .build());
  }
}
