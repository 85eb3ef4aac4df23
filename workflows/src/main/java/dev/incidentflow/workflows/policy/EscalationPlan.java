package dev.incidentflow.workflows.policy;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.model.IncidentStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Where an incident stands in its escalation chain. Steps run in order; step {@code i} is due at
 * {@code startedAt + chain[i].after}. A due step is skipped when the incident has reached the
 * step's {@code unless} status, and nothing escalates once the incident is resolved.
 *
 * @param nextStep the index of the first step that has neither run nor been skipped
 * @param calledEarlier the targets called under the incident's earlier severities, sorted: a step
 *     of this chain leaves them out, and is skipped when it has nobody else to call (see {@link
 *     #replan(List, int, Collection)}); empty for a plan never replanned that way (and read as
 *     empty from plans carried before the field existed)
 */
public record EscalationPlan(
    List<EscalationStep> chain, Instant startedAt, int nextStep, List<String> calledEarlier) {

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
    calledEarlier = calledEarlier == null ? List.of() : List.copyOf(new TreeSet<>(calledEarlier));
  }

  public EscalationPlan(List<EscalationStep> chain, Instant startedAt, int nextStep) {
    this(chain, startedAt, nextStep, List.of());
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

  /**
   * Whether the next step fires, or is skipped because the incident reached its {@code unless} or
   * because everyone it calls was called under an earlier severity.
   */
  public Decision decide(IncidentStatus status) {
    EscalationStep step = chain.get(nextStep);
    return step.unless() != null && status.hasReached(step.unless()) || calledAlready(step)
        ? Decision.SKIP
        : Decision.FIRE;
  }

  public EscalationStep next() {
    return chain.get(nextStep);
  }

  /** Whom the next step calls: its targets but those called under an earlier severity. */
  public List<String> nextTargets() {
    return next().targets().stream().filter(target -> !calledEarlier.contains(target)).toList();
  }

  /** The plan past the steps ahead that would call nobody new (see {@link #calledEarlier}). */
  public EscalationPlan pastStepsCalledAlready() {
    int next = nextStep;
    while (next < chain.size() && calledAlready(chain.get(next))) {
      next++;
    }
    return next == nextStep ? this : new EscalationPlan(chain, startedAt, next, calledEarlier);
  }

  private boolean calledAlready(EscalationStep step) {
    return !calledEarlier.isEmpty()
        && !step.targets().isEmpty()
        && calledEarlier.containsAll(step.targets());
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
    return new EscalationPlan(chain, startedAt, next, calledEarlier);
  }

  /**
   * The plan with its steps ahead due {@code start} plus their {@code after}, as if the incident
   * had started then; the steps already run or skipped stay so.
   */
  public EscalationPlan countingFrom(Instant start) {
    return new EscalationPlan(chain, start, nextStep, calledEarlier);
  }

  public EscalationPlan advance() {
    return new EscalationPlan(chain, startedAt, nextStep + 1, calledEarlier);
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

  /**
   * The plan after a severity change, by whom the incident has called rather than by how many steps
   * ran. Counting steps alone skips people: an unacknowledged SEV2 pages the engineering manager at
   * its step 1, and raised to SEV1 after that it would go on at SEV1's step 2, so SEV1's step 1
   * never called the secondary on-call. Here the new chain goes on from its first step that calls
   * someone not called yet, if that is earlier than {@link #replan(List, int)} would; a step that
   * comes due then calls only the targets not called before the change, and is skipped when that
   * leaves nobody. Steps of the new chain that repeat each other's targets still run as written.
   * The change is a new reason to call: the new chain's steps already due are decided now, by their
   * {@code unless}, also those that came due while a reopened incident was resolved.
   *
   * @param stepsRun as for {@link #replan(List, int)}
   * @param called every target the incident has called so far, under any chain
   */
  public EscalationPlan replan(
      List<EscalationStep> newChain, int stepsRun, Collection<String> called) {
    int next = replan(newChain, stepsRun).nextStep();
    for (int i = 0; i < next; i++) {
      if (!called.containsAll(newChain.get(i).targets())) {
        next = i;
        break;
      }
    }
    return new EscalationPlan(newChain, startedAt, next, List.copyOf(called));
  }
}
