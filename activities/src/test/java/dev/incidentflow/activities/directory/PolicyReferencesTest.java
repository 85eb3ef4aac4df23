package dev.incidentflow.activities.directory;

import static dev.incidentflow.activities.directory.ShippedConfig.policyWith;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentflow.workflows.policy.Policy;
import org.junit.jupiter.api.Test;

/** Every role and person the policy notifies must exist before the process starts. */
class PolicyReferencesTest {
  private final Catalog catalog = ShippedConfig.catalog();

  @Test
  void shippedPolicyOnlyNamesRolesTheShippedCatalogHas() {
    assertThatCode(() -> PolicyReferences.verify(ShippedConfig.policy(), catalog))
        .doesNotThrowAnyException();
  }

  @Test
  void roleNeitherInCatalogNorAnIncidentRoleIsRefused() {
    Policy policy = policyWith("\"role:vp-engineering\"", "\"role:cto\"");

    assertThatThrownBy(() -> PolicyReferences.verify(policy, catalog))
        .isInstanceOf(ConfigurationError.class)
        .hasMessage(
            "policy.yml: severities.SEV1.escalation[2].notify[0]: role 'cto' is neither a role in"
                + " the catalog (engineering-manager, executive, vp-engineering) nor an incident"
                + " role (commander, communications, scribe, tech-lead)");
  }

  @Test
  void incidentRolesNeedNoCatalogEntry() {
    Policy policy = policyWith("\"role:vp-engineering\"", "\"role:communications\"");

    assertThatCode(() -> PolicyReferences.verify(policy, catalog)).doesNotThrowAnyException();
  }

  @Test
  void personNotInCatalogIsRefused() {
    Policy policy = policyWith("\"role:executive\"", "\"person:zed\"");

    assertThatThrownBy(
            () -> PolicyReferences.verify(policy, catalog, "/etc/incidentflow/policy.yml"))
        .isInstanceOf(ConfigurationError.class)
        .hasMessage(
            "/etc/incidentflow/policy.yml: severities.SEV1.escalation[3].notify[0]: person 'zed' is"
                + " not in the catalog's people");
  }

  @Test
  void invitedPersonNotInCatalogIsRefused() {
    Policy policy =
        policyWith("invite: [\"role:engineering-manager\"]", "invite: [\"person:zed\"]");

    assertThatThrownBy(() -> PolicyReferences.verify(policy, catalog))
        .isInstanceOf(ConfigurationError.class)
        .hasMessage(
            "policy.yml: severities.SEV1.invite[0]: person 'zed' is not in the catalog's people");
  }

  @Test
  void personInCatalogAndChannelsPass() {
    Policy policy = policyWith("\"role:executive\"", "\"person:frank\", \"channel:leadership\"");

    assertThatCode(() -> PolicyReferences.verify(policy, catalog)).doesNotThrowAnyException();
  }
}
