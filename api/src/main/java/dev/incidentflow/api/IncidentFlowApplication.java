package dev.incidentflow.api;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.uber.m3.tally.Scope;
import com.uber.m3.tally.ScopeCloseException;
import dev.incidentflow.activities.directory.Directory;
import dev.incidentflow.activities.directory.DirectoryActivitiesImpl;
import dev.incidentflow.activities.slack.SlackSettings;
import dev.incidentflow.activities.store.CommentingTemplateEngine;
import dev.incidentflow.activities.store.DeployRepository;
import dev.incidentflow.activities.store.FollowUpRepository;
import dev.incidentflow.activities.store.IncidentChannelRepository;
import dev.incidentflow.activities.store.IncidentContextActivitiesImpl;
import dev.incidentflow.activities.store.IncidentJdbi;
import dev.incidentflow.activities.store.IncidentLibrary;
import dev.incidentflow.activities.store.IncidentMetricsRepository;
import dev.incidentflow.activities.store.IncidentRepository;
import dev.incidentflow.activities.store.IncidentStoreActivitiesImpl;
import dev.incidentflow.activities.store.Migrations;
import dev.incidentflow.activities.store.PostmortemStoreActivitiesImpl;
import dev.incidentflow.activities.store.TimelineActivitiesImpl;
import dev.incidentflow.api.auth.BearerTokenFilter;
import dev.incidentflow.api.auth.BodySizeLimitFilter;
import dev.incidentflow.api.auth.JiraWebhookVerifier;
import dev.incidentflow.api.auth.UnreadableContentTypeFilter;
import dev.incidentflow.api.cli.ApiServerCommand;
import dev.incidentflow.api.cli.BenchCommand;
import dev.incidentflow.api.cli.DevCommand;
import dev.incidentflow.api.cli.WorkerCommand;
import dev.incidentflow.api.config.DatabaseTimeouts;
import dev.incidentflow.api.config.DatabaseUrl;
import dev.incidentflow.api.config.FileOrResourceSourceProvider;
import dev.incidentflow.api.config.SearchAttributeRegistration;
import dev.incidentflow.api.config.TemporalSdkMetrics;
import dev.incidentflow.api.core.AlertIntake;
import dev.incidentflow.api.core.AlertMapper;
import dev.incidentflow.api.core.BoundedChanges;
import dev.incidentflow.api.core.Declarations;
import dev.incidentflow.api.core.FollowUpGateway;
import dev.incidentflow.api.core.FollowUpRequests;
import dev.incidentflow.api.core.IncidentContextLookup;
import dev.incidentflow.api.core.IncidentGateway;
import dev.incidentflow.api.core.IncidentLookup;
import dev.incidentflow.api.core.People;
import dev.incidentflow.api.errors.ApiExceptionMapper;
import dev.incidentflow.api.errors.JsonErrorMapper;
import dev.incidentflow.api.errors.JsonErrorPages;
import dev.incidentflow.api.errors.UnexpectedErrorMapper;
import dev.incidentflow.api.errors.WebApplicationErrorMapper;
import dev.incidentflow.api.health.TemporalHealthCheck;
import dev.incidentflow.api.resources.ActionItemResource;
import dev.incidentflow.api.resources.ActionItemsResource;
import dev.incidentflow.api.resources.AlertContentTypeFilter;
import dev.incidentflow.api.resources.AlertmanagerResource;
import dev.incidentflow.api.resources.AlertsResource;
import dev.incidentflow.api.resources.DeclarationResource;
import dev.incidentflow.api.resources.DeploysResource;
import dev.incidentflow.api.resources.IncidentActionItemsResource;
import dev.incidentflow.api.resources.IncidentResource;
import dev.incidentflow.api.resources.IncidentsResource;
import dev.incidentflow.api.resources.JiraWebhookResource;
import dev.incidentflow.api.resources.MetricsResource;
import dev.incidentflow.api.resources.PostmortemResource;
import dev.incidentflow.api.resources.PostmortemsResource;
import dev.incidentflow.api.slack.SlackCockpit;
import dev.incidentflow.api.slack.SlackProfiles;
import dev.incidentflow.api.slack.SlackResource;
import dev.incidentflow.api.slack.SlackResponder;
import dev.incidentflow.api.slack.SlackSignatureFilter;
import dev.incidentflow.api.slack.SlackUsers;
import dev.incidentflow.api.slack.SlackWebApiProfiles;
import dev.incidentflow.worker.IncidentActivities;
import dev.incidentflow.worker.IncidentWorker;
import dev.incidentflow.worker.WorkerSettings;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.lifecycle.Managed;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import jakarta.servlet.DispatcherType;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** IncidentFlow: the HTTP API, the Temporal worker, or both, wired by hand. */
public class IncidentFlowApplication extends Application<IncidentFlowConfiguration> {
  private static final Logger log = LoggerFactory.getLogger(IncidentFlowApplication.class);

