package dev.incidentflow.workflows.activities;

import dev.incidentflow.workflows.policy.Policy;
import io.temporal.activity.ActivityInterface;

/** The catalog (people, roles, schedules, services) and the policy, as loaded at start. */
@ActivityInterface
public interface DirectoryActivities {

  /** The policy in force now; the workflow keeps it as its snapshot. Read-only. */
  Policy currentPolicy();

  /** The service's catalog entry and its on-call people at the given time. Read-only. */
  Responders responders(ResponderQuery query);

  /**
   * The responders, and the first escalation step's targets resolved as a new incident resolves
   * them (see {@link Staffing#lookUp}). Read-only.
   */
  Staffing staffing(ResponderQuery query);

  /** Resolves notify targets to people and channels at the given time. Read-only. */
  ResolvedTargets resolveTargets(TargetQuery query);
}
