#pragma once

#include <QString>

// The fleet row of dcs-bench: `regions` regions (one dcs-sim each) with `instances` instances
// each, read by the real fleet window (models, proxy, request queue, cache) on this thread — how
// long until every instance has its backup health, how many requests that took, and the GUI
// thread's longest stall; then a restart on the cache: how soon the last known health shows,
// and what a refresh asks for when nothing is stale.
struct FleetBenchOptions {
    QString simProgram;
    int regions = 3;
    int instances = 2000;
    int latencyMs = 10;  // per request, in each simulator
    int concurrency = 4; // the fleet's calls at once per endpoint
};

// Prints its rows; 0 when every instance got its health, 1 otherwise.
int runFleetBench(const FleetBenchOptions &options);
