package dev.incidentflow.activities.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.incidentflow.workflows.activities.ResolvedTargets;
import dev.incidentflow.workflows.activities.ResponderQuery;
import dev.incidentflow.workflows.activities.Responders;
import dev.incidentflow.workflows.activities.ServiceInfo;
import dev.incidentflow.workflows.activities.Staffing;
import dev.incidentflow.workflows.activities.TargetQuery;
import dev.incidentflow.workflows.model.Person;
import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.policy.Policy;
import dev.incidentflow.workflows.policy.SeverityPolicy;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The directory activity over the shipped policy and catalog. Week of Monday 2026-01-12 09:00
 * Berlin: bob is primary, carol secondary.
 */
class DirectoryActivitiesImplTest {
  private static final Instant BOBS_WEEK = Instant.parse("2026-01-14T10:00:00Z");

  private final Policy policy = ShippedConfig.policy();
  private final Catalog catalog = ShippedConfig.catalog();
  private final DirectoryActivitiesImpl directory = new DirectoryActivitiesImpl(policy, catalog);

  @Test
  void currentPolicyIsTheOneLoadedAtStart() {
    assertThat(directory.currentPolicy()).isSameAs(policy);
  }

  @Test
  void respondersAreThisWeeksPrimaryAndSecondaryWithThePrimaryAsCommander() {
    Responders responders = directory.responders(new ResponderQuery("checkout", BOBS_WEEK, null));

    assertThat(responders.service().jiraProject()).isEqualTo("PAY");
    assertThat(responders.primary()).isEqualTo(person("bob"));
    assertThat(responders.secondary()).isEqualTo(person("carol"));
    assertThat(responders.commander()).isEqualTo(person("bob"));
  }

  @Test
  void namedCommanderFromTheCatalogLeadsInsteadOfThePrimary() {
    Responders responders = directory.responders(new ResponderQuery("checkout", BOBS_WEEK, "dana"));

    assertThat(responders.primary()).isEqualTo(person("bob"));
    assertThat(responders.commander()).isEqualTo(person("dana"));
  }

  @Test
  void namedCommanderOutsideTheCatalogIsKnownByHandle() {
    Responders responders = directory.responders(new ResponderQuery("checkout", BOBS_WEEK, "zoe"));

    assertThat(responders.commander()).isEqualTo(Person.ofHandle("zoe"));
  }

  @Test
  void theSeveritysInviteNamesTheStakeholders() {
    DirectoryActivitiesImpl inviting =
        new DirectoryActivitiesImpl(
            ShippedConfig.policyWith(
                "invite: [\"role:engineering-manager\"]",
                "invite: [\"role:engineering-manager\", \"person:erin\", \"person:dana\","
                    + " \"oncall:primary\", \"role:scribe\"]"),
            catalog);

    Responders sev1 =
        inviting.responders(new ResponderQuery("checkout", BOBS_WEEK, null, Severity.SEV1));
    Responders sev2 =
        inviting.responders(new ResponderQuery("checkout", BOBS_WEEK, null, Severity.SEV2));
    Responders noSeverity = inviting.responders(new ResponderQuery("checkout", BOBS_WEEK, null));

    assertThat(sev1.stakeholders()).containsExactly(person("dana"), person("erin"), person("bob"));
    assertThat(sev2.stakeholders()).isEmpty();
    assertThat(noSeverity.stakeholders()).isEmpty();
    assertThat(sev1.primary()).isEqualTo(noSeverity.primary());
  }

  @Test
  void unknownServiceGetsCatalogDefaultsAndNobodyOnCall() {
    Responders responders = directory.responders(new ResponderQuery("billing", BOBS_WEEK, null));

    assertThat(responders.service())
        .isEqualTo(
            new ServiceInfo("billing", null, null, null, null, List.of(), "OPS", "incidents"));
    assertThat(responders.primary()).isNull();
    assertThat(responders.secondary()).isNull();
    assertThat(responders.commander()).isNull();
  }

  @Test
  void sev1SecondStepReachesSecondaryAndEngineeringManager() {
    ResolvedTargets resolved =
        directory.resolveTargets(
            new TargetQuery(
                "checkout",
                List.of("oncall:secondary", "role:engineering-manager"),
                BOBS_WEEK,
                Map.of()));

    assertThat(resolved.people()).containsExactly(person("carol"), person("dana"));
    assertThat(resolved.channels()).isEmpty();
    assertThat(resolved.unresolved()).isEmpty();
  }

