package dev.incidentflow.api.config;

import dev.incidentflow.workflows.incident.IncidentSearchAttributes;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the incident search attributes when the server lacks them: a workflow that upserts an
 * unregistered one fails its task. The Java test server cannot list attributes, so there every one
 * is added and "already exists" is fine.
 */
public final class SearchAttributeRegistration {
  private static final Logger log = LoggerFactory.getLogger(SearchAttributeRegistration.class);

  private SearchAttributeRegistration() {}

  public static void ensure(WorkflowServiceStubs service, String namespace) {
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setChannel(service.getRawChannel())
                .validateAndBuildWithDefaults());
    try {
      Set<String> existing = existing(operator, namespace);
      for (Map.Entry<String, String> attribute :
          IncidentSearchAttributes.definitions().entrySet()) {
        if (existing.contains(attribute.getKey())) {
          continue;
        }
        try {
          operator
              .blockingStub()
              .addSearchAttributes(
                  AddSearchAttributesRequest.newBuilder()
                      .setNamespace(namespace)
                      .putSearchAttributes(
                          attribute.getKey(),
                          IndexedValueType.valueOf("INDEXED_VALUE_TYPE_" + attribute.getValue()))
                      .build());
          log.info("registered search attribute {} ({})", attribute.getKey(), attribute.getValue());
        } catch (StatusRuntimeException e) {
          if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
            throw e;
          }
        }
      }
    } catch (StatusRuntimeException e) {
      // Temporal Cloud manages search attributes in its console; a worker there may not register.
      log.warn(
          "could not register search attributes {} in namespace {}: {}; register them on the server",
          IncidentSearchAttributes.definitions(),
          namespace,
          e.getStatus());
    } finally {
      operator.shutdown();
    }
  }

  private static Set<String> existing(OperatorServiceStubs operator, String namespace) {
    try {
      return operator
          .blockingStub()
          .listSearchAttributes(
              ListSearchAttributesRequest.newBuilder().setNamespace(namespace).build())
          .getCustomAttributesMap()
          .keySet();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
        return Set.of();
      }
      throw e;
    }
  }
}
