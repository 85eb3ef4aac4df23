package dev.incidentflow.api.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incidentflow.activities.directory.Directory;
import dev.incidentflow.activities.directory.PolicyLoader;
import dev.incidentflow.api.TestStack;
import dev.incidentflow.api.errors.ApiException;
import dev.incidentflow.api.json.AlertmanagerPayload;
import dev.incidentflow.api.json.GenericAlert;
import dev.incidentflow.workflows.model.Severity;
import io.dropwizard.jackson.Jackson;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * How alert deliveries map to the group's workflow, its incident and its signal, from the bodies
 * Alertmanager, Grafana and generic senders post (the shared fixtures, changed where a test says).
 */
class AlertMapperTest {
  private static final ObjectMapper JSON = Jackson.newObjectMapper();
  private static final AlertMapper MAPPER =
      new AlertMapper(
          PolicyLoader.loadResource(Directory.POLICY_RESOURCE),
          "unknown",
          name -> name.toLowerCase(Locale.ROOT),
          Clock.fixed(Instant.parse("2026-11-20T03:00:00Z"), ZoneOffset.UTC));

  @Test
  void aFiringAlertWhoseSeverityLabelIsUnknownDoesNotTakeItsGroupsKnownAlertsDownWithIt() {
    ObjectNode delivery = fixture("alertmanager-firing.json");
    ((ObjectNode) delivery.path("commonLabels")).remove("severity");
    alert(delivery, 0).put("severity", "warning");
    alert(delivery, 1).put("severity", "crtical");

    AlertMapper.MappedAlert mapped = MAPPER.fromAlertmanager("alertmanager", payload(delivery));

    assertThat(mapped.input().severity()).isEqualTo(Severity.SEV3);
    assertThat(mapped.event().severity()).isEqualTo(Severity.SEV3);
    assertThat(mapped.warnings())
        .singleElement()
        .asString()
        .startsWith("alerts[].labels.severity 'crtical' is not a known severity or alias")
        .endsWith(
            "; the group fires at SEV3, the worst severity of its alerts that the policy knows");
  }

  @Test
  void aGroupWhoseFiringAlertsAllHaveUnknownSeverityLabelsIsRefusedNamingEachLabelOnce() {
    ObjectNode delivery = fixture("alertmanager-firing.json");
    ((ObjectNode) delivery.path("commonLabels")).remove("severity");
    ArrayNode alerts = (ArrayNode) delivery.path("alerts");
    for (int i = 0; i < 50; i++) {
      alerts.add(alerts.get(0).deepCopy());
    }
    alerts.forEach(alert -> ((ObjectNode) alert.path("labels")).put("severity", "page"));

    assertThatThrownBy(() -> MAPPER.fromAlertmanager("alertmanager", payload(delivery)))
        .isInstanceOfSatisfying(
            ApiException.class,
            refused -> {
              assertThat(refused.status()).isEqualTo(422);
              assertThat(refused.details())
                  .singleElement()
                  .asString()
                  .startsWith("alerts[].labels.severity 'page' is not a known severity or alias");
            });
  }

  @Test
  void anEmptySeverityLabelIsNoLabel() {
    ObjectNode delivery = fixture("alertmanager-firing.json");
    ((ObjectNode) delivery.path("commonLabels")).put("severity", "");
    alert(delivery, 0).put("severity", "");
    alert(delivery, 1).put("severity", " ");

    assertThatThrownBy(() -> MAPPER.fromAlertmanager("alertmanager", payload(delivery)))
        .isInstanceOfSatisfying(
            ApiException.class,
            refused ->
                assertThat(refused.details())
                    .containsExactly(
                        "a severity label is required (commonLabels.severity or each alert's"
                            + " labels.severity)"));
  }

  @Test
  void fieldsIncidentFlowDoesNotReadDoNotRefuseTheDeliveryWhateverTheirType() {
    ObjectNode delivery = fixture("grafana-firing.json");
    delivery.put("version", 4).put("state", 1).putArray("receiver");
    delivery.putObject("externalURL");
    ObjectNode alert = (ObjectNode) delivery.path("alerts").get(0);
    alert.putArray("values").add(0.912);
    alert.put("startsAt", 1763629440).put("fingerprint", 57).putArray("silenceURL");
    alert.putObject("valueString");

    AlertMapper.MappedAlert mapped = MAPPER.fromAlertmanager("grafana", payload(delivery));

    assertThat(mapped.input().severity()).isEqualTo(Severity.SEV3);
    assertThat(mapped.input().links())
        .contains(
            "https://grafana.example.com/d/search-overview",
            "https://grafana.example.com/d/search-overview?viewPanel=4");
  }

