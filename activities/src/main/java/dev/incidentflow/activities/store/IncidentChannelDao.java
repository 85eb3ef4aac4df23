package dev.incidentflow.activities.store;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** SQL finding an incident by its Slack channel. */
@RegisterRowMapper(IncidentRecordMapper.class)
interface IncidentChannelDao {

  /**
   * The newest incident whose channel is {@code channelId}. A channel belongs to one incident; the
   * ordering only makes the answer deterministic should a reused channel ever carry two.
   */
  @SqlQuery(
      "SELECT "
          + IncidentRecordMapper.COLUMNS
          + """
      FROM incidents
      WHERE channel_id = :channelId
      ORDER BY number DESC
      LIMIT 1
      """)
  Optional<IncidentRecord> findByChannel(@Bind("channelId") String channelId);
}
