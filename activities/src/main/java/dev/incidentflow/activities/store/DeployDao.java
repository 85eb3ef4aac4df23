package dev.incidentflow.activities.store;

import dev.incidentflow.workflows.activities.Deploy;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** SQL over {@code deploys}. Every value is a bound parameter. */
@RegisterRowMapper(DeployMapper.class)
interface DeployDao {

  /** Inserts the deploy unless its (service, version, time) is taken; empty if it was. */
  @SqlQuery(
      """
      INSERT INTO deploys (service, version, commit_ref, url, deployed_at, author)
      VALUES (:service, :version, :commit, :url, :deployedAt, :author)
      ON CONFLICT (service, version, deployed_at) DO NOTHING
      RETURNING id, service, version, commit_ref, url, deployed_at, author
      """)
  Optional<Deploy> insertIfAbsent(@BindMethods NewDeploy deploy);

  @SqlQuery(
      """
      SELECT id, service, version, commit_ref, url, deployed_at, author
      FROM deploys
      WHERE service = :service AND version = :version AND deployed_at = :deployedAt
      """)
  Optional<Deploy> find(@BindMethods NewDeploy deploy);
}
