// The desk's queues and search at scale: server time of each queue's pages, the counts and searches on a generated
// database, against a primary-key lookup over HTTP in the same run.
#pragma once

#include <ostream>
#include <string>

namespace motcua::bench {

struct QueueBenchOptions {
    std::string conninfo;  // the generated database, as the application role (scripts/bench.sh generate)
    int rounds = 30;       // timed requests per figure, after two unmeasured ones
};

// Prints one line per figure: median, p95, and the median's ratio to the baseline's. Returns 0, or 1 when a request
// failed.
int RunQueueBench(const QueueBenchOptions& options, std::ostream& out);

}  // namespace motcua::bench
