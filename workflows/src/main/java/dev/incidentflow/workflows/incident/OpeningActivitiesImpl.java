package dev.incidentflow.workflows.incident;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.activities.DirectoryActivities;
import dev.incidentflow.workflows.activities.IncidentNumber;
import dev.incidentflow.workflows.activities.IncidentStoreActivities;
import dev.incidentflow.workflows.activities.NewIncident;
import dev.incidentflow.workflows.activities.Opening;
import dev.incidentflow.workflows.activities.OpeningActivities;
import dev.incidentflow.workflows.activities.PagerEvent;
import dev.incidentflow.workflows.activities.PagingActivities;
import dev.incidentflow.workflows.activities.ResponderQuery;
import dev.incidentflow.workflows.activities.Staffing;
import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.policy.EscalationPlan;
import dev.incidentflow.workflows.policy.Policy;
import io.temporal.activity.Activity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link OpeningActivities} over the worker's own catalog, store and pager, called directly. This
 * is an activity: it runs on the activity worker, never in workflow code. It sends the first page
 * as {@link IncidentEffects#triggers} builds it, so that the workflow can tell it was sent by
 * comparing the events.
 */
public final class OpeningActivitiesImpl implements OpeningActivities {
  private static final Logger log = LoggerFactory.getLogger(OpeningActivitiesImpl.class);

  /**
   * How long the first page may take here. Past it the incident goes on opening and its workflow
   * sends the page the usual way, retried without limit, while its record and channel do not wait.
   */
  static final Duration FIRST_PAGE_ATTEMPT = Duration.ofSeconds(2);

  /**
   * How long the record may take before the opening pages without it: a database that hangs rather
   * than refuses (a failover, a lost network) would otherwise hold the page until the activity's
   * 10-s timeout, every attempt. It takes milliseconds when the database is well.
   */
  static final Duration RECORD_WAIT = Duration.ofSeconds(5);

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final DirectoryActivities directory;
  private final IncidentStoreActivities store;
  private final PagingActivities paging;
  private final Duration attempt;
  private final Duration recordWait;
  private final Attempts attempts;

  /** Runs the record and the first page, each bounded in time. */
  private final ExecutorService bounded =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "opening-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });

  public OpeningActivitiesImpl(
      DirectoryActivities directory, IncidentStoreActivities store, PagingActivities paging) {
    this(directory, store, paging, FIRST_PAGE_ATTEMPT, RECORD_WAIT, new HeartbeatAttempts());
  }

  OpeningActivitiesImpl(
      DirectoryActivities directory,
      IncidentStoreActivities store,
      PagingActivities paging,
      Duration attempt,
      Duration recordWait,
      Attempts attempts) {
    this.directory = requireNonNull(directory, "directory is null");
    this.store = requireNonNull(store, "store is null");
    this.paging = requireNonNull(paging, "paging is null");
    this.attempt = requireNonNull(attempt, "attempt is null");
    this.recordWait = requireNonNull(recordWait, "recordWait is null");
    this.attempts = requireNonNull(attempts, "attempts is null");
  }

  /**
   * What one attempt of the opening leaves to the next: whether it paged before the incident had a
   * number, and under which key. Temporal keeps an activity's heartbeat across its attempts.
   */
  interface Attempts {
    /** The key an earlier attempt paged under without a number, if one did. */
    Optional<String> pagedUnnumbered();

    /** Tells later attempts that this one pages under {@code dedupKey} without a number. */
    void rememberPagedUnnumbered(String dedupKey);
  }

  /**
   * {@link Attempts} in the activity's heartbeat, which the SDK also sends with a failure. A
   * heartbeat refused because the worker is stopping ({@code ActivityWorkerShutdownException},
   * which the SDK 1.38 throws before it keeps the details) fails the attempt before it pages: a
   * page the next attempt cannot know of would be a second PagerDuty alert.
   */
  static final class HeartbeatAttempts implements Attempts {
    /** The heartbeat's details. */
    record PagedUnnumbered(String dedupKey) {}

    @Override
    public Optional<String> pagedUnnumbered() {
      return Activity.getExecutionContext()
          .getHeartbeatDetails(PagedUnnumbered.class)
          .map(PagedUnnumbered::dedupKey);
    }

    @Override
    public void rememberPagedUnnumbered(String dedupKey) {
      Activity.getExecutionContext().heartbeat(new PagedUnnumbered(dedupKey));
    }
  }

  @Override
  public Opening openIncident(NewIncident incident, ResponderQuery query) {
    Policy policy = directory.currentPolicy();
    Staffing staffing = directory.staffing(query);
    Optional<String> pagedUnnumbered = attempts.pagedUnnumbered();
    IncidentNumber number;
    try {
      number = record(incident);
    } catch (RuntimeException unrecorded) {
      if (pagesAtOnce(policy, incident, staffing)) {
        // On-call is paged while the database is down; the retry that records it keeps this key.
        String key = pagedUnnumbered.orElseGet(() -> unnumberedKey(incident));
        attempts.rememberPagedUnnumbered(key);
        log.warn(
            "{}: could not record the incident ({}); paging without its number",
            incident.workflowId(),
            unrecorded.toString());
        tryFirstPage(incident, null, key, policy, staffing);
      }
      throw unrecorded;
    }
    String key = pagedUnnumbered.orElse(IncidentEffects.dedupKey(number.id(), 0));
    return new Opening(
        policy,
        number,
        staffing,
        tryFirstPage(incident, number, key, policy, staffing),
        pagedUnnumbered.orElse(null));
  }

  /** Records the incident, or fails once {@link #recordWait} has passed. */
  private IncidentNumber record(NewIncident incident) {
    Future<IncidentNumber> recording = bounded.submit(() -> store.recordIncident(incident));
    try {
      return recording.get(recordWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "the database took over " + recordWait.toMillis() + " ms to record it");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while recording it", e);
    } finally {
      recording.cancel(true);
    }
  }

  /**
   * The dedup key of a first page sent before the incident has a number: unique to the incident
   * (its workflow's first run), not to its alert group, whose workflow id later incidents reuse.
   */
  static String unnumberedKey(NewIncident incident) {
    return "incidentflow-run-" + incident.firstRunId() + "-step-0";
  }

  /**
   * The first page's events PagerDuty accepted within {@link #attempt}, sent under {@code key}.
   *
   * @param number null while the incident has none: the page then names the service and title only
   */
  private List<PagerEvent> tryFirstPage(
      NewIncident incident, IncidentNumber number, String key, Policy policy, Staffing staffing) {
    if (!pagesAtOnce(policy, incident, staffing)) {
      return List.of();
    }
    String incidentId = number == null ? null : number.id();
    List<PagerEvent> events =
        IncidentEffects.triggers(
            incidentId,
            incident.severity(),
            incident.service(),
            incident.title(),
            number == null
                ? null
                : ChannelName.of(number.number(), incident.severity(), incident.title()),
            0,
            key,
            staffing.firstPageTargets().people());
    List<PagerEvent> sent = new ArrayList<>();
    Future<?> sending =
        bounded.submit(
            () -> {
              for (PagerEvent event : events) {
                paging.send(event);
                synchronized (sent) {
                  sent.add(event);
                }
              }
            });
    try {
      sending.get(attempt.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      log.warn("{}: PagerDuty took over {} for the first page", key, attempt);
    } catch (ExecutionException e) {
      log.warn("{}: first page failed, to be sent again: {}", key, e.getCause().toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // What was accepted in time; a send that ends after this is sent again by the workflow, under
    // the same dedup key.
    List<PagerEvent> accepted;
    synchronized (sent) {
      accepted = List.copyOf(sent);
    }
    sending.cancel(true);
    return accepted;
  }

  /** Whether the opening sends a first page: someone to page, and step 0 due at once. */
  private static boolean pagesAtOnce(Policy policy, NewIncident incident, Staffing staffing) {
    return staffing.firstPage() != null && firstStepIsDueAtStart(policy, incident);
  }

  /** Whether the incident pages its first escalation step as soon as it is declared. */
  private static boolean firstStepIsDueAtStart(Policy policy, NewIncident incident) {
    EscalationPlan plan =
        new EscalationPlan(
            policy.row(incident.severity()).pagingChain(), incident.triggeredAt(), 0);
    return plan.isDue(IncidentStatus.TRIGGERED, incident.triggeredAt())
        && plan.decide(IncidentStatus.TRIGGERED) == EscalationPlan.Decision.FIRE;
  }
}
