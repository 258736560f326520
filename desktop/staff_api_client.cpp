#include "desktop/staff_api_client.h"

#include <sstream>

#include <Poco/Dynamic/Var.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/StreamCopier.h>
#include <Poco/Timespan.h>
#include <Poco/URI.h>

#include "desktop/api_error.h"
#include "desktop/gettext_macros.h"

namespace motcua::desktop {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

// A server answer the desk cannot read is a bug on one side or the other, never the user's fault.
[[noreturn]] void ThrowBadResponse(const std::string& member, const std::string& why)
{
    throw Error(ErrorCategory::Internal, N_("The server sent an answer the desk does not understand."), {},
                "member '" + member + "': " + why);
}

// Typed access to one JSON object that names the member (with its path) when it is missing or mistyped.
class JsonReader {
public:
    JsonReader(Object::Ptr object, std::string path) : m_object(std::move(object)), m_path(std::move(path)) {}

    std::string String(const std::string& key) const
    {
        Poco::Dynamic::Var v = Required(key);
        if (!v.isString())
            ThrowBadResponse(Path(key), "expected a string");
        return v.extract<std::string>();
    }
    std::string OptionalString(const std::string& key) const
    {
        if (m_object->isNull(key))
            return {};
        return String(key);
    }
    std::int64_t Int(const std::string& key) const
    {
        Poco::Dynamic::Var v = Required(key);
        if (!v.isInteger())
            ThrowBadResponse(Path(key), "expected an integer");
        return v.convert<std::int64_t>();
    }
    bool Bool(const std::string& key) const
    {
        Poco::Dynamic::Var v = Required(key);
        if (!v.isBoolean())
            ThrowBadResponse(Path(key), "expected true or false");
        return v.extract<bool>();
    }
    Instant Time(const std::string& key) const
    {
        const std::string text = String(key);
        try {
            return ParseIso8601(text, Path(key));
        } catch (const Error&) {
            ThrowBadResponse(Path(key), "not an ISO 8601 time: '" + text + "'");
        }
    }
    std::optional<Instant> OptionalTime(const std::string& key) const
    {
        if (m_object->isNull(key))
            return std::nullopt;
        return Time(key);
    }
    NationalStatus Status(const std::string& key) const
    {
        const std::int64_t code = Int(key);
        if (code < 1 || code > 10)
            ThrowBadResponse(Path(key), "status " + std::to_string(code) + " outside 1..10");
        return static_cast<NationalStatus>(code);
    }
    JsonReader Child(const std::string& key) const
    {
        Poco::Dynamic::Var v = Required(key);
        if (v.type() != typeid(Object::Ptr))
            ThrowBadResponse(Path(key), "expected an object");
        return JsonReader(v.extract<Object::Ptr>(), Path(key));
    }
    std::vector<JsonReader> Objects(const std::string& key) const
    {
        Poco::Dynamic::Var v = Required(key);
        if (v.type() != typeid(Array::Ptr))
            ThrowBadResponse(Path(key), "expected an array");
        Array::Ptr array = v.extract<Array::Ptr>();
        std::vector<JsonReader> out;
        for (unsigned i = 0; i < array->size(); ++i) {
            const std::string itemPath = Path(key) + "[" + std::to_string(i) + "]";
            Object::Ptr item = array->getObject(i);
            if (item.isNull())
                ThrowBadResponse(itemPath, "expected an object");
            out.emplace_back(item, itemPath);
        }
        return out;
    }
    bool Has(const std::string& key) const { return m_object->has(key); }
    bool IsNull(const std::string& key) const { return m_object->isNull(key); }
    std::string Stringified(const std::string& key) const
    {
        if (m_object->isNull(key))
            return "{}";
        std::ostringstream out;
        Poco::JSON::Stringifier::stringify(m_object->get(key), out);
        return out.str();
    }

private:
    std::string Path(const std::string& key) const { return m_path.empty() ? key : m_path + "." + key; }
    Poco::Dynamic::Var Required(const std::string& key) const
    {
        if (!m_object->has(key))
            ThrowBadResponse(Path(key), "missing");
        if (m_object->isNull(key))
            ThrowBadResponse(Path(key), "null");
        return m_object->get(key);
    }

