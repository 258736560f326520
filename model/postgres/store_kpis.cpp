// Store, KPIs: the facts of the dossiers a period and a set of agencies count, and the same figures in one GROUP BY.
#include <array>
#include <limits>
#include <map>
#include <optional>

#include <soci/soci.h>

#include "model/error.h"
#include "model/postgres/prepared_statement.h"
#include "model/postgres/sql_support.h"
#include "model/postgres/store.h"

namespace motcua::pg {

using namespace std::chrono;

namespace {

std::string Int(int value)
{
    return std::to_string(value);
}

template <typename Enum>
std::string Code(Enum value)
{
    return Int(static_cast<int>(value));
}

// The parameters every KPI statement reads, bound once (a SOCI name is bound once per statement).
const std::string kParams =
    "p AS (SELECT to_timestamp(:from) AS from_at, to_timestamp(:to) AS to_at,"
    " CAST(:agencies AS bigint[]) AS agencies)";

// One row per dossier that counts (kpi.h, DossierFacts): the first end of its processing (7, 8, 9, 10), the desk's
// first answer to an online submission (accept, supplement, refuse from "awaiting intake check"), the second
// supplement request after appraisal, and whether it counts for its processing (in_scope) or its intake (intake_in).
std::string FactsCtes()
{
    using S = NationalStatus;
    const std::string ends =
        Code(S::WithdrawalRequested) + ", " + Code(S::Stopped) + ", " + Code(S::ResultReady) + ", " + Code(S::Returned);
    const std::string answers =
        Code(Action::Accept) + ", " + Code(Action::RequestSupplement) + ", " + Code(Action::Refuse);
    return kParams +
           ", ends AS (SELECT DISTINCT ON (dossier_id) dossier_id, at AS end_at, to_status AS end_status,"
           " from_agency_id FROM dossier_event WHERE to_status IN (" +
           ends +
           ") ORDER BY dossier_id, at, id),"
           " answers AS (SELECT DISTINCT ON (dossier_id) dossier_id, at AS answered_at FROM dossier_event"
           " WHERE from_status = " +
           Code(S::New) + " AND from_sub_state = " + Code(SubState::AwaitingIntakeCheck) + " AND action IN (" +
           answers +
           ") ORDER BY dossier_id, at, id),"
           " seconds AS (SELECT dossier_id, at AS second_at FROM (SELECT dossier_id, at, row_number() OVER"
           " (PARTITION BY dossier_id ORDER BY at, id) AS n FROM dossier_event WHERE action = " +
           Code(Action::RequestSupplement) + " AND from_sub_state = " + Code(SubState::Appraising) +
           ") r WHERE n = 2),"
           " joined AS (SELECT d.id, d.procedure_id,"
           " CASE WHEN e.dossier_id IS NULL THEN d.handling_agency_id"
           " ELSE coalesce(e.from_agency_id, d.handling_agency_id) END AS agency_id,"
           " d.receiving_agency_id, d.channel, d.received_at, d.due_at, d.original_due_at, e.end_at, e.end_status,"
           " d.outcome, s.second_at, d.intake_due_at, a.answered_at,"
           " EXISTS (SELECT 1 FROM dossier_output o WHERE o.dossier_id = d.id AND o.kind = " +
           Code(OutputKind::Result) +
           " AND o.revoked_at IS NULL) AS electronic,"
           " EXISTS (SELECT 1 FROM dossier_attachment t WHERE t.dossier_id = d.id) AS digitised,"
           " r.dossier_id IS NOT NULL AS rated, coalesce(0 = ANY (r.scores), false) AS negative"
           " FROM dossier d LEFT JOIN ends e ON e.dossier_id = d.id LEFT JOIN answers a ON a.dossier_id = d.id"
           " LEFT JOIN seconds s ON s.dossier_id = d.id LEFT JOIN dossier_rating r ON r.dossier_id = d.id),"
           " facts AS (SELECT j.*,"
           " (j.received_at < p.to_at AND (j.end_at IS NULL OR j.end_at >= p.from_at)"
           " AND j.agency_id = ANY (p.agencies)) AS in_scope,"
           " (j.intake_due_at IS NOT NULL AND j.answered_at >= p.from_at AND j.answered_at < p.to_at"
           " AND j.receiving_agency_id = ANY (p.agencies)) AS intake_in"
           " FROM joined j CROSS JOIN p"
           " WHERE (j.received_at < p.to_at AND (j.end_at IS NULL OR j.end_at >= p.from_at)"
           " AND j.agency_id = ANY (p.agencies))"
           " OR (j.intake_due_at IS NOT NULL AND j.answered_at >= p.from_at AND j.answered_at < p.to_at"
           " AND j.receiving_agency_id = ANY (p.agencies)))";
}

// Whole working minutes between two timestamptz expressions over the `cal` CTE's working periods, rounded down
// as WorkingCalendar::WorkingTimeBetween; zero when `to` is not after `from`.
std::string WorkingMinutes(const std::string& from, const std::string& to)
{
    return "(SELECT CAST(floor(coalesce(sum(extract(epoch FROM least(" + to + ", c.we) - greatest(" + from +
           ", c.ws))), 0) / 60) AS bigint) FROM cal c WHERE " + from + " < " + to + " AND c.ws < " + to +
           " AND c.we > " + from + ")";
}

// The working periods as absolute intervals [ws, we), for every working day from the earliest receipt counted to
// the period's end: extra workdays win over days off; otherwise Saturday, Sunday and the days off are not working.
const std::string kCalendarCte =
    "cal AS (SELECT to_timestamp(extract(epoch FROM day) + ps * 60 - :offset) AS ws,"
    " to_timestamp(extract(epoch FROM day) + pe * 60 - :offset2) AS we"
    " FROM generate_series((SELECT CAST(CAST(min(received_at) AT TIME ZONE 'UTC' + make_interval(secs => :offset3)"
    " AS date) AS timestamp) FROM facts WHERE in_scope), (SELECT CAST(CAST(to_at AT TIME ZONE 'UTC'"
    " + make_interval(secs => :offset4) AS date) AS timestamp) FROM p), interval '1 day') AS day,"
    " unnest(CAST(:starts AS integer[]), CAST(:ends AS integer[])) AS period(ps, pe)"
    " WHERE CAST(day AS date) = ANY (CAST(:extra AS date[]))"
    " OR (NOT CAST(day AS date) = ANY (CAST(:off AS date[])) AND extract(isodow FROM day) < 6))";

std::int64_t Count(const soci::row& row, std::size_t column)
{
    return row.get_indicator(column) == soci::i_null ? 0 : row.get<long long>(column);
}

std::optional<Instant> OptionalSeconds(const soci::row& row, std::size_t column)
{
    if (row.get_indicator(column) == soci::i_null)
        return std::nullopt;
    return Instant{std::chrono::seconds{row.get<long long>(column)}};
}

std::string AgencyArray(const std::vector<std::int64_t>& agencyIds)
{
    ArrayLiteral agencies;
    for (const std::int64_t id : agencyIds)
        agencies.Add(static_cast<long long>(id));
    return agencies.Text();
}

// The working calendar as the statements take it: array literals of the periods' minutes and of the days.
struct CalendarArrays {
    explicit CalendarArrays(const WorkingCalendar& calendar)
    {
        ArrayLiteral s, e, o, x;
        for (const WorkingPeriod& w : calendar.Settings().periods) {
            s.Add(w.startMinute);
            e.Add(w.endMinute);
        }
        for (const Date d : calendar.Holidays().daysOff)
            o.Add(FormatDate(d));
        for (const Date d : calendar.Holidays().extraWorkdays)
            x.Add(FormatDate(d));
        starts = s.Text();
        ends = e.Text();
        off = o.Text();
        extra = x.Text();
    }
    // Everything the summary's counts depend on, as one text.
    std::string Key(int offset) const
    {
        return std::to_string(offset) + '|' + starts + '|' + ends + '|' + off + '|' + extra;
    }
    std::string starts, ends, off, extra;
};

void CheckPeriod(const KpiPeriod& period)
{
    if (period.to < period.from)
        ThrowBadInput(N_("The end of the period must not be before its start"), "to");
}

// The first condition for reading the summary (Store::Kpis): a period from a local midnight to a later one, and some
// agencies. The second, that they are whole subtrees, asks the database (kSubtreeRoots).
bool SummaryMayAnswer(const KpiPeriod& period, const std::vector<std::int64_t>& agencyIds, seconds offset)
{
    const auto atMidnight = [offset](Instant t) { return ToLocal(t, offset).time_since_epoch() % days{1} == 0s; };
    return !agencyIds.empty() && period.from != period.to && atMidnight(period.from) && atMidnight(period.to);
}

// The selection must be whole subtrees: their roots (r: the agencies whose parent is not selected) then cover
// exactly the agencies asked for (:ids), and each root's scope rows count its subtree.
const std::string kRootsCtes =
    "s AS (SELECT DISTINCT unnest(CAST(:ids AS bigint[])) AS id),"
    " r AS (SELECT s.id FROM s JOIN agency a ON a.id = s.id"
    " WHERE a.parent_id IS NULL OR a.parent_id NOT IN (SELECT id FROM s)),"
    " cover AS (SELECT DISTINCT agency_id FROM kpi_scope WHERE scope_id IN (SELECT id FROM r))";
const std::string kRootsCoverAll =
    "(SELECT count(*) FROM cover) = (SELECT count(*) FROM s) AND NOT EXISTS"
    " (SELECT 1 FROM cover WHERE agency_id NOT IN (SELECT id FROM s))";
// Answers the roots and whether they cover the selection.
const std::string kSubtreeRoots = "WITH " + kRootsCtes +
                                  " SELECT coalesce(CAST(array_agg(id ORDER BY id) AS text), '{}'), CAST(" +
                                  kRootsCoverAll + " AS integer) FROM r";

// The summary's counts in the order Store::Kpis reads them. The first five are all that what was open at a day's
// start needs: receipts, ends and overdue.
constexpr std::array<const char*, 17> kSummaryColumns = {
    "received_online", "received_in_person", "closed",          "overdue_in",           "overdue_out",
    "resolved_early",  "resolved_on_time",   "resolved_late",   "resolved_with_result", "processing_minutes",
    "intake_answered", "intake_late",        "results_granted", "electronic_results",   "digitised_with_electronic",
    "rated",           "negative_ratings"};
constexpr std::size_t kCarriedColumns = 5;

// One range of summary rows the dashboard reads: the days [from, to) from `table`, whose rows start at `column`,
// counted as `part`: 0 added to what was open before the period, 2 taken from it, 1 the period itself.
struct SummarySpan {
    const char* name;
    const char* table;
    const char* column;
    bool period;
    int part;
    sys_days from, to;
};

sys_days MonthOf(sys_days d)
{
    const year_month_day ymd{d};
    return sys_days{ymd.year() / ymd.month() / 1};
}

sys_days YearOf(sys_days d)
{
    return sys_days{year_month_day{d}.year() / January / 1};
}

// The first day of a month at or after `d`, of a year at or after `d`.
sys_days MonthAtOrAfter(sys_days d)
{
    return MonthOf(d) == d ? d : sys_days{year_month_day{MonthOf(d)} + months{1}};
}

sys_days YearAtOrAfter(sys_days d)
{
    return YearOf(d) == d ? d : sys_days{year_month_day{YearOf(d)} + years{1}};
}

int MonthsBetween(sys_days a, sys_days b)
{
    const year_month_day x{a}, y{b};
    return (static_cast<int>(y.year()) - static_cast<int>(x.year())) * 12 +
           (static_cast<int>(static_cast<unsigned>(y.month())) - static_cast<int>(static_cast<unsigned>(x.month())));
}

// The eight ranges that make the figures of [from, to), each as few rows as the summary allows (whole years from
// kpi_year, whole months from kpi_month, the days around them from kpi_day); unused ranges are empty.
std::array<SummarySpan, 8> SummarySpans(sys_days from, sys_days to)
{
    // What was open at `from`: every earlier year, month and day; or, where that reads fewer months, everything up
    // to the end of from's year less what of that year is not before `from` (a dashboard's October reads 3 months,
    // not 9). The year rows are the sums of their month and day rows, so both give the same counts.
    const sys_days year = YearOf(from);
    const sys_days month = MonthOf(from);
    const sys_days nextYear{year_month_day{year} + years{1}};
    const sys_days monthAfter = MonthAtOrAfter(from);
    const bool back = MonthsBetween(monthAfter, nextYear) < MonthsBetween(year, month);
    const sys_days epoch{1900y / January / 1};
    std::array<SummarySpan, 8> spans = {{
        {"open_years", "kpi_year", "year", false, 0, epoch, back ? nextYear : year},
        {"open_months", "kpi_month", "month", false, back ? 2 : 0, back ? monthAfter : year, back ? nextYear : month},
        {"open_days", "kpi_day", "day", false, back ? 2 : 0, back ? from : month, back ? monthAfter : from},
        {"days_before", "kpi_day", "day", true, 1, to, to},
        {"months_before", "kpi_month", "month", true, 1, to, to},
        {"whole_years", "kpi_year", "year", true, 1, to, to},
        {"months_after", "kpi_month", "month", true, 1, to, to},
        {"days_after", "kpi_day", "day", true, 1, to, to},
    }};
    const auto set = [&spans](std::size_t i, sys_days a, sys_days b) {
        spans[i].from = a;
        spans[i].to = b;
    };
    // The period: its days to its first whole month, whole months to its first whole year, whole years, then the
    // months and the days to its end.
    const sys_days m1 = monthAfter;
    const sys_days m2 = MonthOf(to);
    if (m2 <= m1) {
        set(3, from, to);
        return spans;
    }
    set(3, from, m1);
    set(7, m2, to);
    const sys_days y1 = YearAtOrAfter(m1);
    const sys_days y2 = YearOf(m2);
    if (y2 <= y1) {
        set(4, m1, m2);
        return spans;
    }
    set(4, m1, y1);
    set(5, y1, y2);
    set(6, y2, m2);
    return spans;
}

// One statement for the dashboard, prepared once per connection: the check that the selection is whole subtrees
// (a last row with procedure -1 and whether it is), and per procedure and part the sums of SummarySpans' rows. The
// roots are matched as an array the planner cannot see into: with `IN (SELECT id FROM r)`, the plans made for the
// first calls' values (a province's 200 agencies) read all of kpi_year rather than its root's rows (150 ms, not 4).
std::string SummarySql()
{
    std::string branches;
    for (const SummarySpan& span : SummarySpans(sys_days{2000y / January / 1}, sys_days{2000y / January / 2})) {
        const std::string name = span.name;
        branches += std::string(branches.empty() ? "" : " UNION ALL ") + "SELECT CAST(:" + name +
                    "_part AS integer) AS part, procedure_id";
        for (std::size_t c = 0; c < kSummaryColumns.size(); ++c)
            branches += std::string(", ") + (span.period || c < kCarriedColumns ? kSummaryColumns[c] : "0") + " AS " +
                        kSummaryColumns[c];
        branches += std::string(" FROM ") + span.table + " WHERE scope_id = ANY (ARRAY(SELECT id FROM r)) AND " +
                    span.column + " >= CAST(:" + name + "_from AS date) AND " + span.column + " < CAST(:" + name +
                    "_to AS date)";
    }
    std::string sums, nulls;
    for (const char* column : kSummaryColumns) {
        sums += std::string(", CAST(sum(") + column + ") AS bigint)";
        nulls += ", NULL";
    }
    return "WITH " + kRootsCtes + ", w AS (SELECT " + kRootsCoverAll + " AS whole), x AS (" + branches +
           ") SELECT procedure_id, part" + sums +
           " FROM x WHERE (SELECT whole FROM w) GROUP BY procedure_id, part UNION ALL SELECT -1, CAST(whole AS"
           " integer)" +
           nulls + " FROM w";
}

// Which dossiers a count counts (kpi.h, DossierKpis), as a condition on a kpi_dossier row `k` and the period `p`
// (from_at, to_at), and the column naming the agency it counts for. kpi_dossier holds the judgement: end_bucket is
// how the end was judged, and a dossier still open at `to` is late there exactly when to > overdue_from (0022).
struct CountRule {
    const char* agencyColumn;
    std::string condition;
};

CountRule RuleOf(const std::string& count)
{
    static const std::map<std::string, CountRule> kRules = [] {
        // Counted for its processing: received before `to`, not ended before `from`; of those, the ones that ended
        // before `to` are resolved in the period, the others pending at its end.
        const std::string counted = "k.received_at < p.to_at AND (k.end_at IS NULL OR k.end_at >= p.from_at)";
        const std::string resolved = "k.received_at < p.to_at AND k.end_at >= p.from_at AND k.end_at < p.to_at";
        const std::string pending = "k.received_at < p.to_at AND (k.end_at IS NULL OR k.end_at >= p.to_at)";
        const std::string received = counted + " AND k.received_at >= p.from_at";
        const std::string granted = resolved + " AND k.granted";
        const std::string answered = "k.intake_answered_at >= p.from_at AND k.intake_answered_at < p.to_at";
        return std::map<std::string, CountRule>{
            {"receivedCarriedOver",
             {"agency_id", "k.received_at < p.from_at AND (k.end_at IS NULL OR k.end_at >= p.from_at)"}},
            {"receivedOnline", {"agency_id", received + " AND k.online"}},
            {"receivedInPerson", {"agency_id", received + " AND NOT k.online"}},
            {"resolvedEarly", {"agency_id", resolved + " AND k.end_bucket = 0"}},
            {"resolvedOnTime", {"agency_id", resolved + " AND k.end_bucket = 1"}},
            {"resolvedLate", {"agency_id", resolved + " AND k.end_bucket = 2"}},
            {"pendingWithinDeadline",
             {"agency_id", pending + " AND (k.overdue_from IS NULL OR k.overdue_from >= p.to_at)"}},
            {"pendingOverdue", {"agency_id", pending + " AND k.overdue_from < p.to_at"}},
            {"intakeConfirmedLate", {"receiving_agency_id", answered + " AND k.intake_late"}},
            {"received", {"agency_id", counted}},
            {"resolved", {"agency_id", resolved}},
            {"pending", {"agency_id", pending}},
            {"resolvedWithResult", {"agency_id", resolved + " AND k.with_result"}},
            {"intakeAnswered", {"receiving_agency_id", answered}},
            {"resultsGranted", {"agency_id", granted}},
            {"electronicResults", {"agency_id", granted + " AND k.electronic"}},
            {"digitisedWithElectronicResult", {"agency_id", granted + " AND k.electronic AND k.digitised"}},
            {"rated", {"agency_id", resolved + " AND k.rated"}},
            {"negativeRatings", {"agency_id", resolved + " AND k.negative"}},  // negative: rated and scored a 0
        };
    }();
    const auto found = kRules.find(count);
    if (found == kRules.end())
        throw Error(ErrorCategory::Internal, N_("Unexpected error"), {}, "no rule for the KPI count " + count);
    return found->second;
}

}  // namespace

std::vector<DossierFacts> Store::LoadKpiFacts(const KpiPeriod& period, const std::vector<std::int64_t>& agencyIds)
{
    CheckPeriod(period);
    return InTransaction(*m_pool, [&](soci::session& sql) {
        const long long from = period.from.time_since_epoch().count();
        const long long to = period.to.time_since_epoch().count();
        const std::string agencies = AgencyArray(agencyIds);
        std::vector<DossierFacts> facts;
        {
            soci::rowset<soci::row> rows =
                (sql.prepare << "WITH " + FactsCtes() + " SELECT id, procedure_id, agency_id, receiving_agency_id," +
                                    " CAST(channel AS integer), " + Epoch("received_at") + ", " + Epoch("due_at") +
                                    ", " + Epoch("original_due_at") + ", " + Epoch("end_at") +
                                    ", CAST(coalesce(end_status, 0) AS integer), CAST(outcome AS integer), " +
                                    Epoch("second_at") + ", " + Epoch("intake_due_at") + ", " + Epoch("answered_at") +
                                    ", CAST(electronic AS integer), CAST(digitised AS integer),"
                                    " CAST(rated AS integer),"
                                    " CAST(negative AS integer) FROM facts ORDER BY id",
                 use(from, "from"), use(to, "to"), use(agencies, "agencies"));
            for (const soci::row& row : rows) {
                DossierFacts f;
                f.id = row.get<long long>(0);
                f.procedureId = row.get<long long>(1);
                f.agencyId = row.get<long long>(2);
                f.receivingAgencyId = row.get<long long>(3);
                f.channel = static_cast<Channel>(row.get<int>(4));
                f.receivedAt = OptionalSeconds(row, 5);
                f.dueAt = OptionalSeconds(row, 6);
                f.originalDueAt = OptionalSeconds(row, 7);
                f.endAt = OptionalSeconds(row, 8);
                const int endStatus = row.get<int>(9);
                f.endedWithResult = endStatus == static_cast<int>(NationalStatus::ResultReady) ||
                                    endStatus == static_cast<int>(NationalStatus::Returned);
                f.outcome = static_cast<Outcome>(row.get<int>(10));
                f.secondSupplementAt = OptionalSeconds(row, 11);
                f.intakeDueAt = OptionalSeconds(row, 12);
                f.intakeAnsweredAt = OptionalSeconds(row, 13);
                f.electronicResult = row.get<int>(14) != 0;
                f.digitised = row.get<int>(15) != 0;
                f.rated = row.get<int>(16) != 0;
                f.negativeRating = row.get<int>(17) != 0;
                facts.push_back(std::move(f));
            }
        }
        // Their pauses, in the same order (ids ascending, then start).
        soci::rowset<soci::row> pauses = (sql.prepare << "WITH " + FactsCtes() + " SELECT q.dossier_id, " +
                                                             Epoch("q.started_at") + ", " + Epoch("q.ended_at") +
                                                             ", q.reason FROM dossier_pause q JOIN facts f ON f.id ="
                                                             " q.dossier_id ORDER BY q.dossier_id, q.started_at, q.id",
                                          use(from, "from"), use(to, "to"), use(agencies, "agencies"));
        std::size_t i = 0;
        for (const soci::row& row : pauses) {
            const std::int64_t dossierId = row.get<long long>(0);
            while (i < facts.size() && facts[i].id < dossierId)
                ++i;
            if (i == facts.size() || facts[i].id != dossierId)
                throw Error(ErrorCategory::Internal, N_("Unexpected error"), {}, "pause of a dossier not loaded");
            facts[i].pauses.push_back(
                PauseInterval{*OptionalSeconds(row, 1), OptionalSeconds(row, 2), row.get<std::string>(3)});
        }
        return facts;
    });
}

std::optional<KpiDossierPage> Store::KpiDossiers(const KpiDossierQuery& query, const WorkingCalendar& calendar)
{
    CheckPeriod(query.period);
    if (query.limit < 1)
        ThrowBadInput(N_("This number is out of range"), "limit");
    const CountRule rule = RuleOf(query.count);
    if (!SummaryMayAnswer(query.period, query.agencyIds, calendar.Settings().utcOffset))
        return std::nullopt;
    EnsureKpiCalendar(calendar);  // end_bucket's "early" is a local day at the calendar's offset

    // The page: the newest dossiers below the cursor that the count counts, one more than the page telling whether
    // another follows. Left to the planner rather than forced per agency: for a province it reads kpi_dossier's key
    // backwards until a page matches, for a small subtree its rows by kpi_dossier_agency_idx or
    // kpi_dossier_receiving_idx (migration 0026) then sorts them. A LATERAL per agency read an agency's whole range
    // whenever it had fewer matches than a page: on a made-up kpi_dossier of 2 M rows and 400 agencies, a month's
    // late resolutions province-wide took 12 s that way and 25 ms this way.
    const std::string column = std::string("k.") + rule.agencyColumn;
    const std::string procedure =
        query.procedureId ? " AND k.procedure_id = " + std::to_string(*query.procedureId) : std::string();
    const std::string params = "WITH p AS (SELECT to_timestamp(:from) AS from_at, to_timestamp(:to) AS to_at)";
    const std::string selected = column + " = ANY (CAST(:agencies AS bigint[]))" + procedure;
    const std::string page = params + " SELECT k.dossier_id FROM kpi_dossier k CROSS JOIN p WHERE " + selected +
                             " AND k.dossier_id < :after AND (" + rule.condition +
                             ") ORDER BY k.dossier_id DESC LIMIT " + std::to_string(query.limit + 1);
    const std::string total =
        params + " SELECT count(*) FROM kpi_dossier k CROSS JOIN p WHERE " + selected + " AND (" + rule.condition + ")";

    return InTransaction(*m_pool, [&](soci::session& sql) -> std::optional<KpiDossierPage> {
        const std::string ids = AgencyArray(query.agencyIds);
        std::string rootIds;
        int whole = 0;
        sql << kSubtreeRoots, use(ids, "ids"), soci::into(rootIds), soci::into(whole);
        if (!whole)
            return std::nullopt;
        const long long from = query.period.from.time_since_epoch().count();
        const long long to = query.period.to.time_since_epoch().count();
        const long long after = query.afterId.value_or(std::numeric_limits<std::int64_t>::max());
        KpiDossierPage answer;
        soci::rowset<soci::row> found =
            (sql.prepare << page, use(from, "from"), use(to, "to"), use(ids, "agencies"), use(after, "after"));
        for (const soci::row& row : found)
            answer.ids.push_back(row.get<long long>(0));
        if (answer.ids.size() > static_cast<std::size_t>(query.limit)) {
            answer.ids.resize(static_cast<std::size_t>(query.limit));
            answer.more = true;
        }
        if (query.countTotal) {
            long long counted = 0;
            sql << total, use(from, "from"), use(to, "to"), use(ids, "agencies"), soci::into(counted);
            answer.total = counted;
        }
        return answer;
    });
}

KpiSummary Store::KpisNaive(const KpiPeriod& period, const std::vector<std::int64_t>& agencyIds,
                            const WorkingCalendar& calendar)
{
    CheckPeriod(period);
    const CalendarSettings& settings = calendar.Settings();
    const CalendarArrays arrays(calendar);
    const std::string& startsText = arrays.starts;
    const std::string& endsText = arrays.ends;
    const std::string& offText = arrays.off;
    const std::string& extraText = arrays.extra;

    using S = NationalStatus;
    const std::string result = "end_status IN (" + Code(S::ResultReady) + ", " + Code(S::Returned) + ")";
    // The judged instant (kpi.h, JudgedInstant) and the appointment judged against.
    const std::string judged =
        "judged AS (SELECT f.*, coalesce((SELECT min(q.started_at) FROM dossier_pause q WHERE q.dossier_id = f.id"
        " AND q.started_at < f.t AND (q.ended_at IS NULL OR q.ended_at >= f.t)), f.t) AS judged_at,"
        " coalesce(f.original_due_at, f.due_at) AS judged_due"
        " FROM (SELECT facts.*, coalesce(facts.end_at < p.to_at, false) AS resolved,"
        " CASE WHEN facts.end_at < p.to_at THEN facts.end_at ELSE p.to_at END AS t FROM facts CROSS JOIN p) f)";
    const std::string classified =
        "classified AS (SELECT j.*, coalesce(j.second_at < j.t, false) OR coalesce(j.judged_at > j.judged_due, false)"
        " AS late, coalesce(CAST(j.judged_at AT TIME ZONE 'UTC' + make_interval(secs => :offset5) AS date)"
        " < CAST(j.judged_due AT TIME ZONE 'UTC' + make_interval(secs => :offset6) AS date), false) AS before_day,"
        " CASE WHEN j.in_scope AND j.resolved AND j." +
        result + " THEN " + WorkingMinutes("j.received_at", "j.end_at") + " - (SELECT coalesce(sum(" +
        WorkingMinutes("greatest(q.started_at, j.received_at)", "least(coalesce(q.ended_at, j.end_at), j.end_at)") +
        "), 0) FROM dossier_pause q WHERE q.dossier_id = j.id) ELSE 0 END AS minutes FROM judged j)";
    const std::string granted = "in_scope AND resolved AND " + result + " AND outcome = " + Code(Outcome::Grant);
    const std::string select =
        "WITH " + FactsCtes() + ", " + kCalendarCte + ", " + judged + ", " + classified +
        " SELECT procedure_id,"
        " count(*) FILTER (WHERE in_scope AND received_at < (SELECT from_at FROM p)),"
        " count(*) FILTER (WHERE in_scope AND received_at >= (SELECT from_at FROM p) AND channel = " +
        Code(Channel::Online) +
        "),"
        " count(*) FILTER (WHERE in_scope AND received_at >= (SELECT from_at FROM p) AND channel <> " +
        Code(Channel::Online) +
        "),"
        " count(*) FILTER (WHERE in_scope AND resolved AND NOT late AND before_day),"
        " count(*) FILTER (WHERE in_scope AND resolved AND NOT late AND NOT before_day),"
        " count(*) FILTER (WHERE in_scope AND resolved AND late),"
        " count(*) FILTER (WHERE in_scope AND NOT resolved AND NOT late),"
        " count(*) FILTER (WHERE in_scope AND NOT resolved AND late),"
        " count(*) FILTER (WHERE in_scope AND resolved AND " +
        result +
        "), CAST(coalesce(sum(minutes), 0) AS bigint),"
        " count(*) FILTER (WHERE intake_in), count(*) FILTER (WHERE intake_in AND answered_at > intake_due_at),"
        " count(*) FILTER (WHERE " +
        granted + "), count(*) FILTER (WHERE " + granted + " AND electronic), count(*) FILTER (WHERE " + granted +
        " AND electronic AND digitised),"
        " count(*) FILTER (WHERE in_scope AND resolved AND rated),"
        " count(*) FILTER (WHERE in_scope AND resolved AND rated AND negative)"
        " FROM classified GROUP BY procedure_id ORDER BY procedure_id";

    return InTransaction(*m_pool, [&](soci::session& sql) {
        const long long from = period.from.time_since_epoch().count();
        const long long to = period.to.time_since_epoch().count();
        const std::string agencies = AgencyArray(agencyIds);
        const int offset = static_cast<int>(settings.utcOffset.count());
        const int offset2 = offset, offset3 = offset, offset4 = offset, offset5 = offset, offset6 = offset;
        soci::rowset<soci::row> rows =
            (sql.prepare << select, use(from, "from"), use(to, "to"), use(agencies, "agencies"), use(offset, "offset"),
             use(offset2, "offset2"), use(offset3, "offset3"), use(offset4, "offset4"), use(offset5, "offset5"),
             use(offset6, "offset6"), use(startsText, "starts"), use(endsText, "ends"), use(extraText, "extra"),
             use(offText, "off"));
        KpiSummary summary;
        for (const soci::row& row : rows) {
            KpiFigures k;
            std::size_t c = 1;
            for (std::int64_t* field :
                 {&k.receivedCarriedOver, &k.receivedOnline, &k.receivedInPerson, &k.resolvedEarly, &k.resolvedOnTime,
                  &k.resolvedLate, &k.pendingWithinDeadline, &k.pendingOverdue, &k.resolvedWithResult,
                  &k.processingMinutes, &k.intakeAnswered, &k.intakeConfirmedLate, &k.resultsGranted,
                  &k.electronicResults, &k.digitisedWithElectronicResult, &k.rated, &k.negativeRatings})
                *field = Count(row, c++);
            if (k.Empty())
                continue;
            summary.total += k;
            summary.byProcedure[row.get<long long>(0)] = k;
        }
        return summary;
    });
}

// One round trip fewer per dashboard read: the database is asked only for a calendar this Store has not brought the
// summary to (two servers with different calendar files would recount in turn anyway).
void Store::EnsureKpiCalendar(const WorkingCalendar& calendar)
{
    bool synced = false;
    {
        const std::lock_guard lock(m_kpiCalendarMutex);
        synced = m_kpiCalendar == CalendarArrays(calendar).Key(static_cast<int>(calendar.Settings().utcOffset.count()));
    }
    if (!synced)
        SyncKpiCalendar(calendar);
}

bool Store::SyncKpiCalendar(const WorkingCalendar& calendar)
{
    const CalendarArrays arrays(calendar);
    const int offset = static_cast<int>(calendar.Settings().utcOffset.count());
    const bool rebuilt = InTransaction(*m_pool, [&](soci::session& sql) {
        int recounted = 0;
        sql << "SELECT CAST(kpi_set_calendar(:offset, CAST(:starts AS integer[]), CAST(:ends AS integer[]),"
               " CAST(:off AS date[]), CAST(:extra AS date[])) AS integer)",
            use(offset, "offset"), use(arrays.starts, "starts"), use(arrays.ends, "ends"), use(arrays.off, "off"),
            use(arrays.extra, "extra"), soci::into(recounted);
        return recounted != 0;
    });
    const std::lock_guard lock(m_kpiCalendarMutex);
    m_kpiCalendar = arrays.Key(offset);
    return rebuilt;
}

KpiSummary Store::Kpis(const KpiPeriod& period, const std::vector<std::int64_t>& agencyIds,
                       const WorkingCalendar& calendar)
{
    CheckPeriod(period);
    const std::chrono::seconds offset = calendar.Settings().utcOffset;
    if (!SummaryMayAnswer(period, agencyIds, offset))
        return KpisNaive(period, agencyIds, calendar);
    EnsureKpiCalendar(calendar);

    const sys_days from{LocalDate(period.from, offset)};
    const sys_days to{LocalDate(period.to, offset)};
    StatementValues v;
    v.Set("ids", AgencyArray(agencyIds));
    for (const SummarySpan& span : SummarySpans(from, to)) {
        v.Set(std::string(span.name) + "_from", FormatDate(year_month_day{span.from}));
        v.Set(std::string(span.name) + "_to", FormatDate(year_month_day{span.to}));
        v.Set(std::string(span.name) + "_part", span.part);
    }
    static const PreparedStatement kSummary("motcua_kpi_summary", SummarySql());
    std::optional<KpiSummary> answer = InTransaction(*m_pool, [&](soci::session& sql) -> std::optional<KpiSummary> {
        const StatementResult rows = kSummary.Run(sql, v);
        // Per procedure: what was open at `from` (parts 0 and 2), and what happened in the period (part 1).
        struct Parts {
            std::int64_t openBefore = 0, overdueBefore = 0;
            std::array<std::int64_t, kSummaryColumns.size()> period{};
        };
        std::map<std::int64_t, Parts> parts;
        const auto count = [&rows](int row, std::size_t column) {
            return rows.OptionalNumber(row, static_cast<int>(column)).value_or(0);
        };
        for (int row = 0; row < rows.Rows(); ++row) {
            const std::int64_t procedureId = count(row, 0);
            const std::int64_t part = count(row, 1);
            if (procedureId < 0) {  // the selection's check: not whole subtrees
                if (part == 0)
                    return std::nullopt;
                continue;
            }
            Parts& p = parts[procedureId];
            if (part == 1) {
                for (std::size_t c = 0; c < p.period.size(); ++c)
                    p.period[c] += count(row, c + 2);
                continue;
            }
            const std::int64_t sign = part == 0 ? 1 : -1;
            p.openBefore += sign * (count(row, 2) + count(row, 3) - count(row, 4));
            p.overdueBefore += sign * (count(row, 5) - count(row, 6));
        }
        KpiSummary summary;
        for (const auto& [procedureId, p] : parts) {
            const auto& c = p.period;
            KpiFigures k;
            k.receivedCarriedOver = p.openBefore;
            k.receivedOnline = c[0];
            k.receivedInPerson = c[1];
            const std::int64_t pending = p.openBefore + c[0] + c[1] - c[2];
            k.pendingOverdue = p.overdueBefore + c[3] - c[4];
            k.pendingWithinDeadline = pending - k.pendingOverdue;
            std::size_t column = 5;  // the period's counts after received, closed and overdue, in the columns' order
            for (std::int64_t* field :
                 {&k.resolvedEarly, &k.resolvedOnTime, &k.resolvedLate, &k.resolvedWithResult, &k.processingMinutes,
                  &k.intakeAnswered, &k.intakeConfirmedLate, &k.resultsGranted, &k.electronicResults,
                  &k.digitisedWithElectronicResult, &k.rated, &k.negativeRatings})
                *field = c[column++];
            if (k.Empty())
                continue;
            summary.total += k;
            summary.byProcedure[procedureId] = k;
        }
        return summary;
    });
    return answer ? *answer : KpisNaive(period, agencyIds, calendar);
}

}  // namespace motcua::pg