  @Test
  void grafanaOrganizationsOtherThanTheFirstHaveIncidentsOfTheirOwn() {
    String first = MAPPER.fromAlertmanager("grafana", grafana("1")).workflowId();

    assertThat(MAPPER.fromAlertmanager("grafana", grafana("\"1\"")).workflowId()).isEqualTo(first);
    assertThat(MAPPER.fromAlertmanager("grafana", grafana("null")).workflowId()).isEqualTo(first);
    assertThat(first)
        .as("the workflow id incidents opened before organizations counted have")
        .isEqualTo(
            AlertWorkflowIds.of(
                "grafana",
                "{}/{__grafana_autogenerated__=\"true\"}:{alertname=\"SearchLatencyP99High\"}"));
    AlertMapper.MappedAlert second = MAPPER.fromAlertmanager("grafana", grafana("2"));
    assertThat(second.workflowId()).isNotEqualTo(first);
    assertThat(second.input().dedupKey())
        .isEqualTo(
            "orgId=2 {}/{__grafana_autogenerated__=\"true\"}:{alertname=\"SearchLatencyP99High\"}");
    assertThat(MAPPER.fromAlertmanager("grafana", grafana("\"2\"")).workflowId())
        .isEqualTo(second.workflowId());
    assertThat(MAPPER.fromAlertmanager("grafana", grafana("\"ops\"")).workflowId())
        .isNotIn(first, second.workflowId());
  }

  @Test
  void grafanasDefaultTitleLosesTheStatusItStartsWith() {
    ObjectNode delivery = fixture("grafana-firing.json");
    ((ObjectNode) delivery.path("commonAnnotations")).remove("summary");

    AlertMapper.MappedAlert mapped = MAPPER.fromAlertmanager("grafana", payload(delivery));

    assertThat(mapped.input().title()).isEqualTo("SearchLatencyP99High (search)");
    assertThat(AlertMapper.withoutStatusPrefix("[RESOLVED] SearchLatencyP99High"))
        .isEqualTo("SearchLatencyP99High");
    assertThat(AlertMapper.withoutStatusPrefix("[firing:12] x")).isEqualTo("x");
    assertThat(AlertMapper.withoutStatusPrefix("[SEV1] checkout down"))
        .isEqualTo("[SEV1] checkout down");
  }

  @Test
  void alertsAlertmanagerLeftOutCountAmongTheDeliverysAlerts() {
    ObjectNode delivery = fixture("alertmanager-firing.json");
    delivery.put("truncatedAlerts", 250);

    assertThat(MAPPER.fromAlertmanager("alertmanager", payload(delivery)).event().alertCount())
        .isEqualTo(252);
    delivery.put("truncatedAlerts", "many");
    assertThat(MAPPER.fromAlertmanager("alertmanager", payload(delivery)).event().alertCount())
        .isEqualTo(2);
    delivery.put("truncatedAlerts", Integer.MAX_VALUE);
    assertThat(MAPPER.fromAlertmanager("alertmanager", payload(delivery)).event().alertCount())
        .isEqualTo(1_000_000_001);
  }

