package dev.incidentflow.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentflow.api.bench.TimerFloorWorkflow;
import dev.incidentflow.api.bench.TimerFloorWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EmbeddedTemporalServerTest {
  private static final String TASK_QUEUE = "embedded-temporal-test";
  private static final long[] TIMERS_MILLIS = {50, 100, 150};

  @Test
  void theTestServersOwnLockLogGrowsWithEveryTaskAndTimer() throws Exception {
    int port = freePort();
    TestServer.PortBoundTestServer server = TestServer.createPortBoundServer(port);
    try {
      int before = EmbeddedTemporalServer.lockLog(server).size();
      runTimerWorkflow(port, "first");
      int afterOne = EmbeddedTemporalServer.lockLog(server).size();
      runTimerWorkflow(port, "second");
      int afterTwo = EmbeddedTemporalServer.lockLog(server).size();

      // The premise of EmbeddedTemporalServer: every finished workflow leaves entries behind. If a
      // new test server version stops growing this list, the workaround can go.
      assertThat(afterOne).isGreaterThan(before);
      assertThat(afterTwo).isGreaterThan(afterOne);
    } finally {
      server.close();
    }
  }

  @Test
  void embeddedServerKeepsNoLockLogAndStillFiresEveryTimer() throws Exception {
    int port = freePort();
    TestServer.PortBoundTestServer server = EmbeddedTemporalServer.start(port);
    try {
      assertThat(EmbeddedTemporalServer.lockLog(server))
          .isInstanceOf(EmbeddedTemporalServer.DiscardedLockLog.class);

      long[] lateness = runTimerWorkflow(port, "only");

      assertThat(lateness).hasSize(TIMERS_MILLIS.length);
      assertThat(EmbeddedTemporalServer.lockLog(server)).isEmpty();
    } finally {
      server.close();
    }
  }

  @Test
  void discardedLockLogTakesEveryEntryAndGivesEachBack() {
    // The clock fails with "Unbalanced lock and unlock calls" when removing a lock's entry fails.
    EmbeddedTemporalServer.DiscardedLockLog log = new EmbeddedTemporalServer.DiscardedLockLog();
    Object entry = new Object();

    assertThat(log.add(entry)).isTrue();
    assertThat(log).isEmpty();
    assertThat(log.remove(entry)).isTrue();
  }

  /** Runs a workflow with three short timers on the server at {@code port}; its lateness. */
  private static long[] runTimerWorkflow(int port, String name) throws Exception {
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + port).build());
    WorkerFactory factory = WorkerFactory.newInstance(WorkflowClient.newInstance(service));
    try {
      factory
          .newWorker(TASK_QUEUE)
          .registerWorkflowImplementationTypes(TimerFloorWorkflowImpl.class);
      factory.start();
      TimerFloorWorkflow workflow =
          factory
              .getWorkflowClient()
              .newWorkflowStub(
                  TimerFloorWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setTaskQueue(TASK_QUEUE)
                      .setWorkflowId("timers-" + name)
                      .build());
      CompletableFuture<long[]> result =
          WorkflowClient.execute(workflow::run, System.currentTimeMillis(), TIMERS_MILLIS);
      return result.get(30, TimeUnit.SECONDS);
    } finally {
      factory.shutdown();
      factory.awaitTermination(10, TimeUnit.SECONDS);
      service.shutdown();
      service.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