    Object::Ptr m_object;
    std::string m_path;
};

JsonReader ParseObject(const std::string& json)
{
    Poco::Dynamic::Var root;
    try {
        Poco::JSON::Parser parser;
        root = parser.parse(json);
    } catch (const Poco::Exception& e) {
        throw Error(ErrorCategory::Internal, N_("The server sent an answer the desk does not understand."), {},
                    "invalid JSON: " + e.displayText());
    }
    if (root.type() != typeid(Object::Ptr))
        ThrowBadResponse("(document)", "expected a JSON object");
    return JsonReader(root.extract<Object::Ptr>(), "");
}

InboxItem ReadInboxItem(const JsonReader& r)
{
    InboxItem item;
    item.id = r.Int("id");
    item.code = r.String("code");
    item.applicantName = r.String("applicantName");
    item.procedureName = r.String("procedureName");
    item.submittedAt = r.Time("submittedAt");
    item.receivedAt = r.OptionalTime("receivedAt");
    item.dueAt = r.OptionalTime("dueAt");
    item.status = r.Status("status");
    item.statusName = r.OptionalString("statusName");
    item.subState = r.OptionalString("subState");
    item.version = static_cast<int>(r.Int("version"));
    return item;
}

AgencyRef ReadAgency(const JsonReader& r)
{
    return AgencyRef{r.Int("id"), r.String("code"), r.String("name")};
}

std::string Trimmed(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    const auto last = text.find_last_not_of(" \t\r\n");
    return first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
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

Poco::Timespan ToTimespan(std::chrono::milliseconds ms)
{
    return Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(ms.count()) * 1000);
}

}  // namespace

StaffApiClient::StaffApiClient(StaffApiClientOptions options) : m_options(std::move(options))
{
    if (!m_options.serverUrl.empty())
        SetServerUrl(m_options.serverUrl);
}

void StaffApiClient::SetServerUrl(const std::string& url)
{
    const std::string text = Trimmed(url);
    if (text.empty())
        ThrowBadInput(N_("Enter the server address, for example http://127.0.0.1:8080."), "server");
    Poco::URI uri;
    try {
        uri = Poco::URI(text);
    } catch (const Poco::Exception&) {
        ThrowBadInput(N_("The server address is not a valid web address."), "server");
    }
    if (uri.getScheme() != "http")
        ThrowBadInput(N_("The server address must start with http://."), "server");
    if (uri.getHost().empty())
        ThrowBadInput(N_("The server address has no host name."), "server");
    std::string prefix = uri.getPath();
    while (!prefix.empty() && prefix.back() == '/')
        prefix.pop_back();
    if (text != m_options.serverUrl)
        m_token.clear();  // a token belongs to the server that issued it
    m_options.serverUrl = text;
    m_host = uri.getHost();
    m_port = uri.getPort();
    m_pathPrefix = prefix;
}

