// The managers' dashboard at scale (issue 9): the KPI summary against the naive GROUP BY on a generated database.
#pragma once

#include <ostream>
#include <string>

namespace motcua::bench {

struct KpiBenchOptions {
    std::string conninfo;  // the generated database migrated to 0024 (scripts/bench.sh generate, then migrate)
    int rounds = 20;       // timed summary reads per figure, after one unmeasured read
    int naiveRounds = 2;   // timed naive counts per figure (seconds each at ten million dossiers)
};

// Brings the summary to the shipped calendar (timed: a full recount when it was computed with another one), then
// prints for a province-wide year, one ward's month and the province's last twelve months per procedure: the
// summary's median and p95; the median of a plain GROUP BY of the dossier table (a few counts, no history) and its
// ratio; the median of the naive query of every figure (Store::KpisNaive), its ratio, and whether it gave the same
// figures.
// Returns 0, or 1 when they differ.
int RunKpiBench(const KpiBenchOptions& options, std::ostream& out);

}  // namespace motcua::bench