  @Test
  void incidentRolesWinOverCatalogRoles() {
    ResolvedTargets resolved =
        directory.resolveTargets(
            new TargetQuery(
                "checkout",
                List.of("role:commander", "role:engineering-manager"),
                BOBS_WEEK,
                Map.of("commander", "alice", "engineering-manager", "erin")));

    assertThat(resolved.people()).containsExactly(person("alice"), person("erin"));
  }

  @Test
  void roleWithNobodyInItIsUnresolved() {
    ResolvedTargets resolved =
        directory.resolveTargets(
            new TargetQuery(
                "checkout",
                List.of("role:communications", "role:executive"),
                BOBS_WEEK,
                Map.of("commander", "alice")));

    assertThat(resolved.people()).containsExactly(person("frank"));
    assertThat(resolved.unresolved()).containsExactly("role:communications");
  }

  @Test
  void oncallOfAServiceWithoutScheduleIsUnresolved() {
    ResolvedTargets resolved =
        directory.resolveTargets(
            new TargetQuery(
                "search", List.of("oncall:primary", "role:vp-engineering"), BOBS_WEEK, Map.of()));

    assertThat(resolved.people()).containsExactly(person("erin"));
    assertThat(resolved.unresolved()).containsExactly("oncall:primary");
    assertThat(resolved.isEmpty()).isFalse();
  }

  @Test
  void oncallOfAnEmptyRotationIsUnresolved() {
    Catalog vacantRotation =
        new Catalog(
            catalog.people(),
            catalog.roles(),
            Map.of(
                "payments-oncall",
                new OnCallSchedule(
                    "payments-oncall",
                    ZoneId.of("Europe/Berlin"),
                    DayOfWeek.MONDAY,
                    LocalTime.of(9, 0),
                    null,
                    List.of())),
            catalog.services(),
            catalog.defaults());
    DirectoryActivitiesImpl vacant = new DirectoryActivitiesImpl(policy, vacantRotation);

    ResolvedTargets resolved =
        vacant.resolveTargets(
            new TargetQuery(
                "checkout", List.of("oncall:primary", "oncall:secondary"), BOBS_WEEK, Map.of()));
    Responders responders = vacant.responders(new ResponderQuery("checkout", BOBS_WEEK, null));

    assertThat(resolved.isEmpty()).isTrue();
    assertThat(resolved.unresolved()).containsExactly("oncall:primary", "oncall:secondary");
    assertThat(responders.primary()).isNull();
    assertThat(responders.commander()).isNull();
  }

  @Test
  void peopleAndChannelsAreDeduplicatedInOrder() {
    ResolvedTargets resolved =
        directory.resolveTargets(
            new TargetQuery(
                "checkout",
                List.of(
                    "oncall:primary",
                    "channel:payments-eng",
                    "person:dana",
                    "person:bob",
                    "role:commander",
                    "channel:payments-eng"),
                BOBS_WEEK,
                Map.of("commander", "bob")));

    assertThat(resolved.people()).containsExactly(person("bob"), person("dana"));
    assertThat(resolved.channels()).containsExactly("payments-eng");
    assertThat(resolved.unresolved()).isEmpty();
  }

  @Test
  void malformedTargetIsUnresolvedInsteadOfFailingTheActivity() {
    ResolvedTargets resolved =
        directory.resolveTargets(
            new TargetQuery("checkout", List.of("pager:x", "oncall:primary"), BOBS_WEEK, Map.of()));

    assertThat(resolved.people()).containsExactly(person("bob"));
    assertThat(resolved.unresolved()).containsExactly("pager:x");
  }

  @Test
  void oncallFollowsTheRotationAtTheQueriedInstant() {
    Instant mondayNineBerlin = Instant.parse("2026-01-19T08:00:00Z");

    ResolvedTargets before =
        directory.resolveTargets(
            new TargetQuery(
                "payments-api",
                List.of("oncall:primary"),
                mondayNineBerlin.minusSeconds(1),
                Map.of()));
    ResolvedTargets after =
        directory.resolveTargets(
            new TargetQuery("payments-api", List.of("oncall:primary"), mondayNineBerlin, Map.of()));

    assertThat(before.people()).containsExactly(person("bob"));
    assertThat(after.people()).containsExactly(person("carol"));
  }

  @Test
  void policyAndRespondersSurviveTemporalsDefaultDataConverter() {
    Responders responders = directory.responders(new ResponderQuery("checkout", BOBS_WEEK, null));

    assertThat(roundTrip(policy, Policy.class)).isEqualTo(policy);
    assertThat(roundTrip(responders, Responders.class)).isEqualTo(responders);
  }

