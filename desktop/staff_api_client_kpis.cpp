// StaffApiClient, the managers' figures: GET /staff/v1/kpis and the dossiers behind one of its counts.
#include "desktop/json_reader.h"
#include "desktop/staff_api_client.h"

namespace motcua::desktop {
namespace {

// "from=…&to=…[&agency=…]": the part of the query both KPI routes read alike.
std::string PeriodParams(const KpiQuery& query)
{
    const std::string params =
        QueryParam("from", query.from) + QueryParam("to", query.to) + QueryParam("agency", query.agencyCode);
    return params.empty() ? params : params.substr(1);  // without the first "&"
}

KpiCounts ReadCounts(const JsonReader& r)
{
    KpiCounts c;
    c.receivedCarriedOver = r.Int("receivedCarriedOver");
    c.receivedOnline = r.Int("receivedOnline");
    c.receivedInPerson = r.Int("receivedInPerson");
    c.resolvedEarly = r.Int("resolvedEarly");
    c.resolvedOnTime = r.Int("resolvedOnTime");
    c.resolvedLate = r.Int("resolvedLate");
    c.pendingWithinDeadline = r.Int("pendingWithinDeadline");
    c.pendingOverdue = r.Int("pendingOverdue");
    c.intakeConfirmedLate = r.Int("intakeConfirmedLate");
    c.received = r.Int("received");
    c.resolved = r.Int("resolved");
    c.pending = r.Int("pending");
    c.resolvedWithResult = r.Int("resolvedWithResult");
    c.onTimeRate = r.OptionalNumber("onTimeRate");
    c.averageProcessingHours = r.OptionalNumber("averageProcessingHours");
    c.onlineSubmissionRate = r.OptionalNumber("onlineSubmissionRate");
    return c;
}

}  // namespace

KpiReport StaffApiClient::Kpis(const KpiQuery& query)
{
    return ParseKpiReport(CheckedAnswer(m_http.Get("/staff/v1/kpis?" + PeriodParams(query))).body);
}

std::vector<std::uint8_t> StaffApiClient::PeriodicReport(const KpiQuery& query, bool xlsx)
{
    const HttpResponse response = CheckedAnswer(
        m_http.Get("/staff/v1/reports/periodic?" + PeriodParams(query) + "&format=" + (xlsx ? "xlsx" : "pdf")));
    return std::vector<std::uint8_t>(response.body.begin(), response.body.end());
}

DossierPage StaffApiClient::KpiDossiers(const KpiDrill& drill, int limit, const std::optional<std::string>& after)
{
    const std::string path = "/staff/v1/kpis/dossiers?" + PeriodParams(drill.query) +
                             QueryParam("figure", drill.figure) + QueryParam("procedure", drill.procedureCode) +
                             "&limit=" + std::to_string(limit) + QueryParam("after", after.value_or(""));
    return ParseDossierPage(CheckedAnswer(m_http.Get(path)).body);
}

KpiReport ParseKpiReport(const std::string& json)
{
    const JsonReader root = JsonReader::Parse(json);
    KpiReport report;
    const JsonReader agency = root.Child("agency");
    report.agency = AgencyRef{agency.Int("id"), agency.String("code"), agency.String("name")};
    report.total = ReadCounts(root);
    for (const JsonReader& item : root.Objects("byProcedure")) {
        const JsonReader procedure = item.Child("procedure");
        report.byProcedure.push_back(
            ProcedureKpis{procedure.String("code"), procedure.String("name"), ReadCounts(item)});
    }
    return report;
}

}  // namespace motcua::desktop
