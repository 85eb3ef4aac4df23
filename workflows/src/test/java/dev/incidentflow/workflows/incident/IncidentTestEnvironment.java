package dev.incidentflow.workflows.incident;

import dev.incidentflow.workflows.activities.IncidentSnapshot;
import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.model.TimelineEvent;
import dev.incidentflow.workflows.model.TimelineEventType;
import dev.incidentflow.workflows.policy.TestPolicies;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A time-skipping Temporal test server with the incident workflow on its task queue and fake
 * Slack, PagerDuty, catalog and store. Register with {@code @RegisterExtension}.
 */
final class IncidentTestEnvironment implements BeforeEachCallback, AfterEachCallback {
  final FakeStore store = new FakeStore();
  final FakeDirectory directory = new FakeDirectory(TestPolicies.defaults());
  final FakeSlack slack = new FakeSlack();
  final FakePaging paging = new FakePaging();
  private final IncidentWorkflowSettings settings;
  private TestWorkflowEnvironment env;
  private Worker worker;

  IncidentTestEnvironment() {
    this(IncidentWorkflowSettings.defaults());
  }

  IncidentTestEnvironment(IncidentWorkflowSettings settings) {
    this.settings = settings;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    env = TestWorkflowEnvironment.newInstance();
    env.registerSearchAttribute("IncidentNumber", IndexedValueType.INDEXED_VALUE_TYPE_INT);
    env.registerSearchAttribute("IncidentSeverity", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    env.registerSearchAttribute("IncidentService", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    env.registerSearchAttribute("IncidentStatus", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    startWorker();
    env.start();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    env.close();
  }

  /** Registers a worker with the fakes; a second call models a new worker process. */
  void startWorker() {
    worker = env.newWorker(IncidentWorkflow.TASK_QUEUE);
    worker.registerWorkflowImplementationFactory(IncidentWorkflow.class, () -> new IncidentWorkflowImpl(settings));
    worker.registerActivitiesImplementations(store, directory, slack, paging);
  }

  TestWorkflowEnvironment env() {
    return env;
  }

  WorkflowClient client() {
    return env.getWorkflowClient();
  }

  /** Starts an incident as an alert's first delivery would, and waits until it is recorded. */
  IncidentWorkflow startAlertIncident(String workflowId, Severity severity) {
    IncidentWorkflow incident = stub(workflowId);
    IncidentInput input = new IncidentInput("alertmanager", "group-" + workflowId, "Checkout error budget burn",
        "5xx ratio 3.2%", severity, "checkout", "system", null, Map.of(), List.of(), null);
    WorkflowClient.start(incident::run, input);
    incident.alert(firing(workflowId));
    incident.registered();
    return incident;
  }

  AlertEvent firing(String workflowId) {
    return new AlertEvent(true, "alertmanager", "group-" + workflowId, "Checkout error budget burn", "critical",
        now(), 2, Map.of("service", "checkout"), List.of("http://prometheus.example.com/graph"));
  }

  AlertEvent resolvedAlert(String workflowId) {
    return new AlertEvent(false, "alertmanager", "group-" + workflowId, "Checkout error budget burn", "critical",
        now(), 2, Map.of("service", "checkout"), List.of());
  }

  IncidentWorkflow stub(String workflowId) {
    return client().newWorkflowStub(IncidentWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue(IncidentWorkflow.TASK_QUEUE).build());
  }

  IncidentWorkflow existing(String workflowId) {
    return client().newWorkflowStub(IncidentWorkflow.class, workflowId);
  }

  IncidentOutcome awaitOutcome(String workflowId) {
    return WorkflowStub.fromTyped(existing(workflowId)).getResult(IncidentOutcome.class);
  }

  /** Advances the test server's clock, firing every timer due on the way. */
  void sleep(Duration duration) {
    env.sleep(duration);
  }

  Instant now() {
    return Instant.ofEpochMilli(env.currentTimeMillis());
  }

  IncidentSnapshot incident(long number) {
    return store.incident(number);
  }

  List<TimelineEventType> timelineTypes(long number) {
    return store.types(number);
  }

  List<TimelineEvent> events(long number, TimelineEventType type) {
    return store.timeline(number).stream().filter(event -> event.type() == type).toList();
  }
}
