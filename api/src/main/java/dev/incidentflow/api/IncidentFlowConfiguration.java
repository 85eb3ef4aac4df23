package dev.incidentflow.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.incidentflow.api.config.JiraFactory;
import dev.incidentflow.api.config.PagerDutyFactory;
import dev.incidentflow.api.config.SlackFactory;
import dev.incidentflow.api.config.TemporalFactory;
import dev.incidentflow.api.config.WorkerConfig;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/** config/dev.yml and config/production.yml. */
public class IncidentFlowConfiguration extends Configuration {

  /**
   * What one process runs; the command decides ({@code server}: api, {@code worker}, {@code dev}:
   * both).
   */
  public enum Components {
    API,
    WORKER,
    ALL;

    public boolean api() {
      return this != WORKER;
    }

    public boolean worker() {
      return this != API;
    }
  }

  @NotBlank private String apiToken;
  @Valid @NotNull private DataSourceFactory database = new DataSourceFactory();
  @Valid @NotNull private TemporalFactory temporal = new TemporalFactory();
  @Valid @NotNull private SlackFactory slack = new SlackFactory();
  @Valid @NotNull private PagerDutyFactory pagerduty = new PagerDutyFactory();
  @Valid @NotNull private JiraFactory jira = new JiraFactory();
  @Valid @NotNull private WorkerConfig worker = new WorkerConfig();

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.SECONDS)
  private Duration declareWait = Duration.seconds(10);

  /** How far before an incident's start a deploy counts as possibly related. */
  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.MINUTES)
  private Duration deployWindow = Duration.hours(2);

  private Components components = Components.API;
  private String policyFile;
  private String catalogFile;

  @JsonProperty
  public String getApiToken() {
    return apiToken;
  }

  @JsonProperty
  public void setApiToken(String apiToken) {
    this.apiToken = apiToken;
  }

  @JsonProperty
  public DataSourceFactory getDatabase() {
    return database;
  }

  @JsonProperty
  public void setDatabase(DataSourceFactory database) {
    this.database = database;
  }

  @JsonProperty
  public TemporalFactory getTemporal() {
    return temporal;
  }

  @JsonProperty
  public void setTemporal(TemporalFactory temporal) {
    this.temporal = temporal;
  }

  @JsonProperty
  public SlackFactory getSlack() {
    return slack;
  }

  @JsonProperty
  public void setSlack(SlackFactory slack) {
    this.slack = slack;
  }

  @JsonProperty
  public PagerDutyFactory getPagerduty() {
    return pagerduty;
  }

  @JsonProperty
  public void setPagerduty(PagerDutyFactory pagerduty) {
    this.pagerduty = pagerduty;
  }

  @JsonProperty
  public JiraFactory getJira() {
    return jira;
  }

  @JsonProperty
  public void setJira(JiraFactory jira) {
    this.jira = jira;
  }

  @JsonProperty
  public WorkerConfig getWorker() {
    return worker;
  }

  @JsonProperty
  public void setWorker(WorkerConfig worker) {
    this.worker = worker;
  }

  /** How long {@code POST /v1/incidents} waits for the incident to open before answering 202. */
  @JsonProperty
  public Duration getDeclareWait() {
    return declareWait;
  }

  @JsonProperty
  public void setDeclareWait(Duration declareWait) {
    this.declareWait = declareWait;
  }

  /** A policy file that wins over {@code INCIDENTFLOW_POLICY} and config/policy.yml. */
  @JsonProperty
  public String getPolicyFile() {
    return policyFile;
  }

  @JsonProperty
  public void setPolicyFile(String policyFile) {
    this.policyFile = policyFile;
  }

  /** A catalog file that wins over {@code INCIDENTFLOW_CATALOG} and config/catalog.yml. */
  @JsonProperty
  public String getCatalogFile() {
    return catalogFile;
  }

  @JsonProperty
  public void setCatalogFile(String catalogFile) {
    this.catalogFile = catalogFile;
  }

  /** Deploys this long before an incident started, up to its start, are listed with it. */
  @JsonProperty
  public Duration getDeployWindow() {
    return deployWindow;
  }

  @JsonProperty
  public void setDeployWindow(Duration deployWindow) {
    this.deployWindow = deployWindow;
  }

  public Components getComponents() {
    return components;
  }

  /** Set by the command, not the file. */
  public void setComponents(Components components) {
    this.components = components;
  }
}