  /** The largest request body accepted, but for alert deliveries: 1 MiB. */
  public static final int MAX_BODY_BYTES = 1 << 20;

  /**
   * The largest alert delivery accepted from a sender with the token: 16 MiB, an Alertmanager group
   * of some ten thousand alerts (1 to 1.5 kB each). A group past 1 MiB is what a cluster-wide
   * outage makes, and Alertmanager does not send a refused delivery again: its incident would page
   * nobody.
   */
  public static final int MAX_ALERT_BODY_BYTES = 16 << 20;

  /** Slack commands and clicks being carried out at once; more wait their turn. */
  private static final int SLACK_THREADS = 4;

  private static final int SLACK_ANSWER_THREADS = 8;

  /**
   * When a Slack command's work (an Update that waits for a worker, a declaration that waits for
   * its number) has not ended, the person who typed it is told it still runs: past the
   * declaration's own wait (10 s) and well within response_url's 30 minutes.
   */
  private static final Duration SLACK_STILL_WORKING_AFTER = Duration.ofSeconds(15);

  /** How long a Slack command waits for users.info before recording the Slack user name instead. */
  private static final Duration SLACK_PROFILE_WAIT = Duration.ofMillis(1500);

  /** How long a Slack user's profile email is trusted before it is asked again. */
  private static final Duration SLACK_PROFILES_REMEMBERED = Duration.ofMinutes(5);

  public static void main(String[] args) throws Exception {
    new IncidentFlowApplication().run(args);
  }

  @Override
  public String getName() {
    return "incidentflow";
  }

  @Override
  protected void addDefaultCommands(Bootstrap<IncidentFlowConfiguration> bootstrap) {
    bootstrap.addCommand(new ApiServerCommand(this));
    bootstrap.addCommand(new io.dropwizard.core.cli.CheckCommand<>(this));
  }

  @Override
  public void initialize(Bootstrap<IncidentFlowConfiguration> bootstrap) {
    // Strict: a ${VAR} without a default that is not set stops the process and names the variable.
    bootstrap.setConfigurationSourceProvider(
        new SubstitutingSourceProvider(
            new FileOrResourceSourceProvider(), new EnvironmentVariableSubstitutor(true)));
    bootstrap.getObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    bootstrap.addCommand(new DevCommand(this));
    bootstrap.addCommand(new WorkerCommand(this));
    bootstrap.addCommand(new BenchCommand(this));
  }

  @Override
  public void run(IncidentFlowConfiguration config, Environment environment) {
    Directory directory = loadDirectory(config);
    log.info(
        "policy and catalog loaded: {} people, {} services",
        directory.catalog().people().size(),
        directory.catalog().services().size());

    DatabaseUrl.normalize(config.getDatabase());
    DatabaseTimeouts.bound(config.getDatabase());
    ManagedDataSource dataSource = config.getDatabase().build(environment.metrics(), "postgresql");
    int applied = Migrations.migrate(dataSource);
    log.info("database schema up to date ({} migrations applied now)", applied);
    Jdbi jdbi =
        IncidentJdbi.configure(
            new JdbiFactory(new StatementNames())
                .build(environment, config.getDatabase(), dataSource, "postgresql"));
    if (config.getDatabase().isAutoCommentsEnabled()) {
      // The same comments as Dropwizard's, from templates parsed once (see the class).
      jdbi.setTemplateEngine(new CommentingTemplateEngine());
    }

    // The scope reports from a thread of its own: closed with the stubs, or here if the start
    // fails.
    Scope sdkMetrics = TemporalSdkMetrics.scope(environment.metrics());
    WorkflowServiceStubs service = null;
    try {
      service = config.getTemporal().buildStubs(sdkMetrics);
      SearchAttributeRegistration.ensure(service, config.getTemporal().getNamespace());
    } catch (RuntimeException e) {
      if (service != null) {
        service.shutdownNow();
      }
      closeQuietly(sdkMetrics, e);
      throw e;
    }
    WorkflowServiceStubs stubs = service;
    environment
        .lifecycle()
        .manage(
            new Managed() {
              @Override
              public void stop() throws ScopeCloseException {
                try {
                  stubs.shutdown();
                } finally {
                  sdkMetrics.close();
                }
              }
            });
    environment.healthChecks().register("temporal", new TemporalHealthCheck(stubs));
    WorkflowClient client = config.getTemporal().buildClient(stubs);

    if (config.getComponents().worker()) {
      Duration deployWindow = Duration.ofMillis(config.getDeployWindow().toMilliseconds());
      boolean catalogRoutingKeys =
          directory.catalog().people().values().stream()
              .anyMatch(person -> person.pagerdutyRoutingKey() != null);
      IncidentActivities activities =
          new IncidentActivities(
              new IncidentStoreActivitiesImpl(jdbi),
              new DirectoryActivitiesImpl(directory.policy(), directory.catalog()),
              config.getSlack().build(),
              config.getPagerduty().build(catalogRoutingKeys),
              new IncidentContextActivitiesImpl(new IncidentLibrary(jdbi), deployWindow),
              config.getJira().build(),
              new TimelineActivitiesImpl(
                  jdbi, name -> directory.catalog().service(name).dependsOn(), deployWindow),
              new PostmortemStoreActivitiesImpl(jdbi));
      WorkerSettings workerSettings = config.getWorker().settings();
      IncidentWorker worker = new IncidentWorker(client, workerSettings, activities);
      environment
          .lifecycle()
          .manage(
              new Managed() {
                @Override
                public void start() {
                  worker.start();
                  log.info(
                      "worker polling task queue 'incidents' (Slack {}, PagerDuty {}, Jira {};"
                          + " workflow threads {})",
                      config.getSlack().isLive() ? "live" : "logging only",
                      activities.paging().getClass().getSimpleName().startsWith("Logging")
                          ? "logging only"
                          : "live",
                      config.getJira().isConfigured()
                          ? config.getJira().settings().deployment()
                          : "logging only",
                      workerSettings.workflowThreadsDescription());
                }

                @Override
                public void stop() {
                  worker.stop();
                }
              });
    }

    if (config.getComponents().api()) {
      registerApi(config, environment, directory, jdbi, client);
    }
  }

