// Live updates at scale: thousands of open staff event streams (GET /staff/v1/events) against one in-process server,
// with changes committed through the API; threads, memory, event latency, and an ordinary request's latency beside
// the streams against the same request with none open.
#pragma once

#include <ostream>

namespace motcua::bench {

struct EventsBenchOptions {
    int streams = 2000;
    int seconds = 10;            // of publishing, with the streams open
    double eventsPerSecond = 5;  // changes committed per second (each paper intake is two events: submit, accept)
};

// Needs MOTCUA_TEST_PG, as the submission benchmark. Returns 0 when every stream received every event, 1 otherwise.
int RunEventsBench(const EventsBenchOptions& options, std::ostream& out);

}  // namespace motcua::bench
