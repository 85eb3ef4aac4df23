package dev.incidentflow.api.core;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.api.errors.Problems;
import dev.incidentflow.api.json.Declaration;
import dev.incidentflow.workflows.incident.IncidentInput;
import dev.incidentflow.workflows.model.Severity;
import java.util.List;
import java.util.Map;

/**
 * Turns a person's declaration, from HTTP or from Slack, into the input that starts its incident.
 */
public final class Declarations {
  private final AlertMapper mapper;
  private final People people;

  public Declarations(AlertMapper mapper, People people) {
    this.mapper = requireNonNull(mapper, "mapper is null");
    this.people = requireNonNull(people, "people is null");
  }

  /**
   * The incident's input: the severity mapped through the policy's aliases, the service as the
   * catalog spells it ({@link AlertMapper#service}), its default service when none is named.
   *
   * @throws dev.incidentflow.api.errors.ApiException 422 naming every problem
   */
  public IncidentInput input(Declaration declaration) {
    requireNonNull(declaration, "declaration is null");
    Problems problems =
        new Problems()
            .requireText("title", declaration.title())
            .requireText("declaredBy", declaration.declaredBy());
    // A longer name could never be recorded (see AlertMapper.MAX_SERVICE_LENGTH): the incident
    // would never open. A person is told; an alert's name is cut instead.
    problems.check(
        Problems.isBlank(declaration.service())
            || AlertMapper.fitsAsService(declaration.service().strip()),
        "service is longer than " + AlertMapper.MAX_SERVICE_LENGTH + " characters");
    people.check(problems, "commander", declaration.commander());
    Severity severity = mapper.severity("severity", declaration.severity(), problems);
    problems.throwIfAny("invalid declaration");
    String service = mapper.service(declaration.service());
    String commander = people.handle(declaration.commander());
    return new IncidentInput(
        "declared",
        null,
        declaration.title().trim(),
        declaration.description(),
        severity,
        service,
        declaration.declaredBy().trim(),
        commander,
        Map.of(),
        List.of(),
        null);
  }
}
