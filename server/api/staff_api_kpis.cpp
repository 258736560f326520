// StaffApi, the managers' figures (issue 9): GET /staff/v1/kpis, the KPIs of an agency subtree for a span of days,
// GET /staff/v1/kpis/dossiers, the dossiers behind one of its counts, and the same figures as form II.06a
// (GET /staff/v1/reports/periodic), a PDF or an XLSX workbook.
#include <algorithm>
#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "model/agency.h"
#include "model/error.h"
#include "model/kpi.h"
#include "reports/periodic_report.h"
#include "reports/periodic_report_builder.h"
#include "reports/report_format.h"
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

// The counts, then the rates derived from them (kpi.h).
void SetFigures(Poco::JSON::Object& o, const KpiFigures& f)
{
    for (const KpiCount& count : kKpiCounts)
        o.set(count.name, count.value(f));
    o.set("onTimeRate", Rate(f.OnTimeRate()));
    o.set("averageProcessingHours", Rate(f.AverageProcessingHours()));
    o.set("onlineSubmissionRate", Rate(f.OnlineSubmissionRate()));
    o.set("electronicResultRate", Rate(f.ElectronicResultRate()));
    o.set("digitisationRate", Rate(f.DigitisationRate()));
    o.set("satisfaction", Rate(f.Satisfaction()));
}

