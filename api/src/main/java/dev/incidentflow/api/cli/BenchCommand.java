package dev.incidentflow.api.cli;

import static java.util.Objects.requireNonNull;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.codahale.metrics.MetricRegistry;
import dev.incidentflow.api.IncidentFlowConfiguration;
import dev.incidentflow.api.bench.BenchOptions;
import dev.incidentflow.api.bench.BenchPolicy;
import dev.incidentflow.api.bench.BenchReport;
import dev.incidentflow.api.bench.BenchRun;
import dev.incidentflow.api.bench.BenchTarget;
import dev.incidentflow.api.bench.EmbeddedBackends;
import dev.incidentflow.api.bench.FakePagerDuty;
import dev.incidentflow.api.bench.FakeSlack;
import dev.incidentflow.api.bench.HttpFloorResource;
import dev.incidentflow.api.bench.Progress;
import dev.incidentflow.workflows.policy.Durations;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ServerCommand;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.lifecycle.ServerLifecycleListener;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.eclipse.jetty.server.Server;
import org.slf4j.LoggerFactory;

/**
 * {@code bench}: drives IncidentFlow under load and prints what it measured. By default it runs the
 * application as {@code dev} does (embedded Temporal test server and PostgreSQL, on free ports)
 * with Slack and PagerDuty replaced by local fakes and a policy with short timers; with {@code
 * --url} it drives a deployment that was pointed at the fakes beforehand. Exits non-zero when a
 * correctness check fails (duplicates, losses, errors); performance targets are reported only.
 */
public final class BenchCommand extends ServerCommand<IncidentFlowConfiguration> {
  private static final String DEFAULT_FILE = "config/dev.yml";
  private static final String LOCALHOST = "127.0.0.1";

  private final Consumer<BenchReport> reports;
  private Server server;
  private int port;
  private MetricRegistry metrics;

  public BenchCommand(Application<IncidentFlowConfiguration> application) {
    this(application, report -> System.out.print(report.table()));
  }

  /**
   * @param reports receives the report of each run (the command prints it)
   */
  public BenchCommand(
      Application<IncidentFlowConfiguration> application, Consumer<BenchReport> reports) {
    super(
        application,
        "bench",
        "Measures alert storms, alert-to-page latency and many open incidents");
    this.reports = requireNonNull(reports, "reports is null");
  }

  @Override
  public void configure(Subparser subparser) {
    super.configure(subparser);
    subparser
        .addArgument("--alerts")
        .dest("alerts")
        .type(Integer.class)
        .setDefault(10_000)
        .help("storm: alert deliveries");
    subparser
        .addArgument("--storm-warmup")
        .dest("stormWarmup")
        .type(Integer.class)
        .setDefault(5_000)
        .help("storm: deliveries to groups of their own first, not measured; 0 for none");
    subparser
        .addArgument("--groups")
        .dest("groups")
        .type(Integer.class)
        .setDefault(50)
        .help("storm: alert groups, one incident each");
    subparser
        .addArgument("--senders")
        .dest("senders")
        .type(Integer.class)
        .setDefault(32)
        .help("concurrent webhook senders");
    subparser
        .addArgument("--jdk-http-client")
        .dest("jdkHttpClient")
        .action(Arguments.storeTrue())
        .help(
            "senders post through the JDK's HttpClient (as before the thirtieth session), not each"
                + " on a kept-alive socket of its own (an https --url takes the HttpClient anyway)");
    subparser
        .addArgument("--page-samples")
        .dest("pageSamples")
        .type(Integer.class)
        .setDefault(100)
        .help("alert-to-page samples, each next to a floor sample; 0 skips");
    subparser
        .addArgument("--open-incidents")
        .dest("openIncidents")
        .type(Integer.class)
        .setDefault(2_000)
        .help("incidents open at once with live timers; 0 skips");
    subparser
        .addArgument("--hold")
        .dest("hold")
        .setDefault("60s")
        .help("how long the open incidents are watched after the last one paged");
    subparser
        .addArgument("--update-every")
        .dest("updateEvery")
        .setDefault("20s")
        .help("bench policy: SEV1 status update cadence");
    subparser
        .addArgument("--escalate-at")
        .dest("escalateAt")
        .setDefault("10s,20s")
        .help("bench policy: SEV1 escalation steps after the first page");
    subparser
        .addArgument("--no-timer-floor")
        .dest("noTimerFloor")
        .action(Arguments.storeTrue())
        .help("open incidents: skip the timer floor, which runs as long as --hold");
    subparser
        .addArgument("--timer-log")
        .dest("timerLog")
        .help(
            "open incidents: write every planned timer to this CSV file (incident, timer, due,"
                + " fired, lateness)");
    subparser
        .addArgument("--drain-timeout")
        .dest("drainTimeout")
        .setDefault("300s")
        .help("longest wait for pages to arrive and work to drain");
    subparser
        .addArgument("--url")
        .dest("url")
        .help(
            "drive a running deployment at this URL instead of embedding one (see --print-policy)");
    subparser
        .addArgument("--token")
        .dest("token")
        .help("with --url: the API token (default: $INCIDENTFLOW_API_TOKEN, else dev-token)");
    subparser
        .addArgument("--temporal")
        .dest("temporal")
        .help("with --url: the deployment's Temporal address, to measure the floor there");
    subparser
        .addArgument("--namespace")
        .dest("namespace")
        .setDefault("default")
        .help("with --temporal: the Temporal namespace");
    subparser
        .addArgument("--fakes-host")
        .dest("fakesHost")
        .setDefault(LOCALHOST)
        .help("with --url: where the fake Slack and PagerDuty listen");
    subparser
        .addArgument("--slack-port")
        .dest("slackPort")
        .type(Integer.class)
        .setDefault(0)
        .help("with --url: the fake Slack's port");
    subparser
        .addArgument("--pagerduty-port")
        .dest("pagerDutyPort")
        .type(Integer.class)
        .setDefault(0)
        .help("with --url: the fake PagerDuty's port");
    subparser
        .addArgument("--print-policy")
        .dest("printPolicy")
        .action(Arguments.storeTrue())
        .help("print the bench policy (for a deployment driven with --url) and exit");
    subparser
        .addArgument("--log-level")
        .dest("logLevel")
        .setDefault("WARN")
        .help("the application's log level during the run");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
    if (Boolean.TRUE.equals(namespace.getBoolean("printPolicy"))) {
      System.out.print(options(namespace).policy().yaml());
      return;
    }
    if (namespace.getString("url") != null) {
      runRemote(namespace);
      return;
    }
    if (namespace.getString("file") != null) {
      super.run(bootstrap, namespace);
      return;
    }
    Map<String, Object> attributes = new HashMap<>(namespace.getAttrs());
    attributes.put("file", DEFAULT_FILE);
    super.run(bootstrap, new Namespace(attributes));
  }