StaffApiClient::Response StaffApiClient::Send(const std::string& method, const std::string& path,
                                              const std::string* jsonBody)
{
    if (m_host.empty())
        ThrowBadInput(N_("Enter the server address, for example http://127.0.0.1:8080."), "server");
    Poco::Net::HTTPClientSession session(m_host, m_port);
    session.setTimeout(ToTimespan(m_options.connectTimeout), ToTimespan(m_options.requestTimeout),
                       ToTimespan(m_options.requestTimeout));
    Poco::Net::HTTPRequest request(method, m_pathPrefix + path, Poco::Net::HTTPMessage::HTTP_1_1);
    request.set("Accept", "application/json, application/problem+json, application/pdf");
    if (!m_token.empty())
        request.set("Authorization", "Bearer " + m_token);
    if (jsonBody) {
        request.setContentType("application/json; charset=utf-8");
        request.setContentLength(static_cast<std::streamsize>(jsonBody->size()));
    } else if (method == Poco::Net::HTTPRequest::HTTP_POST) {
        request.setContentLength(0);
    }
    Response out;
    try {
        std::ostream& body = session.sendRequest(request);
        if (jsonBody)
            body << *jsonBody;
        Poco::Net::HTTPResponse response;
        std::istream& in = session.receiveResponse(response);
        out.status = static_cast<int>(response.getStatus());
        out.contentType = response.getContentType();
        Poco::StreamCopier::copyToString(in, out.body);
    } catch (const Poco::TimeoutException& e) {
        throw Error(ErrorCategory::Environment, N_("The server did not answer in time. Try again in a moment."), {},
                    m_options.serverUrl + ": " + e.displayText());
    } catch (const Poco::Exception& e) {
        // Refused, unreachable, unknown host, reset: all mean the same thing to a clerk.
        throw Error(ErrorCategory::Environment,
                    N_("Cannot reach the server. Check the server address and the network, then try again."), {},
                    m_options.serverUrl + ": " + e.displayText());
    }
    return out;
}

void StaffApiClient::ThrowIfProblem(const Response& response) const
{
    if (response.status >= 200 && response.status < 300)
        return;
    throw ParseProblem(response.status, response.contentType, response.body);
}

Session StaffApiClient::Login(const std::string& username, const std::string& password)
{
    Object body;
    body.set("username", username);
    body.set("password", password);
    std::ostringstream text;
    body.stringify(text);
    const std::string json = text.str();
    m_token.clear();
    const Response response = Send(Poco::Net::HTTPRequest::HTTP_POST, "/staff/v1/login", &json);
    ThrowIfProblem(response);
    std::string token;
    Session session = ParseLoginResponse(response.body, token);
    m_token = std::move(token);
    return session;
}

void StaffApiClient::Logout()
{
    if (m_token.empty())
        return;
    try {
        const Response response = Send(Poco::Net::HTTPRequest::HTTP_POST, "/staff/v1/logout", nullptr);
        m_token.clear();
        // An expired session is as logged out as a deleted one.
        if (response.status != 401)
            ThrowIfProblem(response);
    } catch (...) {
        m_token.clear();
        throw;
    }
}

InboxPage StaffApiClient::Inbox(int limit, const std::optional<std::string>& after)
{
    std::string path = "/staff/v1/inbox?limit=" + std::to_string(limit);
    if (after) {
        std::string encoded;
        Poco::URI::encode(*after, "!#$&'()*+,/:;=?@[]", encoded);
        path += "&after=" + encoded;
    }
    const Response response = Send(Poco::Net::HTTPRequest::HTTP_GET, path, nullptr);
    ThrowIfProblem(response);
    return ParseInboxPage(response.body);
}

DossierDetail StaffApiClient::Dossier(std::int64_t id)
{
    const Response response =
        Send(Poco::Net::HTTPRequest::HTTP_GET, "/staff/v1/dossiers/" + std::to_string(id), nullptr);
    ThrowIfProblem(response);
    return ParseDossierDetail(response.body);
}

DossierDetail StaffApiClient::Accept(std::int64_t id, int version)
{
    Object body;
    body.set("version", version);
    std::ostringstream text;
    body.stringify(text);
    const std::string json = text.str();
    const Response response =
        Send(Poco::Net::HTTPRequest::HTTP_POST, "/staff/v1/dossiers/" + std::to_string(id) + "/accept", &json);
    ThrowIfProblem(response);
    return ParseDossierDetail(response.body);
}

std::vector<std::uint8_t> StaffApiClient::Receipt(std::int64_t id)
{
    const Response response =
        Send(Poco::Net::HTTPRequest::HTTP_GET, "/staff/v1/dossiers/" + std::to_string(id) + "/receipt", nullptr);
    ThrowIfProblem(response);
    if (response.contentType.rfind("application/pdf", 0) != 0)
        ThrowBadResponse("(receipt)", "content type '" + response.contentType + "', expected application/pdf");
    return std::vector<std::uint8_t>(response.body.begin(), response.body.end());
}