  @Test
  void aFiringDeliveryCarriesWhenItsFiringAlertsStartedAndLeavesOutStartsItCannotRead() {
    ObjectNode delivery = fixture("alertmanager-firing.json");
    ObjectNode first = (ObjectNode) delivery.path("alerts").get(0);
    ObjectNode second = (ObjectNode) delivery.path("alerts").get(1);

    assertThat(starts(delivery))
        .containsExactly(
            Instant.parse("2026-11-20T02:03:41.090Z"), Instant.parse("2026-11-20T02:03:11.512Z"));
    // Go writes nanoseconds and may write an offset.
    first.put("startsAt", "2026-11-20T03:03:11.512345678+01:00");
    second.put("status", "resolved");
    assertThat(starts(delivery)).containsExactly(Instant.parse("2026-11-20T02:03:11.512345678Z"));
    second.put("status", "firing");
    for (JsonNode unreadable :
        new JsonNode[] {
          read("1763629440"), read("\"yesterday\""), read("\"0001-01-01T00:00:00Z\""), read("null")
        }) {
      // One alert whose start cannot be read may be the new one: the delivery counts as new.
      first.set("startsAt", unreadable);
      assertThat(starts(delivery)).as("start %s", unreadable).isEmpty();
    }
    first.put("startsAt", "2026-11-20T02:03:11.512Z");
    delivery.put("truncatedAlerts", 3);
    assertThat(starts(delivery)).as("a delivery cut short").isEmpty();
    assertThat(
            MAPPER
                .fromAlertmanager("alertmanager", payload(fixture("alertmanager-resolved.json")))
                .event()
                .alertStarts())
        .isEmpty();
  }

  private static java.util.List<Instant> starts(ObjectNode delivery) {
    return MAPPER.fromAlertmanager("alertmanager", payload(delivery)).event().alertStarts();
  }

  @Test
  void aServiceFitsByItsCharactersNotItsUtf16Units() {
    // Declarations refuse what does not fit and alerts cut it, by this one measure.
    assertThat(AlertMapper.fitsAsService("\uD83D\uDD25".repeat(150))).isTrue();
    assertThat(AlertMapper.fitsAsService("\uD83D\uDD25".repeat(200))).isTrue();
    assertThat(AlertMapper.fitsAsService("\uD83D\uDD25".repeat(201))).isFalse();
  }

  @Test
  void aServiceLabelLongerThanAnIncidentCanHoldIsCutSoTheIncidentStillOpens() {
    ObjectNode delivery = fixture("alertmanager-firing.json");
    String huge = "\uD83D\uDD25".repeat(3000);
    ((ObjectNode) delivery.path("commonLabels")).put("service", huge);

    String service = MAPPER.fromAlertmanager("alertmanager", payload(delivery)).input().service();

    assertThat(service.codePointCount(0, service.length()))
        .isEqualTo(AlertMapper.MAX_SERVICE_LENGTH);
    assertThat(service).startsWith("\uD83D\uDD25").endsWith("\uD83D\uDD25\u2026");
    AlertMapper.MappedAlert generic =
        MAPPER.fromGeneric(
            generic(
                "{\"dedupKey\":\"k\",\"status\":\"firing\",\"severity\":\"SEV2\",\"service\":\""
                    + "s".repeat(5000)
                    + "\"}"));
    assertThat(generic.input().service()).hasSize(AlertMapper.MAX_SERVICE_LENGTH);
  }

  @Test
  void aGenericAlertsStatusIsReadInAnyCase() {
    AlertMapper.MappedAlert mapped =
        MAPPER.fromGeneric(
            generic(
                "{\"dedupKey\":\"db-disk\",\"status\":\" FIRING \",\"severity\":\"critical\","
                    + "\"title\":\"Disk full\"}"));

    assertThat(mapped.event().firing()).isTrue();
    assertThat(
            MAPPER
                .fromGeneric(generic("{\"dedupKey\":\"db-disk\",\"status\":\"Resolved\"}"))
                .event()
                .firing())
        .isFalse();
  }

  @Test
  void aGenericAlertTakesItsSeverityFromItsLabelsAndItsTitleFromItsAlertnameOrDedupKey() {
    AlertMapper.MappedAlert labelled =
        MAPPER.fromGeneric(
            generic(
                "{\"dedupKey\":\"db-disk\",\"status\":\"firing\","
                    + "\"labels\":{\"severity\":\"critical\",\"alertname\":\"DiskFull\"}}"));
    AlertMapper.MappedAlert bare =
        MAPPER.fromGeneric(
            generic("{\"dedupKey\":\"db-disk\",\"status\":\"firing\",\"severity\":\"P2\"}"));

    assertThat(labelled.input().severity()).isEqualTo(Severity.SEV1);
    assertThat(labelled.input().title()).isEqualTo("DiskFull");
    assertThat(bare.input().severity()).isEqualTo(Severity.SEV2);
    assertThat(bare.input().title()).isEqualTo("db-disk");
    assertThatThrownBy(
            () ->
                MAPPER.fromGeneric(
                    generic(
                        "{\"dedupKey\":\"k\",\"status\":\"firing\","
                            + "\"labels\":{\"severity\":\"sev-0\"}}")))
        .isInstanceOfSatisfying(
            ApiException.class,
            refused ->
                assertThat(refused.details())
                    .singleElement()
                    .asString()
                    .startsWith("labels.severity 'sev-0' is not a known severity or alias"));
  }

