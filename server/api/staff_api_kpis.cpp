// StaffApi, the managers' figures (issue 9): GET /staff/v1/kpis, the KPIs of an agency subtree for a span of days.
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "model/agency.h"
#include "model/error.h"
#include "model/kpi.h"
#include "server/api/dossier_json.h"
#include "server/api/staff_api.h"

namespace motcua::server {

namespace {

// The longest span one request may ask for: five calendar years (1827 days covers any five, leap days included).
// The dashboard's longest view is a year and its trends ask month by month; five years leave room for comparisons
// without letting one request read the whole history of a province.
constexpr int kMaxKpiDays = 5 * 365 + 2;

Date RequiredDate(const HttpRequest& request, const std::string& field)
{
    if (!request.query.count(field) || request.Query(field).empty())
        throw Error(ErrorCategory::BadInput, N_("This field is required"), field);
    return ParseDate(request.Query(field), field);
}

Poco::Dynamic::Var Rate(std::optional<double> rate)
{
    return rate ? Poco::Dynamic::Var(*rate) : Poco::Dynamic::Var();
}

// The figures under the names issue 9 gives them, then the totals and rates derived from them (kpi.h).
void SetFigures(Poco::JSON::Object& o, const KpiFigures& f)
{
    o.set("receivedCarriedOver", f.receivedCarriedOver);
    o.set("receivedOnline", f.receivedOnline);
    o.set("receivedInPerson", f.receivedInPerson);
    o.set("resolvedEarly", f.resolvedEarly);
    o.set("resolvedOnTime", f.resolvedOnTime);
    o.set("resolvedLate", f.resolvedLate);
    o.set("pendingWithinDeadline", f.pendingWithinDeadline);
    o.set("pendingOverdue", f.pendingOverdue);
    o.set("onTimeRate", Rate(f.OnTimeRate()));
    o.set("averageProcessingHours", Rate(f.AverageProcessingHours()));
    o.set("intakeConfirmedLate", f.intakeConfirmedLate);
    o.set("received", f.Received());
    o.set("resolved", f.Resolved());
    o.set("pending", f.Pending());
    o.set("resolvedWithResult", f.resolvedWithResult);
    o.set("intakeAnswered", f.intakeAnswered);
    o.set("resultsGranted", f.resultsGranted);
    o.set("electronicResults", f.electronicResults);
    o.set("digitisedWithElectronicResult", f.digitisedWithElectronicResult);
    o.set("rated", f.rated);
    o.set("negativeRatings", f.negativeRatings);
    o.set("onlineSubmissionRate", Rate(f.OnlineSubmissionRate()));
    o.set("electronicResultRate", Rate(f.ElectronicResultRate()));
    o.set("digitisationRate", Rate(f.DigitisationRate()));
    o.set("satisfaction", Rate(f.Satisfaction()));
}

Poco::JSON::Object::Ptr Reference(std::int64_t id, const std::string& code, const std::string& name)
{
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("id", id);
    o->set("code", code);
    o->set("name", name);
    return o;
}

}  // namespace

HttpResponse StaffApi::Kpis(const HttpRequest& request)
{
    const StaffMember staff = Authenticate(request);
    const Date first = RequiredDate(request, "from");
    const Date last = RequiredDate(request, "to");
    const WorkingCalendar& calendar = m_actions.Calendar();
    const KpiPeriod period = KpiPeriodOfDays(first, last, calendar.Settings().utcOffset);  // BadInput "to" if reversed
    const auto days = InclusiveDays(first, last);
    if (days > kMaxKpiDays)
        throw Error(ErrorCategory::BadInput, N_("The period must not be longer than five years"), "to");

    // The agency asked for must be the caller's own, or for those who oversee a subtree, one inside theirs; any
    // other answers as an unknown code does, so that the answer does not tell which codes exist.
    const AgencyTree tree(m_store.LoadAgencies());
    const Agency* agency = &tree.ById(staff.agencyId);
    if (request.query.count("agency")) {
        const std::string code = request.Query("agency");
        agency = tree.FindByCode(code);
        const bool allowed = agency && (agency->id == staff.agencyId ||
                                        (OverseesSubtree(staff.role) && tree.IsInSubtree(agency->id, staff.agencyId)));
        if (!allowed)
            throw Error(ErrorCategory::NotFound, N_("Agency not found"), "agency", code);
    }
    const std::vector<std::int64_t> agencies = tree.SubtreeIds(agency->id);

    // Checked above, the subtree is the caller's to read; row-level security would hide the dossiers its agencies
    // decided once the result went back to another receiving desk (store.h, LoadKpiFacts), so the read runs over
    // every row, the agency ids selecting, and the caller stays the actor the audit trail names.
    pg::ScopedAccess::Replace(pg::AccessScope::All().ActingAs(pg::AuditActor{.kind = pg::AuditActor::Kind::Staff,
                                                                             .staffId = staff.id,
                                                                             .role = static_cast<int>(staff.role),
                                                                             .agencyId = staff.agencyId,
                                                                             .address = request.clientAddress}));
    const KpiSummary summary = m_store.Kpis(period, agencies, calendar);

    Poco::JSON::Object::Ptr out = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    out->set("from", FormatDate(first));
    out->set("to", FormatDate(last));
    out->set("agency", Reference(agency->id, agency->code, agency->name));
    SetFigures(*out, summary.total);
    std::map<std::int64_t, Procedure> procedures;
    for (Procedure& p : m_store.LoadProcedures())
        procedures.emplace(p.id, std::move(p));
    Poco::JSON::Array::Ptr byProcedure = new Poco::JSON::Array;
    for (const auto& [procedureId, figures] : summary.byProcedure) {
        const auto found = procedures.find(procedureId);
        if (found == procedures.end())
            throw Error(ErrorCategory::Internal, N_("Unexpected error"), {}, "KPIs of an unknown procedure");
        const Procedure& procedure = found->second;
        Poco::JSON::Object::Ptr item = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        item->set("procedure", Reference(procedure.id, procedure.code, procedure.name));
        SetFigures(*item, figures);
        byProcedure->add(item);
    }
    out->set("byProcedure", byProcedure);
    // The dashboard's ranking: each agency directly below the one asked for, with the figures of its own subtree
    // (each a read of the summary, as the total was).
    Poco::JSON::Array::Ptr byAgency = new Poco::JSON::Array;
    for (const Agency& child : tree.All()) {
        if (child.parentId != agency->id)
            continue;
        const KpiSummary figures = m_store.Kpis(period, tree.SubtreeIds(child.id), calendar);
        Poco::JSON::Object::Ptr item = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        item->set("agency", Reference(child.id, child.code, child.name));
        SetFigures(*item, figures.total);
        byAgency->add(item);
    }
    out->set("byAgency", byAgency);
    return HttpResponse::Json(200, DossierJson::ToString(out));
}

}  // namespace motcua::server
