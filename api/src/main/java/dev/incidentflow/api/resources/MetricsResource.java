package dev.incidentflow.api.resources;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.activities.directory.Catalog;
import dev.incidentflow.activities.directory.OnCallSchedule;
import dev.incidentflow.activities.directory.OnCallWeeks;
import dev.incidentflow.activities.store.IncidentMetrics;
import dev.incidentflow.activities.store.IncidentMetricsRepository;
import dev.incidentflow.activities.store.MetricsGroupBy;
import dev.incidentflow.activities.store.MetricsQuery;
import dev.incidentflow.api.core.MetricsCsv;
import dev.incidentflow.api.errors.Problems;
import dev.incidentflow.api.json.IncidentMetricsJson;
import dev.incidentflow.workflows.activities.ServiceInfo;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MTTA, MTTR, their phases and the incident rates over the incidents triggered in {@code [from,
 * to)}, and the pager load of the pages sent in it against the catalog's rotations. {@code from}
 * and {@code to} are ISO dates (UTC days; {@code to} counts its whole day) or instants with an
 * offset; {@code to} defaults to now and {@code from} to 30 days before {@code to}. Postmortems and
 * action items are judged past due as of now.
 */
@Path("/v1/metrics/incidents")
public class MetricsResource {
  public static final String TEXT_CSV = "text/csv";
  static final Duration DEFAULT_RANGE = Duration.ofDays(30);
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");

  private final IncidentMetricsRepository repository;
  private final Map<String, String> teamsByService;
  private final String unknownServiceTeam;
  private final List<OnCallSchedule> schedules;
  private final Clock clock;

  public MetricsResource(IncidentMetricsRepository repository, Catalog catalog, Clock clock) {
    this.repository = requireNonNull(repository, "repository is null");
    requireNonNull(catalog, "catalog is null");
    this.clock = requireNonNull(clock, "clock is null");
    Map<String, String> teams = new LinkedHashMap<>();
    for (ServiceInfo service : catalog.services().values()) {
      teams.put(service.name(), service.team());
    }
    this.teamsByService = teams;
    ServiceInfo fallback = catalog.services().get(catalog.defaults().service());
    this.unknownServiceTeam = fallback == null ? null : fallback.team();
    this.schedules = List.copyOf(catalog.schedules().values());
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, TEXT_CSV})
  public Response metrics(
      @QueryParam("from") List<String> froms,
      @QueryParam("to") List<String> tos,
      @QueryParam("groupBy") List<String> groupBys,
      @QueryParam("format") List<String> formats,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    Problems problems = new Problems();
    QueryParameters.refuseUnknown(uri, List.of("from", "to", "groupBy", "format"), problems);
    // Each is taken once: from=2026-05-01&from=2026-04-01 answered for May, which read as April.
    String from = QueryParameters.single("from", froms, problems);
    String to = QueryParameters.single("to", tos, problems);
    String groupBy = QueryParameters.single("groupBy", groupBys, problems);
    String format = QueryParameters.single("format", formats, problems);
    Instant start = Problems.isBlank(from) ? null : instant("from", from, false, problems);
    Instant end = Problems.isBlank(to) ? null : instant("to", to, true, problems);
    MetricsGroupBy grouping = MetricsGroupBy.SEVERITY;
    if (!Problems.isBlank(groupBy)) {
      grouping = MetricsGroupBy.parse(groupBy).orElse(null);
      problems.check(
          grouping != null, "groupBy '" + groupBy + "' is not one of " + MetricsGroupBy.choices());
    }
    // Without format, the Accept header decides: a client that asked for text/csv first (a
    // spreadsheet's import, curl -H 'Accept: text/csv') got JSON it had not asked for.
    boolean csv = Problems.isBlank(format) && prefersCsv(headers);
    if (!Problems.isBlank(format)) {
      csv = format.trim().equalsIgnoreCase("csv");
      problems.check(
          csv || format.trim().equalsIgnoreCase("json"),
          "format '" + format + "' is not json or csv");
    }
    boolean rangeParsed =
        (start != null || Problems.isBlank(from)) && (end != null || Problems.isBlank(to));
    if (rangeParsed) {
      end = end == null ? clock.instant() : end;
      start = start == null ? end.minus(DEFAULT_RANGE) : start;
      problems.check(
          start.isBefore(end),
          "from " + asSent(from, start) + " must be before to " + asSent(to, end));
    }
    problems.throwIfAny("invalid metrics query");

    IncidentMetrics metrics =
        repository.metrics(
            new MetricsQuery(
                start,
                end,
                grouping,
                teamsByService,
                unknownServiceTeam,
                clock.instant(),
                OnCallWeeks.between(schedules, start, end)));
    if (csv) {
      return Response.ok(MetricsCsv.of(metrics), TEXT_CSV + "; charset=utf-8")
          .header("Content-Disposition", "attachment; filename=\"incident-metrics.csv\"")
          .build();
    }
    return Response.ok(IncidentMetricsJson.of(metrics), MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** Whether the most wanted type the request accepts is CSV rather than JSON or anything. */
  private static boolean prefersCsv(HttpHeaders headers) {
    if (headers == null) {
      return false;
    }
    List<MediaType> acceptable = headers.getAcceptableMediaTypes();
    if (acceptable.isEmpty()) {
      return false;
    }
    MediaType first = acceptable.get(0);
    return !first.isWildcardType()
        && !first.isWildcardSubtype()
        && first.isCompatible(MediaType.valueOf(TEXT_CSV));
  }

  /**
   * {@code text} as sent, quoted, with the instant {@code value} it stands for when that reads
   * differently (a date, an offset); only the instant when {@code text} was left out.
   */
  private static String asSent(String text, Instant value) {
    if (Problems.isBlank(text)) {
      return "(" + value + ")";
    }
    String sent = "'" + text + "'";
    return text.trim().equals(value.toString()) ? sent : sent + " (" + value + ")";
  }

  /**
   * An ISO date (the start of that UTC day, or for {@code to} the start of the next) or instant.
   */
  private static Instant instant(String name, String text, boolean endOfDay, Problems problems) {
    String value = text.trim();
    try {
      Instant instant;
      if (value.length() == 10) {
        LocalDate day = LocalDate.parse(value);
        instant = (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
      } else {
        instant = OffsetDateTime.parse(value).toInstant();
      }
      // PostgreSQL's timestamps and the rotations' calendar arithmetic end long before Java's
      // instants.
      if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
        problems.add(name + " '" + text + "' is outside the years 0001 to 9999");
        return null;
      }
      return instant;
    } catch (DateTimeParseException e) {
      problems.add(
          name
              + " '"
              + text
              + "' is not an ISO date (2025-05-01) or instant (2025-05-01T10:00:00Z)"
              + (value.contains(" ")
                  ? "; a + in a query string reads as a space: send the offset's + as %2B"
                  : ""));
      return null;
    }
  }
}
