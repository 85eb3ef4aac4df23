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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final DirectoryActivities directory;
  private final IncidentStoreActivities store;
  private final PagingActivities paging;
  private final Duration attempt;
  private final ExecutorService pager =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "first-page-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });

  public OpeningActivitiesImpl(
      DirectoryActivities directory, IncidentStoreActivities store, PagingActivities paging) {
    this(directory, store, paging, FIRST_PAGE_ATTEMPT);
  }

  OpeningActivitiesImpl(
      DirectoryActivities directory,
      IncidentStoreActivities store,
      PagingActivities paging,
      Duration attempt) {
    this.directory = requireNonNull(directory, "directory is null");
    this.store = requireNonNull(store, "store is null");
    this.paging = requireNonNull(paging, "paging is null");
    this.attempt = requireNonNull(attempt, "attempt is null");
  }

  @Override
  public Opening openIncident(NewIncident incident, ResponderQuery query) {
    Policy policy = directory.currentPolicy();
    IncidentNumber number = store.recordIncident(incident);
    Staffing staffing = directory.staffing(query);
    return new Opening(policy, number, staffing, tryFirstPage(incident, number, policy, staffing));
  }

  /** The first page's events PagerDuty accepted within {@link #attempt}. */
  private List<PagerEvent> tryFirstPage(
      NewIncident incident, IncidentNumber number, Policy policy, Staffing staffing) {
    if (staffing.firstPage() == null || !firstStepIsDueAtStart(policy, incident)) {
      return List.of();
    }
    List<PagerEvent> events =
        IncidentEffects.triggers(
            number.id(),
            incident.severity(),
            incident.service(),
            incident.title(),
            ChannelName.of(number.number(), incident.severity(), incident.title()),
            0,
            IncidentEffects.dedupKey(number.id(), 0),
            staffing.firstPageTargets().people());
    List<PagerEvent> sent = new ArrayList<>();
    Future<?> sending =
        pager.submit(
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
      log.warn("{}: PagerDuty took over {} for the first page", number.id(), attempt);
    } catch (ExecutionException e) {
      log.warn("{}: first page failed, to be sent again: {}", number.id(), e.getCause().toString());
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

  /** Whether the incident pages its first escalation step as soon as it is declared. */
  private static boolean firstStepIsDueAtStart(Policy policy, NewIncident incident) {
    EscalationPlan plan =
        new EscalationPlan(
            policy.row(incident.severity()).pagingChain(), incident.triggeredAt(), 0);
    return plan.isDue(IncidentStatus.TRIGGERED, incident.triggeredAt())
        && plan.decide(IncidentStatus.TRIGGERED) == EscalationPlan.Decision.FIRE;
  }
}