  @Override
  protected void run(
      Bootstrap<IncidentFlowConfiguration> bootstrap,
      Namespace namespace,
      IncidentFlowConfiguration config)
      throws Exception {
    BenchOptions options = options(namespace);
    quietLogs(namespace.getString("logLevel"));
    Path policyFile = options.policy().writeTemporaryFile();
    WorkflowServiceStubs floorStubs = null;
    try (FakeSlack slack = FakeSlack.start(LOCALHOST, 0);
        FakePagerDuty pagerDuty = FakePagerDuty.start(LOCALHOST, 0);
        EmbeddedBackends backends = EmbeddedBackends.start(config)) {
      config.setComponents(IncidentFlowConfiguration.Components.ALL);
      config.getSlack().setBotToken("xoxb-incidentflow-bench");
      config.getSlack().setApiUrl(slack.apiUrl(LOCALHOST));
      config.getPagerduty().setRoutingKey("BENCHROUTINGKEY0000000000000000");
      config.getPagerduty().setEventsUrl(pagerDuty.eventsUrl(LOCALHOST));
      config.setPolicyFile(policyFile.toString());
      bindFreePorts(config);
      Progress.say("starting the application: " + backends.description());
      super.run(bootstrap, namespace, config);
      try {
        floorStubs = config.getTemporal().buildStubs();
        WorkflowClient floorClient = config.getTemporal().buildClient(floorStubs);
        BenchTarget target =
            new BenchTarget(
                URI.create("http://" + LOCALHOST + ":" + port),
                config.getApiToken(),
                Optional.of(floorClient),
                "IncidentFlow API and worker in this JVM (as `dev` runs them); "
                    + backends.description(),
                Optional.of(config.getWorker().settings()),
                Optional.of(metrics),
                true,
                true);
        BenchReport report = new BenchRun(options, target, slack, pagerDuty).run();
        Progress.say("done; stopping the application");
        finish(report);
      } finally {
        if (floorStubs != null) {
          floorStubs.shutdown();
        }
        server.stop();
      }
    } finally {
      Files.deleteIfExists(policyFile);
    }
  }

  @Override
  protected void run(Environment environment, Namespace namespace, IncidentFlowConfiguration config)
      throws Exception {
    environment
        .lifecycle()
        .addServerLifecycleListener(
            new ServerLifecycleListener() {
              @Override
              public void serverStarted(Server started) {
                server = started;
                metrics = environment.metrics();
                port = getLocalPort(started);
              }
            });
    // Before the server starts, while Jersey still takes resources.
    environment.jersey().register(new HttpFloorResource());
    super.run(environment, namespace, config);
  }

