package dev.incidentflow.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.uber.m3.tally.NoopScope;
import com.uber.m3.tally.Scope;
import io.grpc.ManagedChannel;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import jakarta.validation.constraints.NotBlank;

/**
 * The Temporal cluster: self-hosted ({@code host:7233}) or Temporal Cloud (with {@code apiKey},
 * which turns TLS on). {@code dev} replaces the address {@value #EMBEDDED} with its own embedded
 * test server.
 */
public class TemporalFactory {
  public static final String EMBEDDED = "embedded";

  @NotBlank private String address = "127.0.0.1:7233";
  @NotBlank private String namespace = "default";
  private String apiKey;
  private boolean tls;
  private ManagedChannel inProcessChannel;

  @JsonProperty
  public String getAddress() {
    return address;
  }

  @JsonProperty
  public void setAddress(String address) {
    this.address = address;
  }

  @JsonProperty
  public String getNamespace() {
    return namespace;
  }

  @JsonProperty
  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  @JsonProperty
  public void setApiKey(String apiKey) {
    this.apiKey = apiKey;
  }

  @JsonProperty
  public boolean isTls() {
    return tls;
  }

  @JsonProperty
  public void setTls(boolean tls) {
    this.tls = tls;
  }

  public boolean isEmbedded() {
    return EMBEDDED.equals(address);
  }

  /**
   * Has this JVM's clients reach an embedded server through {@code channel} (gRPC in-process)
   * rather than through {@code address}, which stays what other processes use.
   */
  public void useInProcessChannel(ManagedChannel channel) {
    this.inProcessChannel = channel;
  }

  public WorkflowServiceStubs buildStubs() {
    return buildStubs(new NoopScope());
  }

  /**
   * Stubs whose clients and workers report the SDK's metrics to {@code metrics} (see {@link
   * TemporalSdkMetrics}).
   */
  public WorkflowServiceStubs buildStubs(Scope metrics) {
    if (isEmbedded()) {
      throw new IllegalStateException(
          "temporal.address is 'embedded', which only the dev command provides");
    }
    if (inProcessChannel != null) {
      return WorkflowServiceStubs.newServiceStubs(
          WorkflowServiceStubsOptions.newBuilder()
              .setChannel(inProcessChannel)
              .setMetricsScope(metrics)
              .build());
    }
    WorkflowServiceStubsOptions.Builder options =
        WorkflowServiceStubsOptions.newBuilder().setTarget(address).setMetricsScope(metrics);
    if (apiKey != null && !apiKey.isBlank()) {
      options.addApiKey(() -> apiKey).setEnableHttps(true);
    } else if (tls) {
      options.setEnableHttps(true);
    }
    return WorkflowServiceStubs.newServiceStubs(options.build());
  }

  public WorkflowClient buildClient(WorkflowServiceStubs stubs) {
    return WorkflowClient.newInstance(
        stubs, WorkflowClientOptions.newBuilder().setNamespace(namespace).build());
  }
}
