package dev.incidentflow.workflows.incident;

import dev.incidentflow.workflows.activities.DirectoryActivities;
import dev.incidentflow.workflows.activities.ResolvedTargets;
import dev.incidentflow.workflows.activities.ResponderQuery;
import dev.incidentflow.workflows.activities.Responders;
import dev.incidentflow.workflows.activities.ServiceInfo;
import dev.incidentflow.workflows.activities.Staffing;
import dev.incidentflow.workflows.activities.TargetQuery;
import dev.incidentflow.workflows.model.Person;
import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A fixed catalog: alice is primary and bob secondary for every service; dana is engineering
 * manager, erin VP, frank executive. {@code role:nobody-home} resolves to nobody.
 */
final class FakeDirectory implements DirectoryActivities {
  static final Map<String, Person> PEOPLE =
      Map.of(
          "alice", person("alice", "U0ALICE", "dana"),
          "bob", person("bob", "U0BOB", "dana"),
          "dana", person("dana", "U0DANA", "erin"),
          "erin", person("erin", "U0ERIN", "frank"),
          "frank", person("frank", "U0FRANK", null),
          "carol", person("carol", "U0CAROL", "dana"));
  private static final Map<String, String> ROLES =
      Map.of("engineering-manager", "dana", "vp-engineering", "erin", "executive", "frank");

  private volatile Policy policy;

  /** Changes what {@link #staffing} answers, to make it disagree with the other lookups. */
  volatile UnaryOperator<Staffing> staffingTwist = UnaryOperator.identity();

  FakeDirectory(Policy policy) {
    this.policy = policy;
  }

  void setPolicy(Policy changed) {
    this.policy = changed;
  }

  @Override
  public Policy currentPolicy() {
    return policy;
  }

  @Override
  public Responders responders(ResponderQuery query) {
    Person commander =
        query.commander() == null
            ? PEOPLE.get("alice")
            : PEOPLE.getOrDefault(query.commander(), Person.ofHandle(query.commander()));
    // As the shipped policy does, SEV1 invites the engineering manager to the channel.
    List<Person> stakeholders =
        query.severity() == Severity.SEV1 ? List.of(PEOPLE.get("dana")) : List.of();
    return new Responders(
        service(query.service()), PEOPLE.get("alice"), PEOPLE.get("bob"), commander, stakeholders);
  }

  @Override
  public Staffing staffing(ResponderQuery query) {
    return staffingTwist.apply(Staffing.lookUp(this, policy, query));
  }

  /** While true, looking up escalation targets fails, as with the catalog's database down. */
  volatile boolean targetsDown;

  @Override
  public ResolvedTargets resolveTargets(TargetQuery query) {
    if (targetsDown) {
      throw new IllegalStateException("connection refused");
    }
    List<Person> people = new ArrayList<>();
    List<String> channels = new ArrayList<>();
    List<String> unresolved = new ArrayList<>();
    for (String target : query.targets()) {
      String name = target.substring(target.indexOf(':') + 1);
      String handle =
          switch (target.substring(0, target.indexOf(':'))) {
            case "oncall" -> name.equals("primary") ? "alice" : "bob";
            case "role" -> query.incidentRoles().getOrDefault(name, ROLES.get(name));
            case "person" -> name;
            default -> null;
          };
      if (target.startsWith("channel:")) {
        channels.add(name);
      } else if (handle == null || !PEOPLE.containsKey(handle)) {
        unresolved.add(target);
      } else if (!people.contains(PEOPLE.get(handle))) {
        people.add(PEOPLE.get(handle));
      }
    }
    return new ResolvedTargets(people, channels, unresolved);
  }

  static ServiceInfo service(String name) {
    return new ServiceInfo(
        name,
        "payments",
        "payments-oncall",
        "https://runbooks.example.com/" + name,
        "https://grafana.example.com/d/" + name,
        List.of(),
        "PAY",
        "incidents");
  }

  private static Person person(String handle, String slackId, String manager) {
    return new Person(handle, handle, handle + "@example.com", slackId, null, null, manager);
  }
}
