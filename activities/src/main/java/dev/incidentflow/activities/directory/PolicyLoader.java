package dev.incidentflow.activities.directory;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.policy.ActionItemPolicy;
import dev.incidentflow.workflows.policy.Durations;
import dev.incidentflow.workflows.policy.EscalationStep;
import dev.incidentflow.workflows.policy.NotifyTarget;
import dev.incidentflow.workflows.policy.Policy;
import dev.incidentflow.workflows.policy.PostmortemPolicy;
import dev.incidentflow.workflows.policy.SeverityPolicy;
import dev.incidentflow.workflows.policy.StatusUpdatePolicy;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads policy.yml into the workflows' {@link Policy}, refusing anything it cannot make sense of:
 * unknown keys and severities, bad or negative durations, unknown notify targets and statuses, a
 * channel to invite stakeholders from, escalation steps out of order, a paging severity without
 * steps, an alias two severities claim. Every refusal is a {@link ConfigurationError} naming the
 * file and the key.
 */
public final class PolicyLoader {
  /** Where {@code statusUpdates.audience} may send updates. */
  private static final Set<String> AUDIENCES = Set.of("channel", "stakeholders");

  private final String source;

  private PolicyLoader(String source) {
    this.source = requireNonNull(source, "source is null");
  }

  /** Loads the policy from a file; errors name the file as given. */
  public static Policy load(Path file) {
    return new PolicyLoader(file.toString()).convert(YamlDocument.read(file, PolicyYaml.class));
  }

  /**
   * Loads the policy from a stream, which the caller closes.
   *
   * @param source how errors name the stream, e.g. {@code policy.yml}
   */
  public static Policy load(InputStream in, String source) {
    return new PolicyLoader(source).convert(YamlDocument.read(in, source, PolicyYaml.class));
  }

  /** Loads the policy from a class path resource such as {@code incidentflow/policy.yml}. */
  public static Policy loadResource(String resource) {
    return new PolicyLoader("classpath:" + resource)
        .convert(YamlDocument.readResource(resource, PolicyYaml.class));
  }

  private Policy convert(PolicyYaml yaml) {
    Map<String, SeverityYaml> rows = present(yaml.severities(), "severities", "a row per severity");
    Map<Severity, SeverityPolicy> severities = new EnumMap<>(Severity.class);
    for (Map.Entry<String, SeverityYaml> row : rows.entrySet()) {
      String key = "severities." + row.getKey();
      Severity severity =
          Severity.parse(row.getKey())
              .orElseThrow(() -> error(key, "unknown severity (use SEV1, SEV2, SEV3 or SEV4)"));
      if (severities.containsKey(severity)) {
        throw error(key, "a second row for " + severity);
      }
      severities.put(severity, severity(key, severity, row.getValue()));
    }
    for (Severity severity : Severity.values()) {
      if (!severities.containsKey(severity)) {
        throw error("severities." + severity, "missing; every severity needs a row");
      }
    }
    checkAliases(severities);
    ActionItemPolicy actionItems =
        actionItems(present(yaml.actionItems(), "actionItems", "a mapping"));
    return construct("", () -> new Policy(severities, actionItems));
  }

  private SeverityPolicy severity(String key, Severity severity, SeverityYaml yaml) {
    present(yaml, key, "a mapping of description, aliases, page, statusUpdates, ...");
    List<String> aliases = names(key + ".aliases", yaml.aliases());
    boolean page = present(yaml.page(), key + ".page", "true or false");
    StatusUpdatePolicy statusUpdates = statusUpdates(key + ".statusUpdates", yaml.statusUpdates());
    Duration monitoringWindow = duration(key + ".monitoringWindow", yaml.monitoringWindow());
    List<EscalationStep> escalation = escalation(key + ".escalation", yaml.escalation());
    if (page && escalation.isEmpty()) {
      throw error(
          key + ".escalation",
          severity + " pages (page: true) but has no escalation steps; add one or set page: false");
    }
    PostmortemPolicy postmortem = postmortem(key + ".postmortem", yaml.postmortem());
    List<String> invite = invite(key + ".invite", yaml.invite());
    return construct(
        key,
        () ->
            new SeverityPolicy(
                yaml.description(),
                aliases,
                page,
                statusUpdates,
                monitoringWindow,
                escalation,
                postmortem,
                invite));
  }

  private StatusUpdatePolicy statusUpdates(String key, StatusUpdatesYaml yaml) {
    present(yaml, key, "a mapping of every and audience");
    Duration every = cadence(key + ".every", yaml.every());
    List<String> audience =
        yaml.audience() == null ? null : audience(key + ".audience", yaml.audience());
    return construct(key, () -> new StatusUpdatePolicy(every, audience));
  }

  /**
   * A missing {@code every} is refused; an explicit null means updates at open and resolve only.
   */
  private Duration cadence(String key, JsonNode every) {
    if (every == null) {
      throw error(
          key, "missing; give a duration like 15m, or null for updates at open and resolve only");
    }
    if (every.isNull()) {
      return null;
    }
    if (!every.isValueNode()) {
      throw error(key, "expected a duration like 15m, or null");
    }
    Duration cadence = duration(key, every.asText());
    if (cadence.isZero()) {
      throw error(key, "must be longer than 0; use null for updates at open and resolve only");
    }
    return cadence;
  }

  private List<String> audience(String key, List<String> yaml) {
    List<String> audience = names(key, yaml);
    for (int i = 0; i < audience.size(); i++) {
      if (!AUDIENCES.contains(audience.get(i))) {
        throw error(
            key + "[" + i + "]",
            "unknown audience '" + audience.get(i) + "' (use channel or stakeholders)");
      }
    }
    return audience;
  }