  private static void closeQuietly(Scope scope, RuntimeException failure) {
    try {
      scope.close();
    } catch (ScopeCloseException e) {
      failure.addSuppressed(e);
    }
  }

  private static Directory loadDirectory(IncidentFlowConfiguration config) {
    Map<String, String> environment = new HashMap<>(System.getenv());
    if (config.getPolicyFile() != null && !config.getPolicyFile().isBlank()) {
      environment.put(Directory.POLICY_VARIABLE, config.getPolicyFile());
    }
    if (config.getCatalogFile() != null && !config.getCatalogFile().isBlank()) {
      environment.put(Directory.CATALOG_VARIABLE, config.getCatalogFile());
    }
    return Directory.load(environment, Path.of("").toAbsolutePath());
  }

  private static void registerApi(
      IncidentFlowConfiguration config,
      Environment environment,
      Directory directory,
      Jdbi jdbi,
      WorkflowClient client) {
    if (config.getServerFactory() instanceof AbstractServerFactory server) {
      // Our mappers answer every error in one JSON shape; Dropwizard's defaults would not.
      server.setRegisterDefaultExceptionMappers(false);
    }
    String defaultService = directory.catalog().defaults().service();
    AlertMapper mapper =
        new AlertMapper(
            directory.policy(),
            defaultService,
            named -> directory.catalog().serviceName(named),
            Clock.systemUTC());
    // One bound for every change the API waits a workflow for (incidents and postmortems alike).
    BoundedChanges changes = new BoundedChanges(BoundedChanges.CHANGE_WAIT);
    IncidentGateway gateway =
        new IncidentGateway(
            client, Duration.ofMillis(config.getDeclareWait().toMilliseconds()), changes);
    AlertIntake intake = new AlertIntake(gateway);
    IncidentRepository repository = new IncidentRepository(jdbi);

    // Errors Jetty answers itself, before or without Jersey, in the same shape.
    environment
        .lifecycle()
        .addEventListener(
            new LifeCycle.Listener() {
              @Override
              public void lifeCycleStarting(LifeCycle server) {
                if (server instanceof Server jetty) {
                  jetty.setErrorHandler(new JsonErrorPages());
                }
              }
            });
    // Before Jersey, which answers a Content-Type it cannot read with a bare 400 (see the class).
    environment
        .servlets()
        .addFilter("unreadable-content-type", new UnreadableContentTypeFilter(MAX_BODY_BYTES))
        .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
    BearerTokenFilter bearer = new BearerTokenFilter(config.getApiToken());
    environment
        .jersey()
        .register(new BodySizeLimitFilter(MAX_BODY_BYTES, MAX_ALERT_BODY_BYTES, bearer::admits));
    environment.jersey().register(bearer);
    environment.jersey().register(new AlertContentTypeFilter());
    environment.jersey().register(new ApiExceptionMapper());
    environment.jersey().register(new JsonErrorMapper());
    environment.jersey().register(new WebApplicationErrorMapper());
    environment.jersey().register(new UnexpectedErrorMapper());
    environment.jersey().register(new AlertmanagerResource(mapper, intake));
    environment.jersey().register(new AlertsResource(mapper, intake));
    People people = new People(name -> directory.catalog().handleOf(name));
    Declarations declarations = new Declarations(mapper, people);
    environment.jersey().register(new IncidentsResource(gateway, repository, mapper, declarations));
    environment.jersey().register(new DeclarationResource(gateway, repository));
    IncidentContextLookup context =
        new IncidentContextLookup(
            new IncidentLibrary(jdbi),
            directory.catalog(),
            Duration.ofMillis(config.getDeployWindow().toMilliseconds()));
    environment
        .jersey()
        .register(new IncidentResource(gateway, repository, mapper, context, people));
    environment
        .jersey()
        .register(
            new DeploysResource(new DeployRepository(jdbi), Clock.systemUTC(), mapper::service));
    environment
        .jersey()
        .register(
            new MetricsResource(
                new IncidentMetricsRepository(jdbi), directory.catalog(), Clock.systemUTC()));
    FollowUpRepository followUps = new FollowUpRepository(jdbi);
    FollowUpGateway followUpGateway =
        new FollowUpGateway(
            client, Duration.ofMillis(config.getDeclareWait().toMilliseconds()), changes);
    FollowUpRequests followUpRequests =
        new FollowUpRequests(
            followUpGateway,
            followUps,
            people,
            directory.policy().actionItems(),
            Clock.systemUTC());
    environment.jersey().register(new PostmortemResource(followUpRequests, repository, followUps));
    environment
        .jersey()
        .register(new IncidentActionItemsResource(followUpRequests, repository, followUps));
    environment.jersey().register(new ActionItemsResource(followUps, people));
    environment
        .jersey()
        .register(new PostmortemsResource(followUps, mapper, people, Clock.systemUTC()));
    environment.jersey().register(new ActionItemResource(followUpRequests));
    environment
        .jersey()
        .register(
            new JiraWebhookResource(
                new JiraWebhookVerifier(config.getJira().getWebhookSecret()),
                followUpGateway,
                repository,
                followUps,
                directory.policy().actionItems(),
                environment.getObjectMapper()));
    registerSlack(
        config,
        environment,
        directory,
        jdbi,
        gateway,
        repository,
        mapper,
        declarations,
        followUpRequests,
        people);
  }

