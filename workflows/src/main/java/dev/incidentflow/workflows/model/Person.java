package dev.incidentflow.workflows.model;

import static java.util.Objects.requireNonNull;

/**
 * A responder as the catalog knows them. Every contact field but {@code handle} may be null.
 *
 * @param pagerdutyRoutingKey this person's own PagerDuty routing key, or null for the default
 */
public record Person(
    String handle,
    String name,
    String email,
    String slackId,
    String jiraAccount,
    String pagerdutyRoutingKey,
    String manager) {

  public Person {
    requireNonNull(handle, "handle is null");
  }

  public static Person ofHandle(String handle) {
    return new Person(handle, handle, null, null, null, null, null);
  }
}
