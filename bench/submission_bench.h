// Submission throughput through the real path (signed HTTP citizen API → in-process server → PostgreSQL) against
// pgbench inserting the same rows, spread over four agencies and all to one (one daily code counter).
#pragma once

#include <cstddef>
#include <ostream>
#include <vector>

namespace motcua::bench {

struct SubmissionBenchOptions {
    std::vector<int> clientCounts{4, 16};      // concurrent submitters, one shape per count
    int seconds = 10;                          // length of every phase
    int serverThreads = 0;                     // HTTP workers and database connections; 0: max(8, clients + 4)
    std::size_t attachmentBytes = 200 * 1024;  // the file of the shapes with an attachment; 0: none of those
};

// Needs MOTCUA_TEST_PG (a cluster's admin conninfo, as for the integration tests): creates a throwaway migrated
// database there (test::TestDatabase) and drops it at the end. Prints the figures, the ratios to the baseline and
// whether the targets are met (docs/performance.md) to `out`. Returns 0 when every submission succeeded and every
// agency's codes are gap-free, 1 otherwise (a missed target is reported, not a failure: the machine may be busy).
int RunSubmissionBench(const SubmissionBenchOptions& options, std::ostream& out);

}  // namespace motcua::bench
