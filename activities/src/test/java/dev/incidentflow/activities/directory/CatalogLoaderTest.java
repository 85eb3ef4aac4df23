package dev.incidentflow.activities.directory;

import static dev.incidentflow.activities.directory.ShippedConfig.catalogWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentflow.workflows.activities.ServiceInfo;
import dev.incidentflow.workflows.model.Person;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** The shipped catalog.yml loads, and a catalog naming somebody or something unknown does not. */
class CatalogLoaderTest {

  @Test
  void shippedCatalogKnowsPeopleWithTheirContactsAndManagers() {
    Catalog catalog = ShippedConfig.catalog();

    assertThat(catalog.people()).containsOnlyKeys("alice", "bob", "carol", "dana", "erin", "frank");
    assertThat(catalog.person("alice"))
        .contains(
            new Person(
                "alice",
                "Alice Ng",
                "alice@example.com",
                "U0ALICE",
                "5b10a2844c20165700ede21g",
                null,
                "dana"));
    assertThat(catalog.person("frank").orElseThrow().manager()).isNull();
  }

  @Test
  void shippedCatalogNamesTheStandingRoles() {
    Catalog catalog = ShippedConfig.catalog();

    assertThat(catalog.roles())
        .containsEntry("engineering-manager", "dana")
        .containsEntry("vp-engineering", "erin")
        .containsEntry("executive", "frank");
  }

