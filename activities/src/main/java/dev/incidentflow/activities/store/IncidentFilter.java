package dev.incidentflow.activities.store;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.activities.IncidentNumber;
import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.Severity;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@link IncidentRepository#list} returns: the incidents matching every given criterion. An
 * empty set (or, for text, null or blank) matches everything; a set matches any of its values.
 *
 * @param services the services' exact names
 * @param q full-text search over title, description, status updates and decisions in web-search
 *     syntax ({@code db timeout}, {@code "connection pool" -replica}, {@code checkout or
 *     payments}); when given, the best matches come first
 * @param before null for the first page; otherwise only incidents listed after this one (in the
 *     list's order), which need not match the filter itself: the last incident of the previous page
 * @param limit at most this many incidents, 1 to {@value #MAX_LIMIT}
 */
public record IncidentFilter(
    Set<IncidentStatus> statuses,
    Set<Severity> severities,
    Set<String> services,
    String q,
    IncidentNumber before,
    int limit) {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 500;

  public IncidentFilter {
    statuses = Set.copyOf(requireNonNull(statuses, "statuses is null"));
    severities = Set.copyOf(requireNonNull(severities, "severities is null"));
    services =
        requireNonNull(services, "services is null").stream()
            .map(IncidentFilter::blankToNull)
            .filter(service -> service != null)
            .collect(Collectors.toUnmodifiableSet());
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
    q = blankToNull(q);
  }

  /**
   * The first {@value #DEFAULT_LIMIT} incidents with this status, severity and service (each null
   * for any).
   */
  public IncidentFilter(IncidentStatus status, Severity severity, String service, String q) {
    this(
        status == null ? Set.of() : Set.of(status),
        severity == null ? Set.of() : Set.of(severity),
        service == null ? Set.of() : Set.of(service),
        q,
        null,
        DEFAULT_LIMIT);
  }

  /** The newest {@value #DEFAULT_LIMIT} incidents, unfiltered. */
  public static IncidentFilter newest() {
    return new IncidentFilter(null, null, null, null);
  }

  public IncidentFilter withLimit(int newLimit) {
    return new IncidentFilter(statuses, severities, services, q, before, newLimit);
  }

  /** The page after {@code incident}, the last one of the page before. */
  public IncidentFilter after(IncidentNumber incident) {
    return new IncidentFilter(
        statuses, severities, services, q, requireNonNull(incident, "incident is null"), limit);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
