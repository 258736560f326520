// The processes motcua-desk-bench starts and times: a bare wx frame with an empty list (the baseline), and the real
// desk (DeskController and its views, as motcua-desk wires them) that reports when its queue lists rows, then pages
// and live changes. Each speaks to the parent in lines on stdout.
#pragma once

#include <string>

namespace motcua::bench {

struct DeskChildOptions {
    int port = 0;  // the motcua-server on 127.0.0.1
    std::string user;
    std::string password;
    int pages = 0;               // after launch: scroll this many pages further (0: exit after launch)
    int changes = 0;             // after launch: this many citizen submissions to the clerk's agency, each timed
    std::string client, secret;  // the citizen-app client that signs them
    std::string procedureCode, agencyCode;
};

// Called first in main(): the child's phases are reported from here (steady_clock is the system-wide monotonic
// clock, so the parent can set them against its fork()).
void MarkMainStart();

// Runs wx with a bare frame holding an empty report list; prints "ready" once it is on screen, then "hwm KIB".
int RunBareChild(int argc, char** argv);
// Runs the desk, logged in at once; prints "phase NAME NS" (steady_clock nanoseconds) at main, OnInit, logged in
// with the window built, and rows drawn; "ready" once the role's usual queue lists rows, "hwm-launch KIB", then
// per change "change DESK_MS SSE_MS REQUEST_MS", per page "page MS", per screen paged down "screen MS LOADED", and
// "hwm-pages KIB"; "error TEXT" on failure.
int RunDeskChild(int argc, char** argv, const DeskChildOptions& options);

}  // namespace motcua::bench