  @Test
  void aRefusedGenericAlertNamesTheFieldsItDoesNotHave() {
    assertThatThrownBy(
            () ->
                MAPPER.fromGeneric(
                    generic(
                        "{\"dedup_key\":\"db-disk\",\"status\":\"firing\",\"severty\":\"SEV1\","
                            + "\"extra\":null}")))
        .isInstanceOfSatisfying(
            ApiException.class,
            refused ->
                assertThat(refused.details())
                    .containsExactly(
                        "dedupKey is required",
                        "severity is required (or a severity label)",
                        "fields a generic alert does not have were ignored: dedup_key, extra,"
                            + " severty (it has dedupKey, status, service, severity, title,"
                            + " description, labels, links)"));
  }

  @Test
  void anAlertmanagerBodySentToTheGenericPathAndAGenericOneSentToAlertmanagersSaySo() {
    String alertmanager = fixture("alertmanager-firing.json").toString();

    assertThatThrownBy(() -> MAPPER.fromGeneric(generic(alertmanager)))
        .isInstanceOfSatisfying(
            ApiException.class,
            refused ->
                assertThat(refused.details())
                    .contains(
                        "this body has groupKey and alerts, as an Alertmanager or Grafana webhook"
                            + " has: send those to POST /v1/alerts/alertmanager or"
                            + " /v1/alerts/grafana"));
    assertThatThrownBy(
            () ->
                MAPPER.fromAlertmanager(
                    "alertmanager",
                    payload(
                        read(
                            "{\"dedupKey\":\"db-disk\",\"status\":\"firing\","
                                + "\"severity\":\"SEV1\"}"))))
        .isInstanceOfSatisfying(
            ApiException.class,
            refused ->
                assertThat(refused.details())
                    .contains(
                        "groupKey is required",
                        "this body has a dedupKey, as a generic alert has: send generic alerts to"
                            + " POST /v1/alerts"));
  }

  private static AlertmanagerPayload grafana(String orgId) {
    ObjectNode delivery = fixture("grafana-firing.json");
    delivery.set("orgId", read(orgId));
    return payload(delivery);
  }

  @Test
  void aGroupsMessageListingThousandsOfAlertsAndTheirLinksIsCutToWhatAnIncidentTakes() {
    ObjectNode delivery = fixture("grafana-firing.json");
    delivery.put("message", "Alert ".repeat(200_000));
    ArrayNode alerts = (ArrayNode) delivery.path("alerts");
    ObjectNode first = (ObjectNode) alerts.get(0);
    for (int panel = 0; panel < 50; panel++) {
      alerts.add(
          first.deepCopy().put("panelURL", "https://grafana.example.com/d/x?viewPanel=" + panel));
    }

    AlertMapper.MappedAlert mapped = MAPPER.fromAlertmanager("grafana", payload(delivery));

    assertThat(mapped.input().description())
        .hasSize(AlertMapper.MAX_DESCRIPTION_LENGTH)
        .startsWith("Alert Alert")
        .endsWith("\u2026");
    assertThat(mapped.input().links()).hasSize(AlertMapper.MAX_LINKS);
    assertThat(mapped.event().links()).hasSize(AlertMapper.MAX_LINKS);
  }

  private static ObjectNode alert(ObjectNode delivery, int index) {
    return (ObjectNode) delivery.path("alerts").get(index).path("labels");
  }

  private static AlertmanagerPayload payload(JsonNode delivery) {
    try {
      return JSON.treeToValue(delivery, AlertmanagerPayload.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static GenericAlert generic(String body) {
    try {
      return JSON.readValue(body, GenericAlert.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static ObjectNode fixture(String name) {
    return (ObjectNode) read(TestStack.fixture(name));
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
