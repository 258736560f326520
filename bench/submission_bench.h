// Submission throughput through the real path (HTTP citizen API → in-process server → PostgreSQL) against
// Store::CreateDossier called directly, all to one agency (one daily code counter) and spread over four.
#pragma once

#include <ostream>

namespace motcua::bench {

struct SubmissionBenchOptions {
    int clients = 4;        // concurrent submitters
    int perClient = 500;    // dossiers each client submits in each phase
    int maxSeconds = 120;   // a phase stops there even if unfinished
    int rounds = 3;         // each round runs the four phases again on new days; rates are medians over the rounds
    int serverThreads = 8;  // HTTP workers and database connections, as `motcua-server serve --threads`
};

// Needs MOTCUA_TEST_PG (a cluster's admin conninfo, as for the integration tests): creates a throwaway migrated
// database there (test::TestDatabase) and drops it at the end. Prints the figures and ratios to `out`. Returns 0
// when every submission succeeded and every agency's codes are gap-free, 1 otherwise.
int RunSubmissionBench(const SubmissionBenchOptions& options, std::ostream& out);

}  // namespace motcua::bench