  private void runRemote(Namespace namespace) throws Exception {
    BenchOptions options = options(namespace);
    String host = namespace.getString("fakesHost");
    WorkflowServiceStubs stubs = null;
    try (FakeSlack slack = FakeSlack.start(host, namespace.getInt("slackPort"));
        FakePagerDuty pagerDuty = FakePagerDuty.start(host, namespace.getInt("pagerDutyPort"))) {
      Progress.say(
          "fake Slack at "
              + slack.apiUrl(host)
              + ", fake PagerDuty at "
              + pagerDuty.eventsUrl(host)
              + "; the deployment must use them (SLACK_API_URL, PAGERDUTY_EVENTS_URL, any SLACK_BOT_TOKEN and"
              + " PAGERDUTY_ROUTING_KEY) and the policy of `bench --print-policy` (INCIDENTFLOW_POLICY)");
      Optional<WorkflowClient> temporal = Optional.empty();
      String temporalText = "no floor (no --temporal)";
      if (namespace.getString("temporal") != null) {
        stubs =
            WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder()
                    .setTarget(namespace.getString("temporal"))
                    .build());
        temporal =
            Optional.of(
                WorkflowClient.newInstance(
                    stubs,
                    WorkflowClientOptions.newBuilder()
                        .setNamespace(namespace.getString("namespace"))
                        .build()));
        temporalText = "floor on Temporal at " + namespace.getString("temporal");
      }
      String token =
          Optional.ofNullable(namespace.getString("token"))
              .or(() -> Optional.ofNullable(System.getenv("INCIDENTFLOW_API_TOKEN")))
              .orElse("dev-token");
      BenchTarget target =
          new BenchTarget(
              URI.create(namespace.getString("url")),
              token,
              temporal,
              "deployment at " + namespace.getString("url") + "; " + temporalText,
              Optional.empty(),
              Optional.empty(),
              false,
              false);
      finish(new BenchRun(options, target, slack, pagerDuty).run());
    } finally {
      if (stubs != null) {
        stubs.shutdown();
      }
    }
  }

  private void finish(BenchReport report) {
    reports.accept(report);
    List<BenchReport.Row> failed = report.failedChecks();
    if (!failed.isEmpty()) {
      throw new BenchFailedException(
          failed.size()
              + " correctness check(s) failed: "
              + String.join(
                  "; ",
                  failed.stream()
                      .map(
                          row ->
                              row.phase()
                                  + ": "
                                  + row.figure()
                                  + " = "
                                  + row.value()
                                  + ", expected "
                                  + row.target())
                      .toList()));
    }
  }

  static BenchOptions options(Namespace namespace) {
    List<Duration> escalateAt =
        Arrays.stream(namespace.getString("escalateAt").split(","))
            .map(String::trim)
            .filter(text -> !text.isEmpty())
            .map(Durations::parse)
            .toList();
    return new BenchOptions(
        namespace.getInt("alerts"),
        namespace.getInt("stormWarmup"),
        namespace.getInt("groups"),
        namespace.getInt("senders"),
        namespace.getInt("pageSamples"),
        namespace.getInt("openIncidents"),
        Durations.parse(namespace.getString("hold")),
        Durations.parse(namespace.getString("drainTimeout")),
        !Boolean.TRUE.equals(namespace.getBoolean("noTimerFloor")),
        Optional.ofNullable(namespace.getString("timerLog"))
            .map(Path::of)
            .map(BenchCommand::inWritableDirectory),
        Boolean.TRUE.equals(namespace.getBoolean("jdkHttpClient")),
        new BenchPolicy(Durations.parse(namespace.getString("updateEvery")), escalateAt));
  }

  /** Refused before the run rather than after it, which may take many minutes. */
  private static Path inWritableDirectory(Path file) {
    Path directory = file.toAbsolutePath().getParent();
    if (directory == null || !Files.isDirectory(directory) || !Files.isWritable(directory)) {
      throw new IllegalArgumentException("--timer-log: cannot write a file in " + directory);
    }
    if (Files.isDirectory(file) || (Files.exists(file) && !Files.isWritable(file))) {
      throw new IllegalArgumentException("--timer-log: cannot write " + file);
    }
    return file;
  }

  /** The bench answers on free ports, so it can run next to a dev stack on 8080. */
  private static void bindFreePorts(IncidentFlowConfiguration config) {
    if (config.getServerFactory() instanceof DefaultServerFactory factory) {
      for (ConnectorFactory connector : factory.getApplicationConnectors()) {
        if (connector instanceof HttpConnectorFactory http) {
          http.setPort(0);
        }
      }
      for (ConnectorFactory connector : factory.getAdminConnectors()) {
        if (connector instanceof HttpConnectorFactory http) {
          http.setPort(0);
        }
      }
    }
  }

  /** Info logs of every page and channel would bury the table and cost time the run measures. */
  private static void quietLogs(String level) {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
      Level wanted = Level.toLevel(level, Level.WARN);
      logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(wanted);
      logback.getLogger("dev.incidentflow").setLevel(wanted);
    }
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable error) {
    if (error instanceof BenchFailedException) {
      cli.getStdErr().println(error.getMessage());
      return;
    }
    StartupErrors.report(cli, error);
  }

  /** A correctness check failed; the command exits non-zero. */
  static final class BenchFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BenchFailedException(String message) {
      super(message);
    }
  }
}
