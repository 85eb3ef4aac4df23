package dev.incidentflow.workflows.policy;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.model.IncidentStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where an incident stands in its escalation chain. Steps run in order; step {@code i} is due at
 * {@code startedAt + chain[i].after}. A due step is skipped when the incident has reached the
 * step's {@code unless} status, and nothing escalates once the incident is resolved.
 *
 * @param nextStep the index of the first step that has neither run nor been skipped
 */
public record EscalationPlan(List<EscalationStep> chain, Instant startedAt, int nextStep) {

  /** What to do about one step. */
  public enum Decision {
    FIRE,
    SKIP
  }

  public EscalationPlan {
    chain = List.copyOf(requireNonNull(chain, "chain is null"));
    requireNonNull(startedAt, "startedAt is null");
    if (nextStep < 0 || nextStep > chain.size()) {
      throw new IllegalArgumentException("nextStep out of range: " + nextStep);
    }
  }

  public boolean hasNextStep() {
    return nextStep < chain.size();
  }

  /** When the next step is due, or empty when the chain is done or the incident is not active. */
  public Optional<Instant> nextDueAt(IncidentStatus status) {
    if (!hasNextStep() || !status.isActive()) {
      return Optional.empty();
    }
    return Optional.of(startedAt.plus(chain.get(nextStep).after()));
  }

  /** Whether the next step is due at {@code now}. */
  public boolean isDue(IncidentStatus status, Instant now) {
    return nextDueAt(status).map(due -> !due.isAfter(now)).orElse(false);
  }

  /** Whether the next step fires or is skipped because the incident reached its {@code unless}. */
  public Decision decide(IncidentStatus status) {
    EscalationStep step = chain.get(nextStep);
    return step.unless() != null && status.hasReached(step.unless())
        ? Decision.SKIP
        : Decision.FIRE;
  }

  public EscalationStep next() {
    return chain.get(nextStep);
  }

  /**
   * The plan with every step due by {@code now} counted as skipped. A reopened incident goes on
   * with the steps still ahead of it: the ones that came due while it was resolved had their {@code
   * unless} met then, and paging them all at once on reopen would wake executives for an incident
   * that was handled in minutes.
   */
  public EscalationPlan skippingDueBy(Instant now) {
    int next = nextStep;
    while (next < chain.size() && !startedAt.plus(chain.get(next).after()).isAfter(now)) {
      next++;
    }
    return new EscalationPlan(chain, startedAt, next);
  }

  public EscalationPlan advance() {
    return new EscalationPlan(chain, startedAt, nextStep + 1);
  }

  /**
   * The plan after a severity change: the new chain, with as many leading steps counted as done as
   * had already run (or been skipped) under the old one, so a change never re-pages people who were
   * already paged at that level.
   *
   * @param stepsRun how many leading steps the incident has run under any earlier chain; a chain
   *     that does not page has no steps, so without it a change through a severity that does not
   *     page (SEV1 to SEV3 and back) would start over and page step 0 again
   */
  public EscalationPlan replan(List<EscalationStep> newChain, int stepsRun) {
    int done = Math.max(nextStep, stepsRun);
    return new EscalationPlan(newChain, startedAt, Math.min(done, newChain.size()));
  }
}
