#include "demo/demo_seeder.h"

#include <chrono>
#include <map>

#include "demo/demo_province.h"
#include "model/error.h"
#include "model/postgres/seeder.h"
#include "model/postgres/store.h"

namespace motcua::demo {

namespace {

// The title a demo signer or manager signs with: the people's committee's chairman, a department's director.
std::string DemoPosition(Role role, const std::string& agencyName)
{
    if (role == Role::Manager)
        return "TRƯỞNG PHÒNG";
    if (role != Role::Signer)
        return {};
    return agencyName.rfind("UBND", 0) == 0 ? "CHỦ TỊCH" : "GIÁM ĐỐC";
}

}  // namespace

SeedSummary SeedDemo(pg::Store& store, const SeedOptions& options, const WorkingCalendar& calendar,
                     const std::function<std::string(const std::string&)>& hashPassword)
{
    if (options.dossiers < 0 || options.dossiers > 200000) {
        ThrowBadInput(N_("The number of demo dossiers must be between 0 and 200000"), "dossiers");
    }
    if (options.password.empty()) {
        ThrowBadInput(N_("The demo password must not be empty"), "password");
    }
    if (!store.LoadAgencies().empty()) {
        throw Error(ErrorCategory::Conflict,
                    N_("The database already holds agencies: demo data is only loaded into an empty database"));
    }
    ProvinceOptions generation;
    generation.dossiers = options.dossiers;
    generation.randomSeed = options.randomSeed;
    generation.now = options.now != Instant{}
                         ? options.now
                         : std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    const DemoProvince province = GenerateProvince(generation, calendar);
    const std::string passwordHash = hashPassword(options.password);

    pg::Seeder seeder(store);
    SeedSummary summary;
    // Local ids are positions + 1; the database hands out its own.
    std::map<std::int64_t, std::int64_t> agencyIds;
    for (Agency agency : province.agencies) {  // parents come before their children
        const std::int64_t local = agency.id;
        if (agency.parentId) {
            agency.parentId = agencyIds.at(*agency.parentId);
        }
        agencyIds[local] = seeder.InsertAgency(agency);
        ++summary.agencies;
        summary.departments += agency.level == AgencyLevel::Department ? 1 : 0;
        summary.communes += agency.level == AgencyLevel::Commune ? 1 : 0;
    }
    std::map<std::int64_t, std::int64_t> procedureIds;
    for (const Procedure& procedure : province.procedures) {
        procedureIds[procedure.id] = seeder.InsertProcedure(procedure);
        ++summary.procedures;
    }
    std::map<std::int64_t, std::int64_t> staffIds;
    for (const DemoStaff& s : province.staff) {
        pg::StaffCredentials credentials;
        credentials.member.username = s.username;
        credentials.member.fullName = s.fullName;
        credentials.member.role = s.role;
        credentials.member.agencyId = agencyIds.at(s.agencyId);
        credentials.member.position =
            DemoPosition(s.role, province.agencies.at(static_cast<std::size_t>(s.agencyId - 1)).name);
        credentials.passwordHash = passwordHash;
        credentials.active = true;
        staffIds[s.id] = seeder.InsertStaff(credentials);
        ++summary.staff;
    }

    std::vector<Dossier> dossiers = province.dossiers;
    std::vector<std::vector<HistoryEvent>> history = province.history;
    for (auto& d : dossiers) {
        d.receivingAgencyId = agencyIds.at(d.receivingAgencyId);
        d.handlingAgencyId = agencyIds.at(d.handlingAgencyId);
        d.procedureId = procedureIds.at(d.procedureId);
        if (d.assignedStaffId) {
            d.assignedStaffId = staffIds.at(*d.assignedStaffId);
        }
    }
    for (auto& events : history) {
        for (auto& e : events) {
            if (e.staffId) {
                e.staffId = staffIds.at(*e.staffId);
            }
            if (e.toStaffId) {
                e.toStaffId = staffIds.at(*e.toStaffId);
            }
            if (e.fromAgencyId) {
                e.fromAgencyId = agencyIds.at(*e.fromAgencyId);
            }
            if (e.toAgencyId) {
                e.toAgencyId = agencyIds.at(*e.toAgencyId);
            }
            ++summary.historyEvents;
        }
    }
    std::vector<std::vector<pg::SeedConsultation>> consultations;
    for (const auto& asked : province.consultations) {
        auto& rows = consultations.emplace_back();
        for (const DemoConsultation& c : asked) {
            const auto staff = [&staffIds](std::optional<std::int64_t> id) {
                return id ? std::optional(staffIds.at(*id)) : std::nullopt;
            };
            rows.push_back({agencyIds.at(c.agencyId), agencyIds.at(c.leadAgencyId), c.requestedAt, staff(c.requestedBy),
                            c.dueAt, c.answeredAt, staff(c.answeredBy), c.answer});
        }
    }
    seeder.BulkInsertDossiers(dossiers, history, consultations);

    summary.dossiers = static_cast<int>(province.dossiers.size());
    summary.demoAgencyCode = province.AgencyById(province.demoAgencyId).code;
    for (const auto& d : province.dossiers) {
        ++summary.dossiersByStatus[static_cast<std::size_t>(d.status)];
        if (IsOpen(d.status)) {
            // A result that is ready is no longer late (KPI 2.1 ends the clock when processing ends).
            const bool processing = d.status != NationalStatus::ResultReady;
            summary.overdueOpenDossiers += processing && d.receivedAt && d.dueAt && *d.dueAt < province.now ? 1 : 0;
            if (d.handlingAgencyId == province.demoAgencyId) {
                ++summary.demoAgencyOpenDossiers;
                summary.demoAgencyAwaitingIntake += d.status == NationalStatus::New ? 1 : 0;
            }
        }
    }
    return summary;
}

}  // namespace motcua::demo
