package dev.incidentflow.api.core;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidentflow.api.errors.Problems;
import dev.incidentflow.api.json.AlertmanagerAlert;
import dev.incidentflow.api.json.AlertmanagerPayload;
import dev.incidentflow.api.json.GenericAlert;
import dev.incidentflow.workflows.incident.AlertEvent;
import dev.incidentflow.workflows.incident.IncidentInput;
import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.policy.Policy;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns alert webhooks into what an incident workflow takes: the group's workflow id, the input
 * that starts its incident and the alert signal. The service comes from the {@code service} label,
 * the severity from the {@code severity} label through the policy's aliases.
 */
public final class AlertMapper {
  /**
   * The longest service name an alert gives its incident, in characters; a longer one is cut. The
   * store indexes the name (an index row holds about 2.7 kB) and Temporal keeps it as a keyword
   * search attribute, so an incident with a much longer one could never be recorded: it would never
   * open, and nobody would be paged. Deploys refuse a longer name (DeploysResource).
   */
  public static final int MAX_SERVICE_LENGTH = 200;

  /**
   * The longest description an incident takes from an alert delivery, in characters: Grafana's
   * {@code message} lists every alert of the group, megabytes for a large one, and a delivery past
   * what Temporal takes in one payload (2 MB by default) would fail.
   */
  static final int MAX_DESCRIPTION_LENGTH = 4_000;

  /** The most links an incident takes from one delivery: each alert of a group may name its own. */
  static final int MAX_LINKS = 20;

  /**
   * The status Grafana's default notification title starts with ({@code [FIRING:2] HighCpu (web)}),
   * which counts the alerts of the delivery that opened the incident and says nothing about it
   * later.
   */
  private static final Pattern GRAFANA_STATUS_PREFIX =
      Pattern.compile("^\\[(?:FIRING(?::\\d+)?|RESOLVED)\\]\\s*", Pattern.CASE_INSENSITIVE);

  private final Policy policy;
  private final String defaultService;
  private final UnaryOperator<String> serviceNames;
  private final Clock clock;

