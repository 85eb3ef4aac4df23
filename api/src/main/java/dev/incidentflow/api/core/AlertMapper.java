package dev.incidentflow.api.core;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.api.errors.Problems;
import dev.incidentflow.api.json.AlertmanagerAlert;
import dev.incidentflow.api.json.AlertmanagerPayload;
import dev.incidentflow.api.json.GenericAlert;
import dev.incidentflow.workflows.incident.AlertEvent;
import dev.incidentflow.workflows.incident.IncidentInput;
import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.policy.Policy;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Turns alert webhooks into what an incident workflow takes: the group's workflow id, the input
 * that starts its incident and the alert signal. The service comes from the {@code service} label,
 * the severity from the {@code severity} label through the policy's aliases.
 */
public final class AlertMapper {
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
  public record MappedAlert(String workflowId, IncidentInput input, AlertEvent event) {}

  /** Maps an Alertmanager or Grafana delivery; a 422 names whatever is missing or unknown. */
  public MappedAlert fromAlertmanager(String source, AlertmanagerPayload payload) {
    Problems problems =
        new Problems()
            .requireText("groupKey", payload.groupKey())
            .check(
                isFiringOrResolved(payload.status()),
                "status must be firing or resolved, not " + quote(payload.status()));
    boolean firing = "firing".equals(payload.status());
    Map<String, String> labels = new HashMap<>();
    payload.alerts().forEach(alert -> labels.putAll(alert.labels()));
    labels.putAll(payload.groupLabels());
    labels.putAll(payload.commonLabels());
    Optional<Severity> severity = severityOf(payload, problems, firing);
    problems.throwIfAny("invalid " + source + " webhook");

    String service =
        service(
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
            payload.title(),
            payload.groupLabels().get("alertname"),
            labels.get("alertname"),
            "Alert group " + payload.groupKey());
    String description =
        firstText(payload.commonAnnotations().get("description"), payload.message(), "");
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
    String workflowId = AlertWorkflowIds.of(source, payload.groupKey());
    AlertEvent event =
        new AlertEvent(
            firing,
            source,
            payload.groupKey(),
            title,
            labels.get("severity"),
            severity.orElse(null),
            clock.instant(),
            payload.alerts().size(),
            context,
            List.copyOf(links));
    IncidentInput input =
        firing
            ? new IncidentInput(
                source,
                payload.groupKey(),
                title,
                description,
                severity.orElseThrow(),
                service,
                "system",
                null,
                context,
                List.copyOf(links),
                null)
            : null;
    return new MappedAlert(workflowId, input, event);
  }

  /** Maps a generic alert. */
  public MappedAlert fromGeneric(GenericAlert alert) {
    Problems problems =
        new Problems()
            .requireText("dedupKey", alert.dedupKey())
            .check(
                isFiringOrResolved(alert.status()),
                "status must be firing or resolved, not " + quote(alert.status()));
    boolean firing = "firing".equals(alert.status());
    Optional<Severity> severity = Optional.empty();
    if (firing) {
      problems.requireText("title", alert.title()).requireText("severity", alert.severity());
      severity = policy.severityFor(alert.severity());
      if (!Problems.isBlank(alert.severity()) && severity.isEmpty()) {
        problems.add(unknownSeverity("severity", alert.severity()));
      }
    }
    problems.throwIfAny("invalid alert");
    String service =
        service(firstText(alert.service(), alert.labels().get("service"), defaultService));
    String title = firstText(alert.title(), alert.dedupKey());
    String workflowId = AlertWorkflowIds.of("generic", alert.dedupKey());
    AlertEvent event =
        new AlertEvent(
            firing,
            "generic",
            alert.dedupKey(),
            title,
            alert.severity(),
            severity.orElse(null),
            clock.instant(),
            1,
            alert.labels(),
            alert.links());
    IncidentInput input =
        firing
            ? new IncidentInput(
                "generic",
                alert.dedupKey(),
                title,
                alert.description(),
                severity.orElseThrow(),
                service,
                "system",
                null,
                alert.labels(),
                alert.links(),
                null)
            : null;
    return new MappedAlert(workflowId, input, event);
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
      AlertmanagerPayload payload, Problems problems, boolean firing) {
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
    for (String label : labels) {
      if (policy.severityFor(label).isEmpty() && firing) {
        problems.add(unknownSeverity("alerts[].labels.severity", label));
      }
    }
    Optional<Severity> worst =
        labels.stream()
            .map(policy::severityFor)
            .flatMap(Optional::stream)
            .min(Comparator.naturalOrder());
    if (worst.isEmpty() && labels.isEmpty() && firing) {
      problems.add(
          "a severity label is required (commonLabels.severity or each alert's labels.severity)");
    }
    return worst;
  }

  private static List<String> severityLabels(
      AlertmanagerPayload payload, Predicate<AlertmanagerAlert> counted) {
    return payload.alerts().stream()
        .filter(counted)
        .map(alert -> alert.labels().get("severity"))
        .filter(Objects::nonNull)
        .toList();
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

  private static boolean isFiringOrResolved(String status) {
    return "firing".equals(status) || "resolved".equals(status);
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
