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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.ZipException;

/**
 * Refuses request bodies over the limit with 413 before anything parses them, whether or not the
 * sender declared a length: the body is read up to one byte past the limit.
 *
 * <p>What is left of a refused body is read and dropped, up to {@link #DRAIN_FACTOR} times the
 * limit and for {@link #DRAIN_TIME} at most, before the answer goes out. A server that answers and
 * closes with the body unread makes the connection reset under a sender still writing it, and the
 * sender may then see the reset instead of the 413. Nothing is drained when the body is not on its
 * way ({@code Expect: 100-continue}: reading would ask for it) or when its declared length is past
 * what would be drained; a body larger than that is left unread, and its sender may see only the
 * reset.
 *
 * <p>A body in a {@code Content-Encoding} other than gzip (which Jetty decodes) is refused with 415
 * naming the encoding, before it is read: read as it is, it failed as malformed JSON, which sent
 * its sender looking in the wrong place.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class BodySizeLimitFilter implements ContainerRequestFilter {
  /** How much of a refused body is read and dropped, in multiples of the limit. */
  static final int DRAIN_FACTOR = 4;

  /** How long a refused body is read for at most (a slow sender holds a request thread). */
  static final Duration DRAIN_TIME = Duration.ofSeconds(2);

  private final int defaultMaxBytes;
  private final int alertMaxBytes;
  private final Predicate<ContainerRequestContext> hasToken;

  /**
   * @param maxBytes the largest body of any request but an alert delivery
   * @param alertMaxBytes the largest body of an alert delivery ({@code /v1/alerts...}) that carries
   *     the token: an Alertmanager group of thousands of alerts is one delivery, and a refused one
   *     is not sent again, so its incident would page nobody. This filter runs before the token is
   *     checked; without it the delivery gets {@code maxBytes}, so nobody without the token makes
   *     the API hold the larger body
   * @param hasToken whether a request carries the token ({@link BearerTokenFilter#admits})
   */
  public BodySizeLimitFilter(
      int maxBytes, int alertMaxBytes, Predicate<ContainerRequestContext> hasToken) {
    if (maxBytes < 1 || alertMaxBytes < 1) {
      throw new IllegalArgumentException("the limits must be positive");
    }
    this.defaultMaxBytes = maxBytes;
    this.alertMaxBytes = alertMaxBytes;
    this.hasToken = requireNonNull(hasToken, "hasToken is null");
  }

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    int maxBytes =
        AlertContentTypeFilter.isAlertPath(request.getUriInfo().getPath()) && hasToken.test(request)
            ? alertMaxBytes
            : defaultMaxBytes;
    String encoding = request.getHeaderString(HttpHeaders.CONTENT_ENCODING);
    if (encoding != null && !encoding.isBlank() && !"identity".equalsIgnoreCase(encoding.strip())) {
      // Jetty took the header off a gzip body it decodes: this one is in an encoding it does not.
      request.abortWith(
          error(
              Response.Status.UNSUPPORTED_MEDIA_TYPE,
              "request body encoding not supported",
              "the body's Content-Encoding is '"
                  + encoding
                  + "'; send it as it is or with Content-Encoding: gzip"));
      return;
    }
    if (request.getLength() > maxBytes) {
      boolean onItsWay = !"100-continue".equalsIgnoreCase(request.getHeaderString("Expect"));
      if (onItsWay && request.getLength() <= drainBytes(maxBytes)) {
        drain(request.getEntityStream(), drainBytes(maxBytes));
      }
      tooLarge(request, maxBytes);
      return;
    }
    InputStream body;
    byte[] read;
    try {
      // Reads the first bytes already (and fails when they cannot be decoded).
      if (!request.hasEntity()) {
        return;
      }
      body = request.getEntityStream();
      read = body.readNBytes(maxBytes + 1);
    } catch (IOException | RuntimeException unreadable) {
      if (!isBadCompression(unreadable)) {
        throw unreadable;
      }
      request.abortWith(
          error(
              Response.Status.BAD_REQUEST,
              "request body cannot be decoded",
              "the body is not gzip, as its Content-Encoding says"));
      return;
    }
    if (read.length > maxBytes) {
      drain(body, drainBytes(maxBytes));
      tooLarge(request, maxBytes);
      return;
    }
    request.setEntityStream(new ByteArrayInputStream(read));
  }

  private static void tooLarge(ContainerRequestContext request, int maxBytes) {
    request.abortWith(
        error(
            Response.Status.REQUEST_ENTITY_TOO_LARGE,
            "request body too large",
            "the limit is " + maxBytes + " bytes"));
  }

  private static Response error(Response.Status status, String error, String detail) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ErrorJson(error, List.of(detail)))
        .build();
  }

  /**
   * Whether reading the body failed on its compression: Jetty inflates a body sent with {@code
   * Content-Encoding: gzip} as it is read (and takes the header off), and fails the read with a
   * {@link ZipException} (wrapped) when the body is not gzip.
   */
  private static boolean isBadCompression(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ZipException) {
        return true;
      }
    }
    return false;
  }

  private static long drainBytes(int maxBytes) {
    return (long) maxBytes * DRAIN_FACTOR;
  }

  /**
   * Reads and drops the rest of {@code body}, within {@code bytes} and {@link #DRAIN_TIME} (checked
   * between reads; one read waits for the connector's idle timeout at most).
   */
  static void drain(InputStream body, long bytes) {
    byte[] buffer = new byte[8192];
    long left = bytes;
    long deadline = System.nanoTime() + DRAIN_TIME.toNanos();
    try {
      int read;
      while (left > 0
          && System.nanoTime() - deadline < 0
          && (read = body.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
        left -= read;
      }
    } catch (IOException | RuntimeException senderGoneOrBodyUnreadable) {
      // Nobody is left to read the answer (Jetty closes the connection), or what is left cannot be
      // decoded (see isBadCompression): either way the answer goes out as it is.
    }
  }
}