  /**
   * @param serviceNames how the catalog spells a service name ({@code Catalog#serviceName})
   */
  public AlertMapper(
      Policy policy, String defaultService, UnaryOperator<String> serviceNames, Clock clock) {
    this.policy = requireNonNull(policy, "policy is null");
    this.defaultService = requireNonNull(defaultService, "defaultService is null");
    this.serviceNames = requireNonNull(serviceNames, "serviceNames is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /**
   * The service an incident is for: {@code named} as the catalog spells it ({@code Checkout} is the
   * catalog's {@code checkout}), or the default service when {@code named} is blank.
   */
  public String service(String named) {
    return Problems.isBlank(named) ? defaultService : serviceNames.apply(named.strip());
  }

  /** One alert group delivery, mapped. */
  public record MappedAlert(String workflowId, IncidentInput input, AlertEvent event) {

    public MappedAlert {
      requireNonNull(workflowId, "workflowId is null");
      requireNonNull(event, "event is null");
    }

    /** What was left out of the delivery to take the rest, for the sender and the timeline. */
    public List<String> warnings() {
      return event.warnings();
    }
  }

  /** Maps an Alertmanager or Grafana delivery; a 422 names whatever is missing or unknown. */
  public MappedAlert fromAlertmanager(String source, AlertmanagerPayload payload) {
    String status = status(payload.status());
    Problems problems = new Problems().requireText("groupKey", payload.groupKey());
    if (Problems.isBlank(payload.groupKey()) && isPresent(payload.dedupKey())) {
      problems.add(
          "this body has a dedupKey, as a generic alert has: send generic alerts to POST"
              + " /v1/alerts");
    }
    problems.check(
        status != null, "status must be firing or resolved, not " + quote(payload.status()));
    boolean firing = "firing".equals(status);
    Map<String, String> labels = new HashMap<>();
    payload.alerts().forEach(alert -> labels.putAll(alert.labels()));
    labels.putAll(payload.groupLabels());
    labels.putAll(payload.commonLabels());
    List<String> warnings = new ArrayList<>();
    Optional<Severity> severity = severityOf(payload, problems, warnings, firing);
    problems.throwIfAny("invalid " + source + " webhook");

    String service =
        alertService(
            firstText(
                payload.commonLabels().get("service"),
                payload.groupLabels().get("service"),
                payload.alerts().stream()
                    .map(a -> a.labels().get("service"))
                    .filter(Objects::nonNull)
                    .findFirst()
                    .orElse(null),
                defaultService));
    String title =
        firstText(
            payload.commonAnnotations().get("summary"),
            withoutStatusPrefix(payload.title()),
            payload.groupLabels().get("alertname"),
            labels.get("alertname"),
            "Alert group " + payload.groupKey());
    String description =
        cut(
            firstText(payload.commonAnnotations().get("description"), payload.message(), ""),
            MAX_DESCRIPTION_LENGTH);
    Set<String> links = new LinkedHashSet<>();
    for (AlertmanagerAlert alert : payload.alerts()) {
      Stream.of(
              alert.annotations().get("runbook_url"),
              alert.dashboardUrl(),
              alert.panelUrl(),
              alert.generatorUrl())
          .filter(link -> !Problems.isBlank(link))
          .forEach(links::add);
    }
    Map<String, String> context = new HashMap<>(labels);
    putIfText(
        context,
        "runbook_url",
        firstText(
            payload.commonAnnotations().get("runbook_url"),
            payload.alerts().stream()
                .map(a -> a.annotations().get("runbook_url"))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null),
            null));
    putIfText(
        context,
        "dashboard_url",
        payload.alerts().stream()
            .map(AlertmanagerAlert::dashboardUrl)
            .filter(Objects::nonNull)
            .findFirst()
            .orElse(null));
    String dedupKey = groupKeyOf(payload);
    String workflowId = AlertWorkflowIds.of(source, dedupKey);
    AlertEvent event =
        new AlertEvent(
            firing,
            source,
            dedupKey,
            title,
            labels.get("severity"),
            severity.orElse(null),
            clock.instant(),
            payload.alerts().size() + count(payload.truncatedAlerts()),
            context,
            links.stream().limit(MAX_LINKS).toList(),
            firing ? alertStarts(payload) : List.of(),
            warnings);
    IncidentInput input =
        firing
            ? new IncidentInput(
                source,
                dedupKey,
                title,
                description,
                severity.orElseThrow(),
                service,
                "system",
                null,
                context,
                links.stream().limit(MAX_LINKS).toList(),
                null)
            : null;
    return new MappedAlert(workflowId, input, event);
  }

  /**
   * Maps a generic alert. Only what IncidentFlow cannot act on without is required: the {@code
   * dedupKey} that groups its deliveries, its {@code status}, and, firing, a {@code severity} (or a
   * {@code severity} label) the policy knows, which decides who is paged. The title falls back to
   * the {@code alertname} label, then the dedup key.
   */
  public MappedAlert fromGeneric(GenericAlert alert) {
    String status = status(alert.status());
    Problems problems =
        new Problems()
            .requireText("dedupKey", alert.dedupKey())
            .check(
                status != null, "status must be firing or resolved, not " + quote(alert.status()));
    boolean firing = "firing".equals(status);
    boolean severityField = !Problems.isBlank(alert.severity());
    String severityText = severityField ? alert.severity() : alert.labels().get("severity");
    Optional<Severity> severity = Optional.empty();
    if (firing) {
      severity = policy.severityFor(severityText);
      if (Problems.isBlank(severityText)) {
        problems.add("severity is required (or a severity label)");
      } else if (severity.isEmpty()) {
        problems.add(unknownSeverity(severityField ? "severity" : "labels.severity", severityText));
      }
    }
    if (!problems.isEmpty()) {
      misdirection(alert).ifPresent(problems::add);
    }
    problems.throwIfAny("invalid alert");
    String service =
        alertService(firstText(alert.service(), alert.labels().get("service"), defaultService));
    String title = firstText(alert.title(), alert.labels().get("alertname"), alert.dedupKey());
    String workflowId = AlertWorkflowIds.of("generic", alert.dedupKey());
    AlertEvent event =
        new AlertEvent(
            firing,
            "generic",
            alert.dedupKey(),
            title,
            severityText,
            severity.orElse(null),
            clock.instant(),
            1,
            alert.labels(),
            alert.links().stream().limit(MAX_LINKS).toList(),
            List.of(),
            List.of());
    IncidentInput input =
        firing
            ? new IncidentInput(
                "generic",
                alert.dedupKey(),
                title,
                cut(alert.description(), MAX_DESCRIPTION_LENGTH),
                severity.orElseThrow(),
                service,
                "system",
                null,
                alert.labels(),
                alert.links().stream().limit(MAX_LINKS).toList(),
                null)
            : null;
    return new MappedAlert(workflowId, input, event);
  }

  /**
   * What a refused generic alert's fields say about why: an Alertmanager or Grafana body sent to
   * the generic path, or fields this format does not have (a misspelt {@code dedup_key}).
   */
  private static Optional<String> misdirection(GenericAlert alert) {
    Set<String> others = alert.otherFieldNames();
    if (others.contains("groupKey") || others.contains("alerts")) {
      return Optional.of(
          "this body has groupKey and alerts, as an Alertmanager or Grafana webhook has: send those"
              + " to POST /v1/alerts/alertmanager or /v1/alerts/grafana");
    }
    if (others.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "fields a generic alert does not have were ignored: "
            + String.join(", ", others.stream().sorted().toList())
            + " (it has dedupKey, status, service, severity, title, description, labels, links)");
  }

  /** Maps a severity as people write it (SEV2, P2, error), or explains why it cannot. */
  public Severity severity(String field, String text, Problems problems) {
    Optional<Severity> severity = policy.severityFor(text);
    if (Problems.isBlank(text)) {
      problems.add(field + " is required");
    } else if (severity.isEmpty()) {
      problems.add(unknownSeverity(field, text));
    }
    return severity.orElse(null);
  }

  private Optional<Severity> severityOf(
      AlertmanagerPayload payload, Problems problems, List<String> warnings, boolean firing) {
    String common = payload.commonLabels().get("severity");
    if (!Problems.isBlank(common)) {
      Optional<Severity> mapped = policy.severityFor(common);
      if (mapped.isEmpty() && firing) {
        problems.add(unknownSeverity("commonLabels.severity", common));
      }
      return mapped;
    }
    // Alerts of one group may disagree: the group is as severe as its worst alert still firing (one
    // that ended no longer says how bad things are), or of any alert when none that fires has a
    // severity label.
    List<String> firingLabels =
        firing ? severityLabels(payload, alert -> !"resolved".equals(alert.status())) : List.of();
    List<String> labels =
        firingLabels.isEmpty() ? severityLabels(payload, alert -> true) : firingLabels;
    Optional<Severity> worst =
        labels.stream()
            .map(policy::severityFor)
            .flatMap(Optional::stream)
            .min(Comparator.naturalOrder());
    if (!firing) {
      return worst;
    }
    List<String> unknown = labels.stream().filter(l -> policy.severityFor(l).isEmpty()).toList();
    if (labels.isEmpty()) {
      problems.add(
          "a severity label is required (commonLabels.severity or each alert's labels.severity)");
    } else if (worst.isEmpty()) {
      unknown.forEach(label -> problems.add(unknownSeverity("alerts[].labels.severity", label)));
    } else {
      // An alert whose label nobody can read must not take its group's known alerts down with it:
      // Alertmanager does not send a refused delivery again, and those alerts would page nobody.
      unknown.forEach(
          label ->
              warnings.add(
                  unknownSeverity("alerts[].labels.severity", label)
                      + "; the group fires at "
                      + worst.get()
                      + ", the worst severity of its alerts that the policy knows"));
    }
    return worst;
  }

  /**
   * The distinct severity labels of the alerts {@code counted} picks. An empty label is no label,
   * as in Prometheus.
   */
  private static List<String> severityLabels(
      AlertmanagerPayload payload, Predicate<AlertmanagerAlert> counted) {
    return payload.alerts().stream()
        .filter(counted)
        .map(alert -> alert.labels().get("severity"))
        .filter(label -> !Problems.isBlank(label))
        .distinct()
        .toList();
  }

  /**
   * The delivery's dedup key: its group key, and, from a Grafana organization other than the first,
   * that organization. Grafana's group keys do not name the organization, so two organizations'
   * rules of one name would otherwise share an incident, and one would fire into the other's.
   * Organization 1 (and a delivery that names none, as Alertmanager's) keeps the bare group key,
   * the key incidents opened before this have.
   */
  private static String groupKeyOf(AlertmanagerPayload payload) {
    return organization(payload.orgId())
        .map(org -> "orgId=" + org + " " + payload.groupKey())
        .orElse(payload.groupKey());
  }

  /** The organization {@code orgId} names, if any but the first. */
  static Optional<String> organization(JsonNode orgId) {
    if (orgId == null || !orgId.isValueNode() || orgId.isNull()) {
      return Optional.empty();
    }
    String text = orgId.asText().strip();
    if (orgId.isIntegralNumber() || text.matches("[+-]?\\d{1,18}")) {
      long number = orgId.isIntegralNumber() ? orgId.asLong() : Long.parseLong(text);
      return number == 1 ? Optional.empty() : Optional.of(Long.toString(number));
    }
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  /**
   * When the delivery's firing alerts started, for the incident to tell a firing sent again from
   * one that fired anew ({@link AlertEvent#alertStarts()}). None at all, so that the delivery
   * counts as new, as every delivery did before starts were read, when it cannot say for every
   * firing alert: one whose start is missing, not text, does not parse as RFC 3339 or is Go's zero
   * time, and a delivery Alertmanager cut short ({@code truncatedAlerts}), whose left-out alerts
   * may be the new ones.
   */
  static List<Instant> alertStarts(AlertmanagerPayload payload) {
    if (count(payload.truncatedAlerts()) > 0) {
      return List.of();
    }
    List<Optional<Instant>> starts =
        payload.alerts().stream()
            .filter(
                alert -> !"resolved".equalsIgnoreCase(Objects.toString(alert.status(), "").strip()))
            .map(alert -> start(alert.startsAt()))
            .toList();
    return starts.stream().allMatch(Optional::isPresent)
        ? starts.stream().map(Optional::get).toList()
        : List.of();
  }

  private static Optional<Instant> start(JsonNode startsAt) {
    if (startsAt == null || !startsAt.isTextual()) {
      return Optional.empty();
    }
    try {
      Instant start = OffsetDateTime.parse(startsAt.asText().strip()).toInstant();
      return start.isAfter(Instant.EPOCH) ? Optional.of(start) : Optional.empty();
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Alertmanager's {@code truncatedAlerts}: a count, or 0 for anything else. */
  static int count(JsonNode truncatedAlerts) {
    if (truncatedAlerts == null) {
      return 0;
    }
    if (truncatedAlerts.isTextual() && truncatedAlerts.asText().strip().matches("\\d{1,9}")) {
      return Integer.parseInt(truncatedAlerts.asText().strip());
    }
    // At most 999,999,999, as the text form: added to the delivery's alerts it cannot overflow.
    return truncatedAlerts.canConvertToInt() && truncatedAlerts.isIntegralNumber()
        ? Math.min(999_999_999, Math.max(0, truncatedAlerts.intValue()))
        : 0;
  }

  private static boolean isPresent(JsonNode node) {
    return node != null && !node.isNull() && !node.isMissingNode();
  }

  /** Grafana's title without the status it starts with ({@code [FIRING:2] HighCpu}). */
  static String withoutStatusPrefix(String title) {
    return title == null ? null : GRAFANA_STATUS_PREFIX.matcher(title).replaceFirst("");
  }

  /**
   * The service an alert names ({@link #service}), cut to {@link #MAX_SERVICE_LENGTH} characters
   * rather than refused: the alert still opens its incident and pages, under a name people will see
   * is wrong.
   */
  private String alertService(String named) {
    if (named == null) {
      return service(null);
    }
    String stripped = named.strip();
    if (fitsAsService(stripped)) {
      return service(stripped);
    }
    return service(stripped.substring(0, stripped.offsetByCodePoints(0, MAX_SERVICE_LENGTH - 1)))
        + "\u2026";
  }

  /** {@code text}, cut to {@code max} characters (code points) with an ellipsis when longer. */
  static String cut(String text, int max) {
    if (text == null || text.codePointCount(0, text.length()) <= max) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "\u2026";
  }

  /** Whether {@code name} is at most {@link #MAX_SERVICE_LENGTH} characters (code points). */
  static boolean fitsAsService(String name) {
    return name.codePointCount(0, name.length()) <= MAX_SERVICE_LENGTH;
  }

  private String unknownSeverity(String field, String text) {
    List<String> known =
        Stream.of(Severity.values())
            .flatMap(s -> Stream.concat(Stream.of(s.name()), policy.row(s).aliases().stream()))
            .toList();
    return field
        + " "
        + quote(text)
        + " is not a known severity or alias ("
        + String.join(", ", known)
        + ")";
  }

  /**
   * {@code firing} or {@code resolved} for a status that is either, written in any case and with
   * any blanks around it; null for anything else.
   */
  private static String status(String text) {
    if (text == null) {
      return null;
    }
    String status = text.strip().toLowerCase(Locale.ROOT);
    return "firing".equals(status) || "resolved".equals(status) ? status : null;
  }

  private static String quote(String text) {
    return text == null ? "missing" : "'" + text + "'";
  }

  private static void putIfText(Map<String, String> map, String key, String value) {
    if (!Problems.isBlank(value)) {
      map.put(key, value);
    }
  }

  private static String firstText(String... candidates) {
    for (String candidate : candidates) {
      if (!Problems.isBlank(candidate)) {
        return candidate;
      }
    }
    return candidates[candidates.length - 1];
  }
}
