package dev.incidentflow.api.bench;

import java.util.Optional;

/**
 * What every phase of a run works with.
 *
 * @param run this run's id, in the ids of everything it starts
 * @param floor the floors' probe, when the bench has a client of the deployment's Temporal server
 */
record BenchContext(
    String run,
    BenchOptions options,
    BenchTarget target,
    BenchApi api,
    AlertPayloads payloads,
    FakePagerDuty pagerDuty,
    FakeSlack slack,
    BenchReport report,
    Optional<FloorProbe> floor) {}
