package dev.incidentflow.workflows.activities;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IncidentNumberTest {

  @Test
  void anIdInAnyCaseOrABareNumberIsParsed() {
    assertThat(IncidentNumber.parse("INC-42")).contains(new IncidentNumber(42));
    assertThat(IncidentNumber.parse("inc-42")).contains(new IncidentNumber(42));
    assertThat(IncidentNumber.parse("42")).contains(new IncidentNumber(42));
  }

  @Test
  void digitsOfOtherScriptsAreNotAnIncidentNumber() {
    // Arabic-Indic and full-width digits, which Long.parseLong reads as 1 and 12.
    assertThat(IncidentNumber.parse("INC-\u0661")).isEmpty();
    assertThat(IncidentNumber.parse("INC-\uff11\uff12")).isEmpty();
    assertThat(IncidentNumber.parse("\u0661")).isEmpty();
  }

  @Test
  void zeroNegativeTooLongAndPaddedIdsAreNotIncidentNumbers() {
    assertThat(IncidentNumber.parse("INC-0")).isEmpty();
    assertThat(IncidentNumber.parse("INC--1")).isEmpty();
    assertThat(IncidentNumber.parse("INC-99999999999999999999")).isEmpty();
    assertThat(IncidentNumber.parse("INC-1 ")).isEmpty();
    assertThat(IncidentNumber.parse("INC-")).isEmpty();
    assertThat(IncidentNumber.parse(null)).isEmpty();
  }
}
