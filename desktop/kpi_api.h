// The managers' figures as the desk reads them (GET /staff/v1/kpis): the counts and rates of an agency subtree for a
// span of days, in total and per procedure, and the IKpiApi interface the dashboard presenter uses.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "desktop/staff_api.h"

namespace motcua::desktop {

// The figures of one selection as the server counted them (model/kpi.h defines each); the rates are empty when the
// server says they are undefined (nothing to divide by).
struct KpiCounts {
    std::int64_t receivedCarriedOver = 0;
    std::int64_t receivedOnline = 0;
    std::int64_t receivedInPerson = 0;
    std::int64_t resolvedEarly = 0;
    std::int64_t resolvedOnTime = 0;
    std::int64_t resolvedLate = 0;
    std::int64_t pendingWithinDeadline = 0;
    std::int64_t pendingOverdue = 0;
    std::int64_t intakeConfirmedLate = 0;
    std::int64_t received = 0;
    std::int64_t resolved = 0;
    std::int64_t pending = 0;
    std::int64_t resolvedWithResult = 0;
    std::optional<double> onTimeRate;
    std::optional<double> averageProcessingHours;
    std::optional<double> onlineSubmissionRate;
};

struct ProcedureKpis {
    std::string code;
    std::string name;
    KpiCounts figures;
};

struct KpiReport {
    AgencyRef agency;
    KpiCounts total;
    std::vector<ProcedureKpis> byProcedure;
};

// The dashboard's calls. StaffApiClient implements it beside IStaffApi (its Agencies() serves IActionApi's as well);
// tests use a fake. Errors as IStaffApi's.
class IKpiApi {
public:
    virtual ~IKpiApi() = default;
    // 404 for an agency outside the caller's reach, as for an unknown code.
    virtual KpiReport Kpis(const KpiQuery& query) = 0;
    // Every agency of the province with the one above it (AgencyRef::parentId).
    virtual std::vector<AgencyRef> Agencies() = 0;
    // The periodic report of `query` as a file (GET /staff/v1/reports/periodic): a PDF, or an XLSX workbook when
    // `xlsx`. Refused as Kpis is.
    virtual std::vector<std::uint8_t> PeriodicReport(const KpiQuery& query, bool xlsx) = 0;
};

// Parser of the /kpis document, public so tests can feed it text; throws Error(Internal) naming a missing member.
KpiReport ParseKpiReport(const std::string& json);

}  // namespace motcua::desktop
