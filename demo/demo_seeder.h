// Loads the demo province (agencies, procedure catalogue, staff, a few thousand dossiers) into an empty database.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>

#include "model/time.h"
#include "model/working_calendar.h"

namespace motcua::pg {
class Store;
}

namespace motcua::demo {

// The citizen-app client that `seed --demo` registers; the simulator and the demo sign with it.
inline constexpr const char* kDemoClient = "demo-app";
inline constexpr const char* kDemoClientSecret = "demo-app-secret";

struct SeedOptions {
    int dossiers = 3000;                  // how many historical dossiers to generate (0 .. 200000)
    std::string password = "demo";        // password of every demo account (demo.clerk, demo.handler, …)
    std::uint32_t randomSeed = 20261127;  // same seed and `now` → the same province, byte for byte
    Instant now{};                        // the dossiers spread over the 90 days before it; the epoch means "the clock"
};

struct SeedSummary {
    int agencies = 0;  // province + departments + communes
    int departments = 0;
    int communes = 0;  // communes and wards
    int procedures = 0;
    int staff = 0;
    int dossiers = 0;
    int historyEvents = 0;
    std::array<int, 11> dossiersByStatus{};  // index = national status code 1..10; [0] unused
    int overdueOpenDossiers = 0;             // received, still being processed and past due at `now`
    std::string demoAgencyCode;              // the ward of demo.clerk
    int demoAgencyOpenDossiers = 0;          // what demo.clerk's inbox holds
    int demoAgencyAwaitingIntake = 0;        // of which status 1
};

// Generates the province (demo_province.h, its times placed on `calendar`) and inserts it through a pg::Seeder over
// `store`: agencies, procedures, staff, then the dossiers with their history in one bulk transaction. `hashPassword`
// turns the plain password into the stored hash (the server's KDF); it is called once and the hash is shared by every
// demo account, so seeding stays fast with a slow KDF. Throws Error(Conflict) when the database already holds
// agencies (seeding twice would duplicate the province) and Error(BadInput, "dossiers"/"password") for out-of-range
// options; nothing is written then.
SeedSummary SeedDemo(pg::Store& store, const SeedOptions& options, const WorkingCalendar& calendar,
                     const std::function<std::string(const std::string&)>& hashPassword);

}  // namespace motcua::demo
