package dev.incidentflow.activities.store;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Finds the incident a Slack channel belongs to, so that a command typed in an incident channel
 * needs no incident id.
 */
public final class IncidentChannelRepository {

  private final IncidentChannelDao dao;

  /**
   * @param jdbi over a migrated database (see {@link Migrations}), with {@code SqlObjectPlugin}
   *     installed (see {@link IncidentJdbi})
   */
  public IncidentChannelRepository(Jdbi jdbi) {
    requireNonNull(jdbi, "jdbi is null");
    this.dao = jdbi.onDemand(IncidentChannelDao.class);
  }

  /** The incident whose Slack channel has id {@code channelId}, if any. */
  public Optional<IncidentRecord> findByChannel(String channelId) {
    requireNonNull(channelId, "channelId is null");
    if (channelId.isBlank()) {
      return Optional.empty();
    }
    return dao.findByChannel(channelId);
  }
}
