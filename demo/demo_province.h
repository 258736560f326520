// A believable demo province generated without a database: agencies, catalogue, staff, dossiers and their history.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/agency.h"
#include "model/dossier.h"
#include "model/procedure.h"
#include "model/time.h"
#include "model/workflow.h"
#include "model/working_calendar.h"

namespace motcua::demo {

// Every id below is local to the generated province: position in its vector + 1. The seeder maps them to the ids
// the database hands out.
struct DemoStaff {
    std::int64_t id = 0;
    std::string username;  // ASCII, "<role>.<agency slug>" or one of the fixed demo accounts
    std::string fullName;
    Role role = Role::Clerk;
    std::int64_t agencyId = 0;
};

// Names of the fixed accounts; all live in the first ward except the admin (the province) and the department's
// accounts, which live in the department that takes the ward's forwarded dossiers (Sở Tư pháp).
inline constexpr const char* kDemoClerk = "demo.clerk";
inline constexpr const char* kDemoHandler = "demo.handler";
inline constexpr const char* kDemoManager = "demo.manager";
inline constexpr const char* kDemoSigner = "demo.signer";
inline constexpr const char* kDemoAdmin = "demo.admin";
inline constexpr const char* kDemoDeptHandler = "demo.dept.handler";
inline constexpr const char* kDemoDeptManager = "demo.dept.manager";
inline constexpr const char* kDemoDeptSigner = "demo.dept.signer";
// The slug of the demo department (DemoProvince::agencySlugs).
inline constexpr const char* kDemoDepartmentSlug = "sotuphap";

// A consultation of a demo dossier (liên thông in parallel), as the server records it beside the history; ids local.
struct DemoConsultation {
    std::int64_t agencyId = 0;      // the consulted agency
    std::int64_t leadAgencyId = 0;  // the agency holding the dossier, which asked
    Instant requestedAt{};
    std::optional<std::int64_t> requestedBy;
    std::optional<Instant> dueAt;
    std::optional<Instant> answeredAt;  // empty while the question is open
    std::optional<std::int64_t> answeredBy;
    std::string answer;
};

struct DemoProvince {
    std::string name;                      // "Tỉnh Hưng Yên"
    std::vector<Agency> agencies;          // province first, then departments, then communes and wards
    std::vector<std::string> agencySlugs;  // ASCII slug per agency, used in usernames
    std::vector<Procedure> procedures;
    // Per procedure, the local id of the department that appraises it; 0 for commune-level procedures, which the
    // commune (or ward) that took the dossier decides itself.
    std::vector<std::int64_t> procedureDepartment;
    std::vector<double> procedurePopularity;  // relative share of dossiers per procedure
    std::vector<DemoStaff> staff;
    std::vector<Dossier> dossiers;                   // id 0; agency, procedure and staff ids local
    std::vector<std::vector<HistoryEvent>> history;  // per dossier, Submit first; dossierId 0, staff ids local
    std::vector<std::vector<DemoConsultation>> consultations;  // per dossier, oldest first
    std::int64_t demoAgencyId = 0;                             // the first ward: demo.clerk's inbox
    std::int64_t demoDepartmentId = 0;                         // where the ward forwards department-level dossiers
    Instant now{};

    const Agency& AgencyById(std::int64_t id) const { return agencies.at(static_cast<std::size_t>(id - 1)); }
    const Procedure& ProcedureById(std::int64_t id) const { return procedures.at(static_cast<std::size_t>(id - 1)); }
    std::int64_t DepartmentOf(std::int64_t procedureId) const
    {
        return procedureDepartment.at(static_cast<std::size_t>(procedureId - 1));
    }
    // Local id of the staff member with this role at this agency (the first one; every agency has each role).
    std::int64_t StaffAt(std::int64_t agencyId, Role role) const;
};

struct ProvinceOptions {
    int dossiers = 3000;
    std::uint32_t randomSeed = 20261127;
    Instant now{};  // required: dossiers are spread over the 90 days before it
};

// The catalogue part only (agencies, procedures, staff): cheap, used by the simulator.
DemoProvince GenerateCatalogue(std::uint32_t randomSeed);

// The whole province. Each dossier walks the model's TransitionTable from Submit to its target national status, every
// step applied as the server's staff actions apply it (DossierPlayer: stage deadlines, hand-overs to the competent
// department and back, outcomes, reschedules, the closing of unsupplied dossiers); its times come from `calendar`
// (the province's working calendar: office hours, holidays, pauses), its codes from DossierCodeFormat with a gap-free
// daily sequence per receiving agency, its register number (form 07) from a gap-free sequence per receiving agency
// and year of acceptance. Same options and calendar → same province.
// Throws Error(BadInput, "dossiers") for a negative count.
DemoProvince GenerateProvince(const ProvinceOptions& options, const WorkingCalendar& calendar);

}  // namespace motcua::demo
