package dev.incidentflow.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.incidentflow.api.cli.DevCommand;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The real outside world of an end-to-end test, started once per JVM: Temporal's Java test server
 * bound to a port in real time, an embedded PostgreSQL, and WireMock servers speaking Slack's Web
 * API, PagerDuty's Events API v2 and Jira Cloud's REST API v2. {@link #app} boots the real
 * application on them through the {@code dev} command (worker and API in one process); Jira is used
 * only by apps given {@link #jiraCloud()}.
 */
public final class TestStack {
  public static final String TOKEN = "test-token";
  static final String JIRA_WEBHOOK_SECRET = "jira-webhook-test-secret";

  /** The keys the fake Jira gives the postmortem issue and an action item issue. */
  static final String POSTMORTEM_KEY = "PAY-100";

  static final String ACTION_ITEM_KEY = "PAY-101";
  private static TestStack instance;
  private WorkflowClient temporalClient;

  final int temporalPort;
  final EmbeddedPostgres postgres;
  public final WireMockServer slack;
  public final WireMockServer pagerDuty;
  public final WireMockServer jira;

  private TestStack() throws IOException {
    temporalPort = freePort();
    TestServer.PortBoundTestServer temporal = TestServer.createPortBoundServer(temporalPort);
    postgres = EmbeddedPostgres.builder().start();
    slack = new WireMockServer(options().dynamicPort());
    pagerDuty = new WireMockServer(options().dynamicPort());
    jira = new WireMockServer(options().dynamicPort());
    slack.start();
    pagerDuty.start();
    jira.start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  slack.stop();
                  pagerDuty.stop();
                  jira.stop();
                  temporal.close();
                  try {
                    postgres.close();
                  } catch (IOException e) {
                    // the JVM is going away
                  }
                }));
  }

  public static synchronized TestStack get() {
    if (instance == null) {
      try {
        instance = new TestStack();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    instance.resetFakes();
    return instance;
  }

  /** Slack and PagerDuty that accept everything, as the real ones do on a good day. */
  void resetFakes() {
    slack.resetAll();
    slack.stubFor(
        post(urlPathMatching("/api/.*")).atPriority(10).willReturn(okJson("{\"ok\":true}")));
    slack.stubFor(
        post(urlEqualTo("/api/conversations.create"))
            .willReturn(
                okJson(
                    "{\"ok\":true,\"channel\":{\"id\":\"C0INC0001\",\"name\":\"inc-1-sev1-checkout\",\"is_channel\":true}}")));
    slack.stubFor(
        post(urlEqualTo("/api/conversations.open"))
            .willReturn(okJson("{\"ok\":true,\"channel\":{\"id\":\"D0DIRECT1\"}}")));
    slack.stubFor(
        post(urlEqualTo("/api/users.lookupByEmail"))
            .willReturn(okJson("{\"ok\":false,\"error\":\"users_not_found\"}")));
    pagerDuty.resetAll();
    pagerDuty.stubFor(
        post(urlEqualTo("/v2/enqueue"))
            .willReturn(
                aResponse()
                    .withStatus(202)
                    .withHeader("Content-Type", "application/json")
                    .withBody(fixture("pagerduty-enqueue-202.json"))));
    resetJira();
  }

  /**
   * A Jira Cloud that creates the postmortem issue as {@value #POSTMORTEM_KEY} and an action item
   * issue as {@value #ACTION_ITEM_KEY}, finds each by its idempotency label once created (and not
   * before), shows both as To Do without links, and accepts links and assignees.
   */
  void resetJira() {
    jira.resetAll();
    for (String key : List.of(POSTMORTEM_KEY, ACTION_ITEM_KEY)) {
      boolean postmortem = key.equals(POSTMORTEM_KEY);
      String kind = postmortem ? "postmortem" : "action-item";
      String id = postmortem ? "10100" : "10101";
      jira.stubFor(
          WireMock.get(urlPathEqualTo("/rest/api/2/search/jql"))
              .withQueryParam("jql", containing("incidentflow-" + kind))
              .inScenario(kind)
              .whenScenarioStateIs(Scenario.STARTED)
              .willReturn(okJson("{\"issues\":[],\"isLast\":true}")));
      jira.stubFor(
          WireMock.get(urlPathEqualTo("/rest/api/2/search/jql"))
              .withQueryParam("jql", containing("incidentflow-" + kind))
              .inScenario(kind)
              .whenScenarioStateIs("created")
              .willReturn(
                  okJson(
                      "{\"issues\":[{\"id\":\""
                          + id
                          + "\",\"key\":\""
                          + key
                          + "\",\"fields\":{\"summary\":\"\",\"labels\":[\"incidentflow\"]}}],\"isLast\":true}")));
      jira.stubFor(
          post(urlEqualTo("/rest/api/2/issue"))
              .withRequestBody(containing("\"" + kind + "\""))
              .inScenario(kind)
              .willSetStateTo("created")
              .willReturn(
                  aResponse()
                      .withStatus(201)
                      .withHeader("Content-Type", "application/json")
                      .withBody(
                          "{\"id\":\""
                              + id
                              + "\",\"key\":\""
                              + key
                              + "\",\"self\":\""
                              + jira.baseUrl()
                              + "/rest/api/2/issue/"
                              + id
                              + "\"}")));
      jira.stubFor(
          WireMock.get(urlPathEqualTo("/rest/api/2/issue/" + key))
              .willReturn(
                  okJson(
                      "{\"id\":\""
                          + id
                          + "\",\"key\":\""
                          + key
                          + "\",\"fields\":{\"issuelinks\":[],\"status\":{\"name\":\"To Do\","
                          + "\"statusCategory\":{\"id\":2,\"key\":\"new\",\"name\":\"To Do\"}}}}")));
    }
    jira.stubFor(post(urlEqualTo("/rest/api/2/issueLink")).willReturn(aResponse().withStatus(201)));
    jira.stubFor(
        WireMock.put(urlPathMatching("/rest/api/2/issue/[A-Z]+-[0-9]+/assignee"))
            .willReturn(aResponse().withStatus(204)));
  }

  /**
   * The application on this stack, as {@code dev} runs it, with the given policy file and any
   * further config overrides, e.g. {@code slack.signingSecret}.
   */
  public DropwizardAppExtension<IncidentFlowConfiguration> app(
      String policyResource, ConfigOverride... extra) {
    return app(policyResource, "postgres", extra);
  }

  /**
   * The application on this stack with a database of its own, created empty on first use: for tests
   * that write incidents straight into the store, whose incidents must not meet other tests' ones.
   */
  public DropwizardAppExtension<IncidentFlowConfiguration> app(
      String policyResource, String database, ConfigOverride... extra) {
    return app(policyResource, () -> jdbcUrl(database), extra);
  }

  /**
   * As {@link #app(String, String, ConfigOverride...)}, reaching its database through {@code port}
   * on this host instead of PostgreSQL's own: a proxy in front of PostgreSQL.
   */
  public DropwizardAppExtension<IncidentFlowConfiguration> appThrough(
      String policyResource, String database, IntSupplier port, ConfigOverride... extra) {
    return app(
        policyResource,
        () ->
            jdbcUrl(database).replace(":" + postgres.getPort() + "/", ":" + port.getAsInt() + "/"),
        extra);
  }

  /**
   * The application with its database at {@code databaseUrl}; the one place that names it, as a
   * second override of one key leaves the first's value behind once the test is over.
   */
  private DropwizardAppExtension<IncidentFlowConfiguration> app(
      String policyResource, Supplier<String> databaseUrl, ConfigOverride... extra) {
    List<ConfigOverride> overrides =
        new ArrayList<>(
            List.of(
                ConfigOverride.config("apiToken", TOKEN),
                ConfigOverride.config("database.url", databaseUrl),
                ConfigOverride.config("temporal.address", "127.0.0.1:" + temporalPort),
                ConfigOverride.config("slack.botToken", "xoxb-test"),
                ConfigOverride.config("slack.apiUrl", () -> slack.baseUrl() + "/api/"),
                ConfigOverride.config("pagerduty.routingKey", "R0UTINGKEY"),
                ConfigOverride.config(
                    "pagerduty.eventsUrl", () -> pagerDuty.baseUrl() + "/v2/enqueue"),
                ConfigOverride.config("policyFile", resource(policyResource).toString()),
                ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                ConfigOverride.config("server.adminConnectors[0].port", "0")));
    overrides.addAll(List.of(extra));
    return new DropwizardAppExtension<>(
        IncidentFlowApplication.class,
        Path.of("..", "config", "dev.yml").toString(),
        (String) null,
        DevCommand::new,
        overrides.toArray(ConfigOverride[]::new));
  }

  /** Settings that point the application at the WireMock Jira as Jira Cloud, and {@code more}. */
  ConfigOverride[] jiraCloud(ConfigOverride... more) {
    List<ConfigOverride> overrides =
        new ArrayList<>(
            List.of(
                ConfigOverride.config("jira.url", jira::baseUrl),
                ConfigOverride.config("jira.email", "incidentflow@example.com"),
                ConfigOverride.config("jira.apiToken", "jira-api-token"),
                ConfigOverride.config("jira.webhookSecret", JIRA_WEBHOOK_SECRET)));
    overrides.addAll(Arrays.asList(more));
    return overrides.toArray(ConfigOverride[]::new);
  }

  /**
   * A client of the stack's Temporal server, for what a test does as an operator would; one, shared
   * by every test for as long as the JVM runs.
   */
  public synchronized WorkflowClient temporalClient() {
    if (temporalClient == null) {
      temporalClient =
          WorkflowClient.newInstance(
              WorkflowServiceStubs.newServiceStubs(
                  WorkflowServiceStubsOptions.newBuilder()
                      .setTarget("127.0.0.1:" + temporalPort)
                      .build()));
    }
    return temporalClient;
  }

  /**
   * The JDBC URL of {@code database} on the embedded PostgreSQL, creating the database if missing.
   */
  synchronized String jdbcUrl(String database) {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        PreparedStatement exists =
            connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, database);
      try (ResultSet found = exists.executeQuery();
          Statement create = connection.createStatement()) {
        if (!found.next()) {
          // An identifier cannot be a bound parameter; the names come from test code and are
          // quoted.
          create.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + database, e);
    }
    return postgres.getJdbcUrl("postgres", database);
  }

  public static String fixture(String name) {
    try {
      return Files.readString(Path.of("..", "..", "shared", "fixtures", name));
    } catch (IOException e) {
      throw new UncheckedIOException("../shared/fixtures/" + name + " is missing", e);
    }
  }

  static Path resource(String name) {
    try {
      return Path.of(TestStack.class.getClassLoader().getResource(name).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