  /**
   * {@code /v1/slack}: signed requests only (503 without a signing secret), answered at once, with
   * the Updates done on a small pool that Dropwizard drains on shutdown.
   */
  private static void registerSlack(
      IncidentFlowConfiguration config,
      Environment environment,
      Directory directory,
      Jdbi jdbi,
      IncidentGateway gateway,
      IncidentRepository repository,
      AlertMapper mapper,
      Declarations declarations,
      FollowUpRequests followUps,
      People people) {
    ExecutorService slackWork =
        environment
            .lifecycle()
            .executorService("slack-%d")
            .minThreads(SLACK_THREADS)
            .maxThreads(SLACK_THREADS)
            .build();
    // The first part of a slash command (who typed it, which incident), on threads of its own so
    // that it does not queue behind Updates waiting for a worker; more than Slack work's, since a
    // hung database holds each for as long as it hangs.
    ExecutorService slackAnswers =
        environment
            .lifecycle()
            .executorService("slack-answer-%d")
            .minThreads(SLACK_ANSWER_THREADS)
            .maxThreads(SLACK_ANSWER_THREADS)
            .build();
    // One thread: it only posts the notice for work still running after SLACK_STILL_WORKING_AFTER.
    ScheduledExecutorService slackNotices =
        environment.lifecycle().scheduledExecutorService("slack-notice-%d").threads(1).build();
    SlackResponder responder =
        new SlackResponder(
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
            environment.getObjectMapper(),
            Duration.ofSeconds(10));
    SlackSettings slack = config.getSlack().settings();
    // users.info is asked on the request thread, inside Slack's three seconds.
    SlackProfiles profiles =
        slack.hasBotToken()
            ? new SlackWebApiProfiles(
                HttpClient.newBuilder().connectTimeout(SLACK_PROFILE_WAIT).build(),
                environment.getObjectMapper(),
                slack.apiUrl(),
                slack.botToken(),
                SLACK_PROFILE_WAIT)
            : SlackProfiles.none();
    SlackUsers users =
        new SlackUsers(directory.catalog(), profiles, Clock.systemUTC(), SLACK_PROFILES_REMEMBERED);
    SlackCockpit cockpit =
        new SlackCockpit(
            gateway,
            new IncidentLookup(repository),
            new IncidentChannelRepository(jdbi),
            declarations,
            mapper,
            followUps,
            people,
            users,
            responder,
            slackWork,
            slackAnswers,
            slackNotices,
            SLACK_STILL_WORKING_AFTER,
            Clock.systemUTC());
    environment
        .jersey()
        .register(
            SlackSignatureFilter.of(
                config.getSlack().getSigningSecret(), Clock.systemUTC(), MAX_BODY_BYTES));
    environment.jersey().register(new SlackResource(cockpit, environment.getObjectMapper()));
  }
}
