// The desk on a generated database: launch to a usable queue, a page shown, a change made elsewhere shown, and the
// desk's peak memory, each against a baseline of the same run (scripts/bench.sh desk).
#pragma once

#include <iosfwd>
#include <string>

namespace motcua::bench {

struct DeskBenchOptions {
    std::string conninfo;    // the database scripts/bench.sh generate filled (as the application role)
    std::string serverPath;  // the motcua-server executable, started as its own process
    std::string calendar;    // its working calendar file
    std::string self;        // this executable, started again for every desk and bare frame
    int rounds = 5;          // launches per figure
    int pages = 20;
    int changes = 10;
};

int RunDeskBench(const DeskBenchOptions& options, std::ostream& out);

}  // namespace motcua::bench
