package dev.incidentflow.workflows.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentflow.workflows.activities.NewIncident;
import dev.incidentflow.workflows.activities.Opening;
import dev.incidentflow.workflows.activities.OpeningActivities;
import dev.incidentflow.workflows.activities.ResponderQuery;
import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.policy.TestPolicies;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The opening activity run by real workers on the Temporal test server, with the heartbeat that
 * carries the key of a page sent without the incident's number from one attempt to the next.
 */
class OpeningAcrossWorkersTest {
  private static final String QUEUE = "opening";

  private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
  private final FakeDirectory directory = new FakeDirectory(TestPolicies.defaults());
  private final FakeStore store = new FakeStore();
  private final FakePaging paging = new FakePaging();

  @AfterEach
  void close() {
    env.close();
  }

  /** Calls the opening activity with the incident workflow's options, and nothing else. */
  @WorkflowInterface
  public interface OpenOnly {
    @WorkflowMethod
    Opening open(NewIncident incident, ResponderQuery query);
  }

  public static class OpenOnlyImpl implements OpenOnly {
    @Override
    public Opening open(NewIncident incident, ResponderQuery query) {
      return ActivityStubs.opening(OpeningActivities.class).openIncident(incident, query);
    }
  }

  @Test
  void anAttemptStoppedWithItsWorkerWhileTheDatabaseHangsPagesNothingTheNextAttemptCannotKnowOf()
      throws Exception {
    // The database hangs: the first attempt's record waits, past the opening's 5-s bound.
    CountDownLatch hanging = new CountDownLatch(1);
    store.recordsHeld = hanging;
    WorkerFactory first = env.getWorkerFactory();
    worker(first);
    env.start();
    WorkflowClient client = env.getWorkflowClient();
    OpenOnly open =
        client.newWorkflowStub(
            OpenOnly.class,
            WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId("open-a").build());
    WorkflowClient.start(open::open, incident(), query());
    Thread.sleep(1_000);

    // The worker is stopped (a deploy, a restart) while the attempt waits for the database.
    first.shutdown();
    WorkerFactory second = WorkerFactory.newInstance(client);
    worker(second);
    second.start();
    Thread.sleep(6_000); // the first attempt gives up on the record

    // The database is back before the next attempt.
    hanging.countDown();
    store.recordsHeld = null;
    // (The workflow task that would return the Opening waits on the stopped worker's sticky queue,
    // which the test server never times out: the pages tell what happened.)
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (paging.events.stream().noneMatch(event -> event.summary().contains("INC-1"))
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }

    // One alert in PagerDuty: the attempt that records it pages under the key already paged.
    assertThat(paging.events).anyMatch(event -> event.summary().contains("INC-1"));
    assertThat(paging.triggeredKeys().stream().distinct()).hasSize(1);
    second.shutdownNow();
  }

  private void worker(WorkerFactory factory) {
    Worker worker = factory.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(OpenOnlyImpl.class);
    worker.registerActivitiesImplementations(new OpeningActivitiesImpl(directory, store, paging));
  }

  private static NewIncident incident() {
    return new NewIncident(
        "alertmanager-group-a",
        "run-1",
        "Checkout error budget burn",
        "5xx ratio 3.2%",
        Severity.SEV1,
        "checkout",
        "alertmanager",
        "group-a",
        "system",
        Instant.now());
  }

  private static ResponderQuery query() {
    return new ResponderQuery("checkout", Instant.now(), null, Severity.SEV1);
  }
}
