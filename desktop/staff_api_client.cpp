#include "desktop/staff_api_client.h"

#include <sstream>

#include <Poco/JSON/Object.h>
#include <Poco/URI.h>

#include "desktop/api_error.h"
#include "desktop/gettext_macros.h"
#include "desktop/json_reader.h"

namespace motcua::desktop {
namespace {

using Poco::JSON::Object;

InboxRow ReadInboxItem(const JsonReader& r)
{
    InboxRow item;
    item.id = r.Int("id");
    item.code = r.String("code");
    item.applicantName = r.String("applicantName");
    item.procedureName = r.String("procedureName");
    item.submittedAt = r.Time("submittedAt");
    item.receivedAt = r.OptionalTime("receivedAt");
    item.dueAt = r.OptionalTime("dueAt");
    item.status = r.Status("status");
    item.subState = r.OptionalWord("subState", SubStateFromString).value_or(SubState::None);
    item.version = static_cast<int>(r.Int("version"));
    if (r.Has("assignedTo") && !r.IsNull("assignedTo")) {
        const JsonReader staff = r.Child("assignedTo");
        item.assignedTo = AssignedStaff{staff.Int("id"), staff.OptionalString("name")};
    }
    return item;
}

// A flag a newer server adds to list items; empty from one that does not say.
std::optional<bool> OptionalFlag(const JsonReader& r, const char* name)
{
    if (!r.Has(name) || r.IsNull(name))
        return std::nullopt;
    return r.Bool(name);
}

DossierListItem ReadListItem(const JsonReader& r)
{
    return DossierListItem{ReadInboxItem(r), OptionalFlag(r, "dueSoon"), OptionalFlag(r, "overdue")};
}

const char* SortWord(ListSort sort)
{
    switch (sort) {
    case ListSort::Due: return "due";
    case ListSort::Received: return "received";
    case ListSort::Code: return "code";
    }
    return "due";
}

DocumentInfo ReadDocument(const JsonReader& r)
{
    return DocumentInfo{r.String("name"),
                        r.Word("form", [](const std::string& text) { return DocumentFormFromString(text, "form"); }),
                        static_cast<int>(r.Int("count"))};
}

AgencyRef ReadAgency(const JsonReader& r)
{
    return AgencyRef{r.Int("id"), r.String("code"), r.String("name")};
}

// For answers without a problem document (a proxy's error page, an old server).
const char* GenericMessage(ErrorCategory category)
{
    switch (category) {
    case ErrorCategory::Unauthenticated: return N_("Your session has ended. Log in again.");
    case ErrorCategory::NotAllowed: return N_("You are not allowed to do this.");
    case ErrorCategory::NotFound: return N_("The server could not find what was asked for.");
    case ErrorCategory::Conflict: return N_("Someone else changed this record at the same time.");
    case ErrorCategory::Environment: return N_("The server is not available right now. Try again later.");
    case ErrorCategory::Internal: return N_("The server failed to handle the request.");
    case ErrorCategory::BadInput: break;
    }
    return N_("The server refused the request.");
}

std::string JsonText(const Object& object)
{
    std::ostringstream text;
    object.stringify(text);
    return text.str();
}

}  // namespace

std::string QueryParam(const char* name, const std::string& value)
{
    if (value.empty())
        return {};
    std::string encoded;
    Poco::URI::encode(value, "!#$&'()*+,/:;=?@[]", encoded);
    return std::string("&") + name + "=" + encoded;
}

const HttpResponse& CheckedAnswer(const HttpResponse& response)
{
    if (!response.IsSuccess())
        throw ParseProblem(response.status, response.contentType, response.body);
    return response;
}

StaffApiClient::StaffApiClient(const StaffApiClientOptions& options)
    : m_http(HttpTransportOptions{options.serverUrl, options.caFile, options.connectTimeout, options.requestTimeout})
{}

Session StaffApiClient::Login(const std::string& username, const std::string& password, const std::string& otp)
{
    Object body;
    body.set("username", username);
    body.set("password", password);
    if (!otp.empty())
        body.set("otp", otp);
    const std::string json = JsonText(body);
    m_http.ClearBearerToken();
    const HttpResponse response = CheckedAnswer(m_http.Post("/staff/v1/login", &json));
    std::string token;
    Session session = ParseLoginResponse(response.body, token);
    m_http.SetBearerToken(std::move(token));
    return session;
}

void StaffApiClient::Logout()
{
    if (!m_http.HasBearerToken())
        return;
    try {
        const HttpResponse response = m_http.Post("/staff/v1/logout", nullptr);
        m_http.ClearBearerToken();
        // An expired session is as logged out as a deleted one.
        if (response.status != 401)
            CheckedAnswer(response);
    } catch (...) {
        m_http.ClearBearerToken();
        throw;
    }
}

InboxPage StaffApiClient::Inbox(int limit, const std::optional<std::string>& after)
{
    const std::string path = "/staff/v1/inbox?limit=" + std::to_string(limit) + QueryParam("after", after.value_or(""));
    return ParseInboxPage(CheckedAnswer(m_http.Get(path)).body);
}

std::vector<QueueCount> StaffApiClient::Queues()
{
    return ParseQueueCounts(CheckedAnswer(m_http.Get("/staff/v1/queues")).body);
}

DossierPage StaffApiClient::QueuePage(const QueuePageRequest& request)
{
    std::string name;
    Poco::URI::encode(request.queue, "!#$&'()*+,/:;=?@[]", name);
    const std::string path = "/staff/v1/queues/" + name + "?limit=" + std::to_string(request.limit) +
                             QueryParam("after", request.after.value_or("")) +
                             QueryParam("sort", SortWord(request.sort)) +
                             QueryParam("order", request.descending ? "desc" : "asc");
    return ParseDossierPage(CheckedAnswer(m_http.Get(path)).body);
}

DossierPage StaffApiClient::Search(const SearchQuery& query, int limit, const std::optional<std::string>& after)
{
    const std::string path =
        "/staff/v1/dossiers?limit=" + std::to_string(limit) + QueryParam("q", query.text) +
        QueryParam("status", query.status ? std::to_string(static_cast<int>(*query.status)) : std::string()) +
        QueryParam("procedure", query.procedureCode) + QueryParam("agency", query.agencyCode) +
        QueryParam("from", query.fromDate) + QueryParam("to", query.toDate) + QueryParam("after", after.value_or(""));
    return ParseDossierPage(CheckedAnswer(m_http.Get(path)).body);
}

EventStreamTarget StaffApiClient::EventsTarget() const
{
    return EventStreamTarget{m_http.BaseUrl(), m_http.BearerToken(), m_http.CaFile()};
}

DossierDetail StaffApiClient::Dossier(std::int64_t id)
{
    return ParseDossierDetail(CheckedAnswer(m_http.Get("/staff/v1/dossiers/" + std::to_string(id))).body);
}

DossierDetail StaffApiClient::Accept(std::int64_t id, int version)
{
    ActionInput input;
    input.action = Action::Accept;
    input.version = version;
    return Act(id, input);
}

std::vector<std::uint8_t> StaffApiClient::Receipt(std::int64_t id)
{
    const HttpResponse response = CheckedAnswer(m_http.Get("/staff/v1/dossiers/" + std::to_string(id) + "/receipt"));
    if (response.contentType.rfind("application/pdf", 0) != 0)
        ThrowBadResponse("(receipt)", "content type '" + response.contentType + "', expected application/pdf");
    return std::vector<std::uint8_t>(response.body.begin(), response.body.end());
}

Session ParseLoginResponse(const std::string& json, std::string& token)
{
    const JsonReader root = JsonReader::Parse(json);
    token = root.String("token");
    if (token.empty())
        ThrowBadResponse("token", "empty");
    Session session;
    session.expiresAt = root.Time("expiresAt");
    const JsonReader staff = root.Child("staff");
    session.staff.id = staff.Int("id");
    session.staff.username = staff.String("username");
    session.staff.fullName = staff.String("fullName");
    session.staff.role = staff.Word("role", RoleFromString);
    session.staff.agencyId = staff.Int("agencyId");
    session.staff.agencyName = staff.OptionalString("agencyName");
    return session;
}

InboxPage ParseInboxPage(const std::string& json)
{
    const JsonReader root = JsonReader::Parse(json);
    InboxPage page;
    for (const JsonReader& item : root.Objects("items"))
        page.items.push_back(ReadInboxItem(item));
    if (root.Has("next") && !root.IsNull("next"))
        page.next = root.String("next");
    return page;
}

DossierPage ParseDossierPage(const std::string& json)
{
    const JsonReader root = JsonReader::Parse(json);
    DossierPage page;
    for (const JsonReader& item : root.Objects("items"))
        page.items.push_back(ReadListItem(item));
    if (root.Has("next") && !root.IsNull("next"))
        page.next = root.String("next");
    if (!root.IsNull("total"))
        page.total = root.Int("total");
    return page;
}

std::vector<QueueCount> ParseQueueCounts(const std::string& json)
{
    std::vector<QueueCount> queues;
    for (const JsonReader& q : JsonReader::Parse(json).Objects("queues")) {
        QueueCount count;
        count.name = q.String("name");
        count.count = q.Int("count");
        count.overdue = q.Has("overdue") && !q.IsNull("overdue") ? q.Int("overdue") : 0;
        count.countCapped = q.Has("countCapped") && !q.IsNull("countCapped") && q.Bool("countCapped");
        queues.push_back(std::move(count));
    }
    return queues;
}

DossierDetail ParseDossierDetail(const std::string& json)
{
    const JsonReader root = JsonReader::Parse(json);
    DossierDetail d;
    d.summary = ReadInboxItem(root);
    d.channel =
        root.OptionalWord("channel", [](const std::string& text) { return ChannelFromString(text, "channel"); });
    const JsonReader procedure = root.Child("procedure");
    d.procedure.id = procedure.Int("id");
    d.procedure.code = procedure.String("code");
    d.procedure.name = procedure.String("name");
    d.procedure.processingTime = static_cast<int>(procedure.Int("processingTime"));
    d.procedure.processingUnit = procedure.Word("processingUnit", DurationUnitFromString);
    d.procedure.feeVnd = procedure.Int("feeVnd");
    if (procedure.Has("requiredDocuments"))
        for (const JsonReader& doc : procedure.Objects("requiredDocuments"))
            d.procedure.requiredDocuments.push_back(ReadDocument(doc));
    if (d.summary.procedureName.empty())
        d.summary.procedureName = d.procedure.name;
    const JsonReader applicant = root.Child("applicant");
    d.applicant.fullName = applicant.String("fullName");
    d.applicant.citizenId = applicant.OptionalString("citizenId");
    d.applicant.dateOfBirth = applicant.OptionalString("dateOfBirth");
    d.applicant.address = applicant.OptionalString("address");
    d.applicant.phone = applicant.OptionalString("phone");
    d.applicant.email = applicant.OptionalString("email");
    d.formDataJson = root.Stringified("formData");
    for (const JsonReader& doc : root.Objects("documents"))
        d.documents.push_back(ReadDocument(doc));
    d.receivingAgency = ReadAgency(root.Child("receivingAgency"));
    d.handlingAgency = ReadAgency(root.Child("handlingAgency"));
    for (const JsonReader& h : root.Objects("history")) {
        HistoryEntry e;
        e.at = h.Time("at");
        e.action = h.Word("action", ActionFromString);
        e.role = h.OptionalWord("role", RoleFromString);
        if (!h.IsNull("staffName"))
            e.staffName = h.String("staffName");
        e.onBehalfOf = h.OptionalString("onBehalfOf");
        if (!h.IsNull("fromStatus"))
            e.fromStatus = h.Status("fromStatus");
        e.toStatus = h.Status("toStatus");
        e.note = h.OptionalString("note");
        d.history.push_back(std::move(e));
    }
    d.hasReceipt = root.Has("hasReceipt") && !root.IsNull("hasReceipt") && root.Bool("hasReceipt");
    if (root.Has("outputs"))
        for (const JsonReader& o : root.Objects("outputs"))
            d.outputs.push_back(OutputRef{o.Int("id"), o.String("kind"), o.OptionalString("form"), o.Time("created")});
    if (!root.IsNull("assignedStaffId"))
        d.assignedStaffId = root.Int("assignedStaffId");
    for (const std::string& word : root.OptionalStrings("allowedActions"))
        if (const std::optional<Action> action = FindValue(kActionNames, word))
            d.allowedActions.push_back(*action);
    return d;
}

ApiError ParseProblem(int httpStatus, const std::string& contentType, const std::string& body)
{
    const std::string fallbackDetail =
        "HTTP " + std::to_string(httpStatus) + (body.empty() ? "" : ": " + body.substr(0, 500));
    if (contentType.find("json") != std::string::npos) {
        try {
            const JsonReader problem = JsonReader::Parse(body);
            const std::string type = problem.OptionalString("type");
            const std::string title = problem.OptionalString("title");
            if (!title.empty()) {
                ApiError error(CategoryFromProblem(type, httpStatus), httpStatus, title,
                               problem.OptionalString("title_vi"), problem.OptionalString("field"),
                               problem.OptionalString("detail"), type);
                error.SetCode(problem.OptionalString("code"));
                if (problem.Has("retryAfter") && !problem.IsNull("retryAfter"))
                    error.SetRetryAfter(std::chrono::seconds{problem.Int("retryAfter")});
                return error;
            }
        } catch (const Error&) {
            // not a problem document after all: fall through to the generic message
        }
    }
    const ErrorCategory category = CategoryFromProblem({}, httpStatus);
    return ApiError(category, httpStatus, GenericMessage(category), {}, {}, fallbackDetail);
}

}  // namespace motcua::desktop