Session ParseLoginResponse(const std::string& json, std::string& token)
{
    const JsonReader root = ParseObject(json);
    token = root.String("token");
    if (token.empty())
        ThrowBadResponse("token", "empty");
    Session session;
    session.expiresAt = root.Time("expiresAt");
    const JsonReader staff = root.Child("staff");
    session.staff.id = staff.Int("id");
    session.staff.username = staff.String("username");
    session.staff.fullName = staff.String("fullName");
    const std::string role = staff.String("role");
    try {
        session.staff.role = RoleFromString(role);
    } catch (const Error&) {
        ThrowBadResponse("staff.role", "unknown role '" + role + "'");
    }
    session.staff.agencyId = staff.Int("agencyId");
    session.staff.agencyName = staff.OptionalString("agencyName");
    return session;
}

InboxPage ParseInboxPage(const std::string& json)
{
    const JsonReader root = ParseObject(json);
    InboxPage page;
    for (const JsonReader& item : root.Objects("items"))
        page.items.push_back(ReadInboxItem(item));
    if (root.Has("next") && !root.IsNull("next"))
        page.next = root.String("next");
    return page;
}

DossierDetail ParseDossierDetail(const std::string& json)
{
    const JsonReader root = ParseObject(json);
    DossierDetail d;
    d.summary = ReadInboxItem(root);
    d.channel = root.OptionalString("channel");
    const JsonReader procedure = root.Child("procedure");
    d.procedure.id = procedure.Int("id");
    d.procedure.code = procedure.String("code");
    d.procedure.name = procedure.String("name");
    d.procedure.processingTime = static_cast<int>(procedure.Int("processingTime"));
    d.procedure.processingUnit = procedure.String("processingUnit");
    d.procedure.feeVnd = procedure.Int("feeVnd");
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
        d.documents.push_back(DocumentInfo{doc.String("name"), doc.String("form"), static_cast<int>(doc.Int("count"))});
    d.receivingAgency = ReadAgency(root.Child("receivingAgency"));
    d.handlingAgency = ReadAgency(root.Child("handlingAgency"));
    for (const JsonReader& h : root.Objects("history")) {
        HistoryEntry e;
        e.at = h.Time("at");
        e.action = h.String("action");
        e.role = h.OptionalString("role");
        if (!h.IsNull("staffName"))
            e.staffName = h.String("staffName");
        if (!h.IsNull("fromStatus"))
            e.fromStatus = h.Status("fromStatus");
        e.toStatus = h.Status("toStatus");
        e.note = h.OptionalString("note");
        d.history.push_back(std::move(e));
    }
    d.hasReceipt = root.Has("hasReceipt") && !root.IsNull("hasReceipt") && root.Bool("hasReceipt");
    return d;
}

ApiError ParseProblem(int httpStatus, const std::string& contentType, const std::string& body)
{
    const std::string fallbackDetail =
        "HTTP " + std::to_string(httpStatus) + (body.empty() ? "" : ": " + body.substr(0, 500));
    if (contentType.find("json") != std::string::npos) {
        try {
            const JsonReader problem = ParseObject(body);
            const std::string type = problem.OptionalString("type");
            const std::string title = problem.OptionalString("title");
            if (!title.empty()) {
                return ApiError(CategoryFromProblem(type, httpStatus), httpStatus, title,
                                problem.OptionalString("title_vi"), problem.OptionalString("field"),
                                problem.OptionalString("detail"), type);
            }
        } catch (const Error&) {
            // not a problem document after all: fall through to the generic message
        }
    }
    const ErrorCategory category = CategoryFromProblem({}, httpStatus);
    return ApiError(category, httpStatus, GenericMessage(category), {}, {}, fallbackDetail);
}

}  // namespace motcua::desktop
