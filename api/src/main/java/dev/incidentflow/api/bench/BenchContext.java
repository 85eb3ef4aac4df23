package dev.incidentflow.api.bench;

/** What every phase of a run works with. */
record BenchContext(
    BenchOptions options,
    BenchTarget target,
    BenchApi api,
    AlertPayloads payloads,
    FakePagerDuty pagerDuty,
    FakeSlack slack,
    BenchReport report) {}