  @Test
  void queriesAndAnswersRecordedBeforeStakeholdersExistedStillReadAsWithoutStakeholders() {
    DataConverter converter = DefaultDataConverter.STANDARD_INSTANCE;
    Responders responders = directory.responders(new ResponderQuery("checkout", BOBS_WEEK, null));
    String recorded =
        new String(
                converter.toPayload(responders).orElseThrow().getData().toByteArray(),
                StandardCharsets.UTF_8)
            .replace(",\"stakeholders\":[]", "");
    assertThat(recorded).doesNotContain("stakeholders");
    String query = "{\"service\":\"checkout\",\"at\":\"2026-01-14T10:00:00Z\",\"commander\":null}";
    String row =
        "{\"description\":\"\",\"aliases\":[],\"page\":false,\"statusUpdates\":null,"
            + "\"monitoringWindow\":1800.0,\"escalation\":[],\"postmortem\":null}";

    assertThat(fromJson(recorded, Responders.class)).isEqualTo(responders);
    assertThat(fromJson(query, ResponderQuery.class))
        .isEqualTo(new ResponderQuery("checkout", BOBS_WEEK, null, null));
    assertThat(fromJson(row, SeverityPolicy.class).invite()).isEmpty();
  }

  @Test
  void resolvedTargetsSurviveTemporalsDefaultDataConverter() {
    ResolvedTargets resolved =
        directory.resolveTargets(
            new TargetQuery(
                "search", List.of("oncall:primary", "channel:search-eng"), BOBS_WEEK, Map.of()));

    assertThat(roundTrip(resolved, ResolvedTargets.class)).isEqualTo(resolved);
  }

  @Test
  void staffingResolvesTheFirstPageAsTheNewIncidentWouldWithTheCommanderAsItsRole() {
    DirectoryActivitiesImpl commanderFirst =
        new DirectoryActivitiesImpl(
            ShippedConfig.policyWith(
                "- {after: 0m, notify: [\"oncall:primary\"]}\n      - {after: 5m, unless: acknowledged,"
                    + " notify: [\"oncall:secondary\"",
                "- {after: 0m, notify: [\"role:commander\", \"oncall:primary\"]}\n"
                    + "      - {after: 5m, unless: acknowledged, notify: [\"oncall:secondary\""),
            catalog);
    ResponderQuery query = new ResponderQuery("checkout", BOBS_WEEK, "dana", Severity.SEV1);

    Staffing staffing = commanderFirst.staffing(query);

    TargetQuery firstPage =
        new TargetQuery(
            "checkout",
            List.of("role:commander", "oncall:primary"),
            BOBS_WEEK,
            Map.of("commander", "dana"));
    assertThat(staffing.responders()).isEqualTo(commanderFirst.responders(query));
    assertThat(staffing.firstPage()).isEqualTo(firstPage);
    assertThat(staffing.firstPageTargets()).isEqualTo(commanderFirst.resolveTargets(firstPage));
    assertThat(staffing.firstPageTargets().people()).containsExactly(person("dana"), person("bob"));
    assertThat(roundTrip(staffing, Staffing.class)).isEqualTo(staffing);
  }

  @Test
  void staffingOfASeverityThatDoesNotPageResolvesNoFirstPage() {
    Staffing sev3 =
        directory.staffing(new ResponderQuery("checkout", BOBS_WEEK, null, Severity.SEV3));
    Staffing unknown = directory.staffing(new ResponderQuery("checkout", BOBS_WEEK, null));

    assertThat(sev3.responders().commander()).isEqualTo(person("bob"));
    assertThat(sev3.firstPage()).isNull();
    assertThat(sev3.firstPageTargets()).isNull();
    assertThat(unknown.firstPage()).isNull();
    assertThat(roundTrip(sev3, Staffing.class)).isEqualTo(sev3);
  }

  private static <T> T roundTrip(T value, Class<T> type) {
    DataConverter converter = DefaultDataConverter.STANDARD_INSTANCE;
    return converter.fromPayload(converter.toPayload(value).orElseThrow(), type, type);
  }

  private static <T> T fromJson(String json, Class<T> type) {
    DataConverter converter = DefaultDataConverter.STANDARD_INSTANCE;
    Payload payload =
        Payload.newBuilder()
            .putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
            .setData(ByteString.copyFromUtf8(json))
            .build();
    return converter.fromPayload(payload, type, type);
  }

  private Person person(String handle) {
    return catalog.person(handle).orElseThrow();
  }
}
