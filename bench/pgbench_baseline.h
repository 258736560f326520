// The submission benchmark's baseline: pgbench running a script that inserts the rows of one online submission in
// one transaction, at a chosen concurrency, on the same cluster and database as the HTTP phases.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/agency.h"
#include "model/time.h"

namespace motcua::bench {

struct PgbenchShape {
    int clients = 1;
    int seconds = 10;
    std::vector<Agency> agencies;  // each transaction draws one uniformly, as the HTTP clients' plans do
    std::int64_t procedureId = 0;
    std::int64_t clientId = 0;  // api_client of the submitting app, as the HTTP path stores it
    Instant now{};              // submission time; its local day names the code counters
    // SQL inserting one attachment for the dossier whose id is the pgbench variable :id (empty: none).
    std::string attachmentSql;
};

struct PgbenchResult {
    double perSecond = 0;  // pgbench's tps without connection time
    double latencyMs = 0;  // pgbench's average latency
    long long transactions = 0;
    std::string error;  // empty when pgbench ran and reported
};

// The pgbench program of the newest PostgreSQL installed (Debian keeps it in /usr/lib/postgresql/N/bin), or empty.
std::string FindPgbench();

// Writes the script into `workDir` and runs pgbench over `conninfo` (the application role); never throws.
PgbenchResult RunPgbench(const std::string& pgbench, const std::string& conninfo, const PgbenchShape& shape,
                         const std::string& workDir);

}  // namespace motcua::bench