const KpiCount& CountNamed(const HttpRequest& request)
{
    if (!request.query.count("figure") || request.Query("figure").empty())
        throw Error(ErrorCategory::BadInput, N_("This field is required"), "figure");
    const std::string name = request.Query("figure");
    for (const KpiCount& count : kKpiCounts)
        if (name == count.name)
            return count;
    throw Error(ErrorCategory::BadInput, N_("There is no such figure"), "figure", name);
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

StaffApi::KpiSelection StaffApi::SelectKpis(const StaffMember& staff, const HttpRequest& request,
                                            std::optional<AgencyTree> tree)
{
    const Date first = RequiredDate(request, "from");
    const Date last = RequiredDate(request, "to");
    const WorkingCalendar& calendar = m_actions.Calendar();
    const std::chrono::seconds offset = calendar.Settings().utcOffset;
    KpiPeriod period = KpiPeriodOfDays(first, last, offset);  // BadInput "to" if reversed
    const auto days = InclusiveDays(first, last);
    if (days > kMaxKpiDays)
        throw Error(ErrorCategory::BadInput, N_("The period must not be longer than five years"), "to");
    // A period that runs on past today is judged as of the end of today: nothing is received or ended after now, but
    // an open dossier would turn overdue on paper at a period's end still to come. The figures, the dossiers behind
    // them and the report all read this period.
    const Date today = LocalDate(m_clock.Now(), offset);
    if (first <= today && today < last)
        period = KpiPeriodOfDays(first, today, offset);

    // The agency asked for must be the caller's own, or for those who oversee a subtree, one inside theirs; any
    // other answers as an unknown code does, so that the answer does not tell which codes exist.
    if (!tree)
        tree.emplace(m_store.LoadAgencies());
    const Agency* agency = &tree->ById(staff.agencyId);
    if (request.query.count("agency")) {
        const std::string code = request.Query("agency");
        agency = tree->FindByCode(code);
        const bool allowed = agency && (agency->id == staff.agencyId ||
                                        (OverseesSubtree(staff.role) && tree->IsInSubtree(agency->id, staff.agencyId)));
        if (!allowed)
            throw Error(ErrorCategory::NotFound, N_("Agency not found"), "agency", code);
    }

    // Checked above, the subtree is the caller's to read; row-level security would hide the dossiers its agencies
    // decided once the result went back to another receiving desk (store.h, LoadKpiFacts), so the read runs over
    // every row, the agency ids selecting, and the caller stays the actor the audit trail names.
    pg::ScopedAccess::Replace(pg::AccessScope::All().ActingAs(StaffActor(staff, request)));
    const Agency selected = *agency;
    std::vector<std::int64_t> agencyIds = tree->SubtreeIds(selected.id);
    return KpiSelection{first, last, period, std::move(*tree), selected, std::move(agencyIds)};
}

HttpResponse StaffApi::Kpis(const HttpRequest& request)
{
    std::optional<AgencyTree> tree;
    const StaffMember staff = Authenticate(request, tree);
    const KpiSelection selection = SelectKpis(staff, request, std::move(tree));
    const KpiSummary summary = m_store.Kpis(selection.period, selection.agencyIds, m_actions.Calendar());

    Poco::JSON::Object::Ptr out = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    out->set("from", FormatDate(selection.first));
    out->set("to", FormatDate(selection.last));
    out->set("agency", Reference(selection.agency.id, selection.agency.code, selection.agency.name));
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
    for (const Agency& child : selection.tree.All()) {
        if (child.parentId != selection.agency.id)
            continue;
        const KpiSummary figures =
            m_store.Kpis(selection.period, selection.tree.SubtreeIds(child.id), m_actions.Calendar());
        Poco::JSON::Object::Ptr item = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        item->set("agency", Reference(child.id, child.code, child.name));
        SetFigures(*item, figures.total);
        byAgency->add(item);
    }
    out->set("byAgency", byAgency);
    return HttpResponse::Json(200, DossierJson::ToString(out));
}

HttpResponse StaffApi::KpiDossiers(const HttpRequest& request)
{
    std::optional<AgencyTree> tree;
    const StaffMember staff = Authenticate(request, tree);
    const QueueViewer viewer = Viewer(staff);  // before the scope widens: the flags are the caller's
    const KpiSelection selection = SelectKpis(staff, request, std::move(tree));
    const KpiCount& count = CountNamed(request);
    std::optional<std::int64_t> procedureId;
    if (request.query.count("procedure")) {
        const std::optional<Procedure> procedure = m_store.FindProcedureByCode(request.Query("procedure"));
        if (!procedure)
            throw Error(ErrorCategory::BadInput, N_("Unknown procedure"), "procedure", request.Query("procedure"));
        procedureId = procedure->id;
    }
    const std::string limitText = request.Query("limit");
    const int limit = limitText.empty() ? m_inboxDefaultLimit : ParseQueryInt(limitText, "limit", 1, m_inboxMaxLimit);
    std::optional<std::int64_t> after;
    if (request.query.count("after"))
        after = ParseNewestFirstCursor(request.Query("after"));

    // Where the figure is read from the summary (Store::Kpis), the list is too: a page and a count from its judged row
    // per dossier, the count's rule in SQL (Store::KpiDossiers), so that a province-wide year reads one page.
    pg::KpiDossierQuery query;
    query.count = count.name;
    query.period = selection.period;
    query.agencyIds = selection.agencyIds;
    query.procedureId = procedureId;
    query.afterId = after;
    query.limit = limit;
    query.countTotal = false;  // the figure is the total, read from the summary
    if (const std::optional<pg::KpiDossierPage> page = m_store.KpiDossiers(query, m_actions.Calendar())) {
        std::optional<std::string> next;
        if (page->more)
            next = NewestFirstCursor(page->ids.back());
        const KpiSummary summary = m_store.Kpis(selection.period, selection.agencyIds, m_actions.Calendar());
        std::int64_t total = count.value(summary.total);
        if (procedureId) {
            const auto figures = summary.byProcedure.find(*procedureId);
            total = figures == summary.byProcedure.end() ? 0 : count.value(figures->second);
        }
        return DossierJson::ListPage(m_store.ListedDossiers(page->ids), viewer, next, total);
    }
    // Otherwise each dossier's own contribution (kpi.h, DossierKpis) decides, as the figure counted from the facts
    // does: the figure counts exactly the dossiers listed here.
    std::vector<std::int64_t> agencies = selection.agencyIds;
    std::sort(agencies.begin(), agencies.end());
    std::vector<std::int64_t> ids;
    for (const DossierFacts& facts : m_store.LoadKpiFacts(selection.period, agencies)) {
        if (procedureId && facts.procedureId != *procedureId)
            continue;
        if (count.value(DossierKpis(facts, selection.period, agencies, m_actions.Calendar())) > 0)
            ids.push_back(facts.id);
    }
    std::sort(ids.begin(), ids.end(), std::greater<>());
    const auto total = static_cast<std::int64_t>(ids.size());
    if (after)
        ids.erase(ids.begin(), std::upper_bound(ids.begin(), ids.end(), *after, std::greater<>()));
    std::optional<std::string> next;
    if (ids.size() > static_cast<std::size_t>(limit)) {
        ids.resize(static_cast<std::size_t>(limit));
        next = NewestFirstCursor(ids.back());
    }
    return DossierJson::ListPage(m_store.ListedDossiers(ids), viewer, next, total);
}

HttpResponse StaffApi::PeriodicReport(const HttpRequest& request)
{
    std::optional<AgencyTree> tree;
    const StaffMember staff = Authenticate(request, tree);
    const reports::ReportFormat format = ParseFormat(request);  // before anything is read
    const KpiSelection selection = SelectKpis(staff, request, std::move(tree));
    const KpiSummary summary = m_store.Kpis(selection.period, selection.agencyIds, m_actions.Calendar());
    // The catalogue in one read, as /kpis does, rather than a read per procedure of the report.
    std::map<std::int64_t, Procedure> catalogue;
    for (Procedure& p : m_store.LoadProcedures())
        catalogue.emplace(p.id, std::move(p));
    std::vector<Procedure> procedures;
    procedures.reserve(summary.byProcedure.size());
    for (const auto& entry : summary.byProcedure) {
        const auto found = catalogue.find(entry.first);
        if (found == catalogue.end())
            throw Error(ErrorCategory::Internal, N_("Unexpected error"), {}, "KPIs of an unknown procedure");
        procedures.push_back(found->second);
    }
    const reports::PeriodicReport report =
        reports::BuildPeriodicReport(selection.tree, selection.agency.id, selection.first, selection.last,
                                     LocalDate(m_clock.Now()), summary, procedures);
    const std::vector<std::uint8_t> bytes = format == reports::ReportFormat::Xlsx
                                                ? reports::PeriodicReportWorkbook(report)
                                                : reports::RenderPeriodicReport(report);
    return ReportFile(format, bytes, "bao-cao-" + FormatDate(selection.first) + "-" + FormatDate(selection.last));
}

}  // namespace motcua::server
