// The staff API's work queues and search: GET /staff/v1/queues, /staff/v1/queues/{name}, /staff/v1/dossiers?q=….
// Their query parameters are refused with 400 (problem details naming the parameter), an unknown queue with 404.
#include <charconv>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "model/error.h"
#include "model/search_key.h"
#include "model/work_queue.h"
#include "server/api/dossier_json.h"
#include "server/api/staff_api.h"
#include "server/http/http_error.h"
#include "server/usecases/base64_url.h"

namespace motcua::server {
namespace {

constexpr const char* kQueueCursorPrefix = "q1:";
constexpr const char* kSearchCursorPrefix = "s1:";
constexpr std::size_t kMaxCursor = 256;

// The query-string refusals of these routes are 400 (the contract of issue 11), whatever the category maps to.
template <typename F>
auto AsBadRequest(F&& parse) -> decltype(parse())
{
    try {
        return parse();
    } catch (const HttpError&) {
        throw;
    } catch (const Error& e) {
        if (e.Category() != ErrorCategory::BadInput)
            throw;
        throw HttpError(400, ErrorCategory::BadInput, e.MessageId(), e.Field(), e.Detail());
    }
}

[[noreturn]] void ThrowBadCursor()
{
    throw HttpError(400, ErrorCategory::BadInput, N_("The paging cursor is not valid"), "after");
}

bool ParseWhole(const std::string& text, std::int64_t& out)
{
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return !text.empty() && ec == std::errc() && end == text.data() + text.size();
}

// The cursor names its queue and order, so that a cursor of another listing is refused rather than misread.
std::string QueueCursorPrefix(WorkQueue queue, QueueSort sort, bool descending)
{
    return std::string(kQueueCursorPrefix) + ToString(queue) + ":" + NameOf(kQueueSortNames, sort, "?") + ":" +
           (descending ? "desc" : "asc") + ":";
}

std::string EncodeQueueCursor(const pg::QueuePageRequest& r, const pg::QueueCursor& cursor)
{
    return Base64Url::Encode(QueueCursorPrefix(r.queue, r.sort, r.descending) + std::to_string(cursor.id) + ":" +
                             cursor.key);
}

pg::QueueCursor DecodeQueueCursor(const pg::QueuePageRequest& r, const std::string& text)
{
    const std::optional<std::string> plain = text.size() <= kMaxCursor ? Base64Url::Decode(text) : std::nullopt;
    const std::string prefix = QueueCursorPrefix(r.queue, r.sort, r.descending);
    if (!plain || plain->compare(0, prefix.size(), prefix) != 0)
        ThrowBadCursor();
    const std::string rest = plain->substr(prefix.size());
    const std::size_t colon = rest.find(':');
    pg::QueueCursor cursor;
    if (colon == std::string::npos || !ParseWhole(rest.substr(0, colon), cursor.id) || cursor.id <= 0)
        ThrowBadCursor();
    cursor.key = rest.substr(colon + 1);
    std::int64_t seconds = 0;
    const bool valid = r.sort == QueueSort::Code
                           ? !cursor.key.empty() && cursor.key.find_first_not_of(
                                                        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                        "abcdefghijklmnopqrstuvwxyz.-_") == std::string::npos
                           : cursor.key == "Infinity" || ParseWhole(cursor.key, seconds);
    // Only the exact text we produce is accepted (no leading zeros, no "+", nothing appended).
    if (!valid || EncodeQueueCursor(r, cursor) != text)
        ThrowBadCursor();
    return cursor;
}

// Midnight in the province at the start of `date`.
Instant StartOf(Date date)
{
    return ToInstant(LocalTime{std::chrono::local_days{date}.time_since_epoch()});
}

}  // namespace

std::string StaffApi::NewestFirstCursor(std::int64_t id)
{
    return Base64Url::Encode(std::string(kSearchCursorPrefix) + std::to_string(id));
}

std::int64_t StaffApi::ParseNewestFirstCursor(const std::string& text)
{
    const std::optional<std::string> plain = text.size() <= kMaxCursor ? Base64Url::Decode(text) : std::nullopt;
    const std::string prefix = kSearchCursorPrefix;
    std::int64_t id = 0;
    if (!plain || plain->compare(0, prefix.size(), prefix) != 0 || !ParseWhole(plain->substr(prefix.size()), id) ||
        id <= 0 || NewestFirstCursor(id) != text)
        ThrowBadCursor();
    return id;
}

QueueViewer StaffApi::Viewer(const StaffMember& staff) const
{
    const Instant now = m_clock.Now();
    return QueueViewer{staff.id, staff.agencyId, now, DueSoonUntil(m_actions.Calendar(), now)};
}

HttpResponse StaffApi::QueueCounts(const HttpRequest& request)
{
    const StaffMember staff = Authenticate(request);
    Poco::JSON::Array::Ptr queues = new Poco::JSON::Array;
    for (const pg::QueueCount& count : m_store.QueueCounts(Viewer(staff), kQueueCountCap)) {
        Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        o->set("name", std::string(ToString(count.queue)));
        o->set("count", count.count);
        o->set("overdue", count.overdue);
        if (count.capped)
            o->set("countCapped", true);
        queues->add(o);
    }
    Poco::JSON::Object::Ptr out = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    out->set("queues", queues);
    return HttpResponse::Json(200, DossierJson::ToString(out));
}

HttpResponse StaffApi::Queue(const HttpRequest& request)
{
    const StaffMember staff = Authenticate(request);
    pg::QueuePageRequest page;
    const std::optional<WorkQueue> queue = WorkQueueFromString(request.PathParam("name").c_str());
    if (!queue)
        throw Error(ErrorCategory::NotFound, N_("There is no such work queue"), {}, request.PathParam("name"));
    page.queue = *queue;
    AsBadRequest([&] {
        if (request.query.count("sort"))
            page.sort = ValueOf(kQueueSortNames, request.Query("sort"), N_("Sort by due, received or code"), "sort");
        const std::string order = request.Query("order", "asc");
        if (order != "asc" && order != "desc")
            throw Error(ErrorCategory::BadInput, N_("The order is asc or desc"), "order", order);
        page.descending = order == "desc";
        const std::string limit = request.Query("limit");
        page.limit = limit.empty() ? m_inboxDefaultLimit : ParseQueryInt(limit, "limit", 1, m_inboxMaxLimit);
        return 0;
    });
    if (request.query.count("after"))
        page.after = DecodeQueueCursor(page, request.Query("after"));
    const QueueViewer viewer = Viewer(staff);
    const pg::QueuePage result = m_store.Queue(page, viewer);
    return DossierJson::ListPage(result.rows, viewer,
                                 result.next ? std::optional(EncodeQueueCursor(page, *result.next)) : std::nullopt);
}

HttpResponse StaffApi::Search(const HttpRequest& request)
{
    const StaffMember staff = Authenticate(request);
    const QueueViewer viewer = Viewer(staff);
    pg::DossierSearch search;
    search.agencyId = viewer.agencyId;
    bool outOfScope = false;
    AsBadRequest([&] {
        if (request.query.count("q"))
            search.key = ParseSearchKey(request.Query("q"));
        if (request.query.count("status"))
            search.status = NationalStatusFromInt(ParseQueryInt(request.Query("status"), "status", 1, 10));
        if (request.query.count("procedure")) {
            const std::optional<Procedure> procedure = m_store.FindProcedureByCode(request.Query("procedure"));
            if (!procedure)
                throw Error(ErrorCategory::BadInput, N_("Unknown procedure"), "procedure", request.Query("procedure"));
            search.procedureId = procedure->id;
        }
        if (request.query.count("agency")) {
            const std::optional<Agency> agency = m_store.FindAgencyByCode(request.Query("agency"));
            if (!agency)
                throw Error(ErrorCategory::BadInput, N_("Unknown agency"), "agency", request.Query("agency"));
            outOfScope = agency->id != search.agencyId;  // another agency's dossiers are not the caller's business
        }
        std::optional<Date> from, to;
        if (request.query.count("from"))
            from = ParseDate(request.Query("from"), "from");
        if (request.query.count("to"))
            to = ParseDate(request.Query("to"), "to");
        if (from && to && *to < *from)
            throw Error(ErrorCategory::BadInput, N_("The end date is before the start date"), "to");
        if (from)
            search.submittedFrom = StartOf(*from);
        if (to)
            search.submittedTo = StartOf(Date{std::chrono::sys_days{*to} + std::chrono::days{1}});
        const std::string limit = request.Query("limit");
        search.limit = limit.empty() ? m_inboxDefaultLimit : ParseQueryInt(limit, "limit", 1, m_inboxMaxLimit);
        return 0;
    });
    if (request.query.count("after"))
        search.afterId = ParseNewestFirstCursor(request.Query("after"));
    if (outOfScope)
        return DossierJson::ListPage({}, viewer, std::nullopt);
    const pg::SearchPage result = m_store.SearchDossiers(search);
    return DossierJson::ListPage(result.rows, viewer,
                                 result.next ? std::optional(NewestFirstCursor(*result.next)) : std::nullopt);
}

}  // namespace motcua::server
