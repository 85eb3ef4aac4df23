package dev.incidentflow.api.resources;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.activities.store.DeployRepository;
import dev.incidentflow.activities.store.NewDeploy;
import dev.incidentflow.activities.store.RecordedDeploy;
import dev.incidentflow.api.errors.Problems;
import dev.incidentflow.api.json.DeployRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.UnaryOperator;

/**
 * Deploy events, to show responders what changed just before an incident. Idempotent on (service,
 * version, deployedAt): the first post answers 201, a repeat 200 with the deploy first recorded.
 */
@Path("/v1/deploys")
@Produces(MediaType.APPLICATION_JSON)
public class DeploysResource {
  static final int MAX_NAME = 200;
  static final int MAX_URL = 2000;

  /** Clocks of CI runners and of this server disagree a little; more than this is a mistake. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final DeployRepository deploys;
  private final Clock clock;
  private final UnaryOperator<String> services;

  /**
   * @param services the catalog's name for a service named in any case ({@code
   *     AlertMapper#service}), as alerts and declarations name it: a deploy to {@code Checkout} is
   *     one to {@code checkout}
   */
  public DeploysResource(DeployRepository deploys, Clock clock, UnaryOperator<String> services) {
    this.deploys = requireNonNull(deploys, "deploys is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.services = requireNonNull(services, "services is null");
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response record(DeployRequest request) {
    DeployRequest body = AlertmanagerResource.required(request);
    Problems problems = new Problems();
    text(problems, "service", body.service(), true, MAX_NAME);
    text(problems, "version", body.version(), true, MAX_NAME);
    text(problems, "commit", body.commit(), false, MAX_NAME);
    text(problems, "author", body.author(), false, MAX_NAME);
    if (text(problems, "url", body.url(), false, MAX_URL) && !Problems.isBlank(body.url())) {
      problems.check(
          isWebAddress(body.url().trim()),
          "url '" + body.url() + "' is not an absolute http(s) URL");
    }
    Instant deployedAt = null;
    if (Problems.isBlank(body.deployedAt())) {
      problems.add("deployedAt is required");
    } else {
      try {
        deployedAt = OffsetDateTime.parse(body.deployedAt().trim()).toInstant();
        problems.check(
            !deployedAt.isAfter(clock.instant().plus(CLOCK_SKEW)),
            "deployedAt " + deployedAt + " is in the future");
        problems.check(
            !deployedAt.isBefore(Problems.EARLIEST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant()),
            "deployedAt " + deployedAt + " is before " + Problems.EARLIEST_DAY);
      } catch (DateTimeParseException e) {
        problems.add(
            "deployedAt '"
                + body.deployedAt()
                + "' is not an ISO-8601 instant with an offset "
                + "(2025-05-01T10:00:00Z)");
      }
    }
    problems.throwIfAny("invalid deploy");

    RecordedDeploy recorded =
        deploys.record(
            new NewDeploy(
                services.apply(body.service()),
                body.version(),
                body.commit(),
                body.url(),
                deployedAt,
                body.author()));
    return Response.status(recorded.created() ? Response.Status.CREATED : Response.Status.OK)
        .entity(recorded.deploy())
        .build();
  }

  /** Checks one text field; true when it is acceptable so far. */
  private static boolean text(
      Problems problems, String field, String value, boolean required, int maxLength) {
    if (Problems.isBlank(value)) {
      problems.check(!required, field + " is required");
      return !required;
    }
    boolean fits = value.trim().length() <= maxLength;
    problems.check(fits, field + " is longer than " + maxLength + " characters");
    return fits;
  }

  private static boolean isWebAddress(String url) {
    try {
      URI uri = new URI(url);
      return uri.isAbsolute()
          && uri.getHost() != null
          && ("http".equalsIgnoreCase(uri.getScheme())
              || "https".equalsIgnoreCase(uri.getScheme()));
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