  @Test
  void shippedPaymentsRotationHandsOffMondayNineBerlinTime() {
    OnCallSchedule payments = ShippedConfig.catalog().schedule("payments-oncall").orElseThrow();

    assertThat(payments.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(payments.handoffDay()).isEqualTo(DayOfWeek.MONDAY);
    assertThat(payments.handoffTime()).isEqualTo(LocalTime.of(9, 0));
    assertThat(payments.start()).isEqualTo(LocalDate.of(2026, 1, 5));
    assertThat(payments.rotation()).containsExactly("alice", "bob", "carol");
  }

  @Test
  void shippedServicesGetTheDefaultStakeholderChannelAndTheirOwnJiraProject() {
    Catalog catalog = ShippedConfig.catalog();

    assertThat(catalog.service("checkout"))
        .isEqualTo(
            new ServiceInfo(
                "checkout",
                "payments",
                "payments-oncall",
                "https://runbooks.example.com/checkout",
                "https://grafana.example.com/d/checkout",
                List.of("payments-api"),
                "PAY",
                "incidents"));
    assertThat(catalog.service("search").schedule()).isNull();
    assertThat(catalog.defaults()).isEqualTo(new CatalogDefaults("unknown", "incidents", "OPS"));
  }

  @Test
  void aServiceNamedInAnotherCaseIsSpelledAsTheCatalogSpellsIt() {
    Catalog catalog = ShippedConfig.catalog();

    assertThat(catalog.serviceName("Checkout")).isEqualTo("checkout");
    assertThat(catalog.serviceName(" PAYMENTS-API ")).isEqualTo("payments-api");
    assertThat(catalog.serviceName("checkout")).isEqualTo("checkout");
    assertThat(catalog.serviceName(" Billing ")).isEqualTo("Billing");
  }

  @Test
  void aPersonNamedInAnotherCaseHasTheCatalogsHandle() {
    Catalog catalog = ShippedConfig.catalog();

    assertThat(catalog.handleOf(" Alice ")).contains("alice");
    assertThat(catalog.handleOf("alice")).contains("alice");
    assertThat(catalog.handleOf("zed")).isEmpty();
  }

  @Test
  void unknownServiceGetsTheDefaultJiraProjectAndStakeholderChannel() {
    ServiceInfo billing = ShippedConfig.catalog().service("billing");

    assertThat(billing)
        .isEqualTo(
            new ServiceInfo("billing", null, null, null, null, List.of(), "OPS", "incidents"));
  }

  @Test
  void unknownServiceBorrowsTheEntryNamedByDefaultsService() {
    Catalog catalog =
        catalogWith(
            "services:\n",
            "services:\n  unknown: {team: sre, schedule: payments-oncall, jiraProject: SRE}\n");

    ServiceInfo billing = catalog.service("billing");

    assertThat(billing.name()).isEqualTo("billing");
    assertThat(billing.team()).isEqualTo("sre");
    assertThat(billing.schedule()).isEqualTo("payments-oncall");
    assertThat(billing.jiraProject()).isEqualTo("SRE");
    assertThat(billing.stakeholderChannel()).isEqualTo("incidents");
  }

  @Test
  void scheduleNamingAnUnknownPersonIsRefused() {
    assertRefused("rotation: [alice, bob, carol]", "rotation: [alice, zed, carol]")
        .hasMessage(
            "catalog.yml: schedules.payments-oncall.rotation[1]: 'zed' is not a person in people");
  }

  @Test
  void managerWhoDoesNotExistIsRefused() {
    assertRefused(
            "pagerdutyRoutingKey: null, manager: erin}",
            "pagerdutyRoutingKey: null, manager: eric}")
        .hasMessage("catalog.yml: people.dana.manager: 'eric' is not a person in people");
  }

  @Test
  void roleNamingAnUnknownPersonIsRefused() {
    assertRefused("executive: frank", "executive: fran")
        .hasMessage("catalog.yml: roles.executive: 'fran' is not a person in people");
  }

  @Test
  void roleNamingNobodyIsRefused() {
    assertRefused("executive: frank", "executive:")
        .hasMessage(
            "catalog.yml: roles.executive: names nobody; give the handle of the person holding the"
                + " role");
  }

  @Test
  void serviceOnAnUnknownScheduleIsRefused() {
    assertRefused(
            "schedule: payments-oncall\n    runbook: https://runbooks.example.com/checkout",
            "schedule: payment-oncall\n    runbook: https://runbooks.example.com/checkout")
        .hasMessage(
            "catalog.yml: services.checkout.schedule: 'payment-oncall' is not a schedule in"
                + " schedules");
  }

  @Test
  void serviceDependingOnAnUnknownServiceIsRefused() {
    assertRefused("dependsOn: [payments-api]", "dependsOn: [payments-api, ledger]")
        .hasMessage(
            "catalog.yml: services.checkout.dependsOn[1]: 'ledger' is not a service in services");
  }

  @Test
  void badTimeZoneIsRefused() {
    assertRefused("timezone: Europe/Berlin", "timezone: Europe/Bonn")
        .hasMessage(
            "catalog.yml: schedules.payments-oncall.timezone: 'Europe/Bonn' is not a time zone (use"
                + " a region like Europe/Berlin)");
  }

  @Test
  void badHandoffDayIsRefused() {
    assertRefused("day: MONDAY", "day: MONTAG")
        .hasMessage(
            "catalog.yml: schedules.payments-oncall.handoff.day: 'MONTAG' is not a day of the week"
                + " (use MONDAY ... SUNDAY)");
  }

  @Test
  void badHandoffTimeIsRefused() {
    assertRefused("time: \"09:00\"", "time: \"9am\"")
        .hasMessage(
            "catalog.yml: schedules.payments-oncall.handoff.time: '9am' is not a time of day (use"
                + " HH:MM, e.g. \"09:00\")");
  }

  @Test
  void handoffTimeOutsideTheDayIsRefused() {
    assertRefused("time: \"09:00\"", "time: \"25:00\"")
        .hasMessageStartingWith(
            "catalog.yml: schedules.payments-oncall.handoff.time: '25:00' is not a time of day");
  }

  @Test
  void startOffTheHandoffDayIsRefused() {
    assertRefused("start: 2026-01-05", "start: 2026-01-06")
        .hasMessage(
            "catalog.yml: schedules.payments-oncall.start: 2026-01-06 is a TUESDAY, not the"
                + " handoff day MONDAY; start must be the date of a handoff");
  }

  @Test
  void handleWithACommaIsRefused() {
    assertRefused("  alice: {name: Alice Ng", "  \"alice,bob\": {name: Alice Ng")
        .hasMessage("catalog.yml: people.alice,bob: a handle cannot contain a comma");
  }

  @Test
  void unknownKeyIsRefused() {
    assertRefused("rotation: [alice, bob, carol]", "rotation: [alice, bob, carol]\n    layers: 2")
        .hasMessageStartingWith(
            "catalog.yml: schedules.payments-oncall.layers: unknown key (known here: handoff,"
                + " rotation, start, timezone)");
  }

  @Test
  void missingDefaultsAreRefused() {
    assertRefused(
            "defaults: {service: unknown, stakeholderChannel: incidents, jiraProject: OPS}", "")
        .hasMessage("catalog.yml: defaults: missing; expected a mapping");
  }

  @Test
  void missingDefaultJiraProjectIsRefused() {
    assertRefused(", jiraProject: OPS}", "}")
        .hasMessage("catalog.yml: defaults.jiraProject: missing; expected a name");
  }

  @Test
  void blankServiceJiraProjectIsRefused() {
    assertRefused(
            "    dependsOn: [payments-api]\n    jiraProject: PAY",
            "    dependsOn: [payments-api]\n    jiraProject: \" \"")
        .hasMessage("catalog.yml: services.checkout.jiraProject: cannot be blank");
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(
      String original, String replacement) {
    return assertThatThrownBy(() -> catalogWith(original, replacement))
        .isInstanceOf(ConfigurationError.class);
  }
}
