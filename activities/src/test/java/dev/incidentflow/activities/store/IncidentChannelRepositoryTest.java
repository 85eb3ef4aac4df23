package dev.incidentflow.activities.store;

import static dev.incidentflow.activities.store.SampleIncidents.START;
import static dev.incidentflow.activities.store.SampleIncidents.incident;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentflow.workflows.activities.NewIncident;
import dev.incidentflow.workflows.model.Severity;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IncidentChannelRepositoryTest {

  @RegisterExtension
  static final EmbeddedPostgresExtension POSTGRES = new EmbeddedPostgresExtension();

  private IncidentStoreActivitiesImpl store;
  private IncidentChannelRepository channels;

  @BeforeEach
  void setUp() {
    store = new IncidentStoreActivitiesImpl(POSTGRES.jdbi());
    channels = new IncidentChannelRepository(POSTGRES.jdbi());
  }

  @Test
  void findsTheIncidentWhoseChannelItIs() {
    long checkout =
        opened(
            incident("wf-1", "Checkout down", "", Severity.SEV1, "checkout", START),
            "C0CHECKOUT",
            "inc-1-sev1-checkout-down");
    opened(
        incident("wf-2", "Search slow", "", Severity.SEV3, "search", START),
        "C0SEARCH",
        "inc-2-sev3-search-slow");

    assertThat(channels.findByChannel("C0CHECKOUT"))
        .hasValueSatisfying(
            found -> {
              assertThat(found.number()).isEqualTo(checkout);
              assertThat(found.channelName()).isEqualTo("inc-1-sev1-checkout-down");
            });
  }

  @Test
  void aChannelWithoutAnIncidentFindsNothing() {
    store.recordIncident(incident("wf-1", "No channel yet", "", Severity.SEV2, "checkout", START));

    assertThat(channels.findByChannel("C0GENERAL")).isEmpty();
    assertThat(channels.findByChannel("")).isEmpty();
  }

  private long opened(NewIncident incident, String channelId, String channelName) {
    long number = store.recordIncident(incident).number();
    store.saveIncident(
        SampleIncidents.channelOpened(number, incident, channelId, channelName, List.of()));
    return number;
  }
}
