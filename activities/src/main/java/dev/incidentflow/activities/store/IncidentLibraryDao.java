package dev.incidentflow.activities.store;

import dev.incidentflow.workflows.activities.SimilarIncident;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Reads over past incidents: similar ones and repeats. */
@RegisterRowMapper(SimilarIncidentMapper.class)
interface IncidentLibraryDao {

  @SqlQuery(IncidentLibrarySql.SIMILAR)
  List<SimilarIncident> similar(@Bind("number") long number, @Bind("limit") int limit);

  @SqlQuery(IncidentLibrarySql.REPEAT_OF)
  Optional<Long> repeatOf(@Bind("number") long number);
}
