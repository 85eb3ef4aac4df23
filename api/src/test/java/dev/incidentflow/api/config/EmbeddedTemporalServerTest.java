package dev.incidentflow.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentflow.api.bench.TimerFloorWorkflow;
import dev.incidentflow.api.bench.TimerFloorWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.internal.testservice.TestServicesStarter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.lang.reflect.Field;
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
      TestServicesStarter services = servicesOf(server);
      WorkflowServiceStubsOptions target =
          WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + port).build();
      int before = EmbeddedTemporalServer.lockLog(services).size();
      runTimerWorkflow(target, "first");
      int afterOne = EmbeddedTemporalServer.lockLog(services).size();
      runTimerWorkflow(target, "second");
      int afterTwo = EmbeddedTemporalServer.lockLog(services).size();

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
    try (EmbeddedTemporalServer server = EmbeddedTemporalServer.start(freePort())) {
      assertThat(server.lockLog()).isInstanceOf(EmbeddedTemporalServer.DiscardedLockLog.class);

      long[] lateness =
          runTimerWorkflow(
              WorkflowServiceStubsOptions.newBuilder().setChannel(server.channel()).build(),
              "in-process");

      assertThat(lateness).hasSize(TIMERS_MILLIS.length);
      assertThat(server.lockLog()).isEmpty();
    }
  }

  @Test
  void closingTheServerClosesItsInProcessChannel() throws Exception {
    EmbeddedTemporalServer server = EmbeddedTemporalServer.start(freePort());
    server.close();

    assertThat(server.channel().isShutdown()).isTrue();
    assertThat(server.channel().isTerminated()).isTrue();
  }

  @Test
  void itsPortListensOnTheLoopbackAddressOnly() throws Exception {
    try (EmbeddedTemporalServer server = EmbeddedTemporalServer.start(freePort())) {
      assertThat(server.listenAddresses())
          .isNotEmpty()
          .allSatisfy(
              address ->
                  assertThat(
                          ((java.net.InetSocketAddress) address).getAddress().isLoopbackAddress())
                      .as("%s is a loopback address", address)
                      .isTrue());
    }
  }

  @Test
  void clientsOnThePortAndInProcessSeeTheSameWorkflows() throws Exception {
    try (EmbeddedTemporalServer server = EmbeddedTemporalServer.start(freePort())) {
      runTimerWorkflow(
          WorkflowServiceStubsOptions.newBuilder().setChannel(server.channel()).build(), "shared");

      WorkflowServiceStubs overTcp =
          WorkflowServiceStubs.newServiceStubs(
              WorkflowServiceStubsOptions.newBuilder()
                  .setTarget("127.0.0.1:" + server.port())
                  .build());
      try {
        long[] lateness =
            WorkflowClient.newInstance(overTcp)
                .newUntypedWorkflowStub("timers-shared")
                .getResult(10, TimeUnit.SECONDS, long[].class);
        assertThat(lateness).hasSize(TIMERS_MILLIS.length);
      } finally {
        overTcp.shutdown();
        overTcp.awaitTermination(10, TimeUnit.SECONDS);
      }
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

  /** Runs a workflow with three short timers on the server {@code target} names; its lateness. */
  private static long[] runTimerWorkflow(WorkflowServiceStubsOptions target, String name)
      throws Exception {
    WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(target);
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

  /** The services behind a stock port-bound test server, to read its lock log. */
  private static TestServicesStarter servicesOf(TestServer.PortBoundTestServer server)
      throws ReflectiveOperationException {
    Field field = server.getClass().getDeclaredField("testServicesStarter");
    field.setAccessible(true);
    return (TestServicesStarter) field.get(server);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