  private List<EscalationStep> escalation(String key, List<EscalationStepYaml> yaml) {
    if (yaml == null) {
      return List.of();
    }
    List<EscalationStep> steps = new ArrayList<>();
    for (int i = 0; i < yaml.size(); i++) {
      String stepKey = key + "[" + i + "]";
      EscalationStepYaml step = present(yaml.get(i), stepKey, "a mapping of after, unless, notify");
      Duration after = duration(stepKey + ".after", step.after());
      if (i > 0 && after.compareTo(steps.get(i - 1).after()) < 0) {
        throw error(
            stepKey + ".after",
            Durations.format(after)
                + " is earlier than the step before it ("
                + Durations.format(steps.get(i - 1).after())
                + "); list steps in order of after");
      }
      IncidentStatus unless = unless(stepKey + ".unless", step.unless());
      List<String> notify = present(step.targets(), stepKey + ".notify", "a list of targets");
      if (notify.isEmpty()) {
        throw error(stepKey + ".notify", "names nobody; give at least one target");
      }
      targets(stepKey + ".notify", notify);
      steps.add(construct(stepKey, () -> new EscalationStep(after, unless, notify)));
    }
    return steps;
  }

  /** Each a notify target; returns them parsed. */
  private List<NotifyTarget> targets(String key, List<String> targets) {
    List<NotifyTarget> parsed = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      try {
        parsed.add(NotifyTarget.parse(targets.get(i)));
      } catch (IllegalArgumentException e) {
        throw error(key + "[" + i + "]", e.getMessage());
      }
    }
    return parsed;
  }

  /** Optional; people only, since a channel cannot be invited into a channel. */
  private List<String> invite(String key, List<String> yaml) {
    if (yaml == null) {
      return List.of();
    }
    List<String> invite = names(key, yaml);
    List<NotifyTarget> targets = targets(key, invite);
    for (int i = 0; i < targets.size(); i++) {
      if (targets.get(i).kind() == NotifyTarget.Kind.CHANNEL) {
        throw error(
            key + "[" + i + "]",
            "'" + invite.get(i) + "' is a channel; invite names people (oncall:, role:, person:)");
      }
    }
    return invite;
  }

  private IncidentStatus unless(String key, String text) {
    if (text == null) {
      return null;
    }
    IncidentStatus status =
        IncidentStatus.parse(text)
            .orElseThrow(
                () ->
                    error(
                        key,
                        "'"
                            + text
                            + "' is not a status (use acknowledged, identified, mitigated"
                            + " or resolved)"));
    if (status == IncidentStatus.TRIGGERED) {
      throw error(key, "every incident has been triggered, so the step would never run");
    }
    return status;
  }

  private PostmortemPolicy postmortem(String key, PostmortemYaml yaml) {
    present(yaml, key, "a mapping of required and due");
    boolean required = present(yaml.required(), key + ".required", "true or false");
    Duration due = required || yaml.due() != null ? duration(key + ".due", yaml.due()) : null;
    Duration remindBefore =
        yaml.remindBefore() == null ? null : duration(key + ".remindBefore", yaml.remindBefore());
    return construct(key, () -> new PostmortemPolicy(required, due, remindBefore));
  }

  private ActionItemPolicy actionItems(ActionItemsYaml yaml) {
    Duration remindBefore = duration("actionItems.remindBefore", yaml.remindBefore());
    Duration escalateAfterOverdue =
        duration("actionItems.escalateAfterOverdue", yaml.escalateAfterOverdue());
    Duration pollEvery = duration("actionItems.pollEvery", yaml.pollEvery());
    if (pollEvery.isZero()) {
      throw error("actionItems.pollEvery", "must be longer than 0");
    }
    return construct(
        "actionItems", () -> new ActionItemPolicy(remindBefore, escalateAfterOverdue, pollEvery));
  }

  /** Aliases are matched case-insensitively, so two severities must never share one. */
  private void checkAliases(Map<Severity, SeverityPolicy> severities) {
    Map<String, Severity> owners = new HashMap<>();
    for (Severity severity : Severity.values()) {
      List<String> aliases = severities.get(severity).aliases();
      for (int i = 0; i < aliases.size(); i++) {
        String alias = aliases.get(i);
        String key = "severities." + severity + ".aliases[" + i + "]";
        Severity named = Severity.parse(alias).orElse(severity);
        if (named != severity) {
          throw error(
              key, "'" + alias + "' is the name of " + named + ", not an alias of " + severity);
        }
        Severity owner = owners.putIfAbsent(alias.trim().toLowerCase(Locale.ROOT), severity);
        if (owner != null && owner != severity) {
          throw error(
              key,
              "'"
                  + alias
                  + "' is an alias of both "
                  + owner
                  + " and "
                  + severity
                  + " (aliases are matched case-insensitively)");
        }
      }
    }
  }

  private Duration duration(String key, String text) {
    if (text == null) {
      throw error(key, "missing; give a duration like 30s, 5m, 24h or 2d");
    }
    if (text.trim().startsWith("-")) {
      throw error(key, "'" + text + "' is not a duration: durations cannot be negative");
    }
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw error(key, e.getMessage());
    }
  }

  private List<String> names(String key, List<String> names) {
    if (names == null) {
      return List.of();
    }
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i) == null || names.get(i).isBlank()) {
        throw error(key + "[" + i + "]", "is empty");
      }
    }
    return names.stream().map(String::trim).toList();
  }

  private <T> T present(T value, String key, String expected) {
    if (value == null) {
      throw error(key, "missing; expected " + expected);
    }
    return value;
  }

  /** Backstop: a record invariant this loader did not check first still names the key. */
  private <T> T construct(String key, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw error(key, e.getMessage());
    }
  }

  private ConfigurationError error(String key, String problem) {
    return new ConfigurationError(source, key, problem);
  }
}
