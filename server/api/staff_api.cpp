#include "server/api/staff_api.h"

#include <cctype>
#include <charconv>
#include <limits>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/URI.h>

#include "model/agency.h"
#include "model/error.h"
#include "model/workflow.h"
#include "server/api/dossier_json.h"
#include "server/api/inbox_cursor_codec.h"
#include "server/http/json_input.h"
#include "server/usecases/dossier_scope.h"

namespace motcua::server {

namespace {

[[noreturn]] void ThrowDossierNotFound(const std::string& detail)
{
    throw Error(ErrorCategory::NotFound, N_("Dossier not found"), {}, detail);
}

}  // namespace

reports::ReportFormat StaffApi::ParseFormat(const HttpRequest& request)
{
    return request.query.count("format") ? reports::ParseReportFormat(request.Query("format"))
                                         : reports::ReportFormat::Pdf;
}

HttpResponse StaffApi::ReportFile(reports::ReportFormat format, const std::vector<std::uint8_t>& bytes,
                                  const std::string& name)
{
    HttpResponse response = HttpResponse::Binary(reports::MediaType(format), bytes);
    const char* disposition = format == reports::ReportFormat::Pdf ? "inline" : "attachment";
    response.headers.emplace_back("Content-Disposition", std::string(disposition) + "; filename=\"" + name + "." +
                                                             reports::Extension(format) + "\"");
    return response;
}

int StaffApi::ParseQueryInt(const std::string& text, const std::string& field, int min, int max)
{
    int value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec == std::errc::invalid_argument || end != text.data() + text.size())
        throw Error(ErrorCategory::BadInput, N_("This field must be a whole number"), field);
    if (ec == std::errc::result_out_of_range || value < min || value > max)
        throw Error(ErrorCategory::BadInput, N_("This number is out of range"), field,
                    "between " + std::to_string(min) + " and " + std::to_string(max));
    return value;
}

StaffApi::StaffApi(pg::Store& store, const Clock& clock, SessionService& sessions, DossierActions& actions,
                   const FormPrinter& forms, DossierCodeFormat codeFormat, int inboxDefaultLimit, int inboxMaxLimit)
    : m_store(store),
      m_clock(clock),
      m_sessions(sessions),
      m_actions(actions),
      m_forms(forms),
      m_codeFormat(std::move(codeFormat)),
      m_inboxDefaultLimit(inboxDefaultLimit),
      m_inboxMaxLimit(inboxMaxLimit)
{}

const std::vector<ApiRoute<StaffApi>>& StaffApi::Routes()
{
    static const std::vector<ApiRoute<StaffApi>> kRoutes = [] {
        std::vector<ApiRoute<StaffApi>> routes{
            {{"POST", "/staff/v1/login"}, &StaffApi::Login},
            {{"POST", "/staff/v1/logout"}, &StaffApi::Logout},
            {{"GET", "/staff/v1/inbox"}, &StaffApi::Inbox},
            {{"GET", "/staff/v1/queues"}, &StaffApi::QueueCounts},
            {{"GET", "/staff/v1/queues/{name}"}, &StaffApi::Queue},
            {{"GET", "/staff/v1/dossiers"}, &StaffApi::Search},
            {{"GET", "/staff/v1/dossiers/{id}"}, &StaffApi::Detail},
            {{"POST", "/staff/v1/dossiers"}, &StaffApi::TakeIn},
        };
        for (const Action action : StaffActions())
            routes.push_back({{"POST", std::string("/staff/v1/dossiers/{id}/") + ToString(action)},
                              [action](StaffApi& api, const HttpRequest& r) { return api.Act(r, action); }});
        routes.push_back({{"GET", "/staff/v1/dossiers/{id}/receipt"}, &StaffApi::Receipt});
        routes.push_back({{"GET", "/staff/v1/dossiers/{id}/audit"}, &StaffApi::AuditTrail});
        routes.push_back({{"GET", "/staff/v1/dossiers/{id}/attachments/{n}"}, &StaffApi::AttachmentFile});
        routes.push_back({{"GET", "/staff/v1/dossiers/{id}/outputs"}, &StaffApi::Outputs});
        routes.push_back({{"GET", "/staff/v1/outputs/{id}"}, &StaffApi::Output});
        routes.push_back({{"PUT", "/staff/v1/outputs/{id}"}, &StaffApi::SignedOutput});
        routes.push_back({{"GET", "/staff/v1/consultations"}, &StaffApi::Consultations});
        routes.push_back({{"GET", "/staff/v1/register"}, &StaffApi::RegisterBook});
        routes.push_back({{"GET", "/staff/v1/kpis"}, &StaffApi::Kpis});
        routes.push_back({{"GET", "/staff/v1/reports/periodic"}, &StaffApi::PeriodicReport});
        routes.push_back({{"GET", "/staff/v1/kpis/dossiers"}, &StaffApi::KpiDossiers});
        routes.push_back({{"GET", "/staff/v1/events"}, &StaffApi::Events});
        routes.push_back({{"GET", "/staff/v1/agencies"}, &StaffApi::Agencies});
        routes.push_back({{"GET", "/staff/v1/staff"}, &StaffApi::Staff});
        routes.push_back({{"POST", "/staff/v1/staff/{id}/totp"}, &StaffApi::StartTotp});
        routes.push_back({{"POST", "/staff/v1/staff/{id}/totp/confirm"}, &StaffApi::ConfirmTotp});
        routes.push_back({{"POST", "/staff/v1/admin/staff/{id}/unlock"}, &StaffApi::Unlock});
        routes.push_back({{"POST", "/staff/v1/admin/staff/{id}/sessions/revoke"}, &StaffApi::RevokeSessions});
        routes.push_back({{"DELETE", "/staff/v1/admin/staff/{id}/totp"}, &StaffApi::DisableTotp});
        routes.push_back({{"GET", "/staff/v1/delegations"}, &StaffApi::Delegations});
        routes.push_back({{"POST", "/staff/v1/delegations"}, &StaffApi::Delegate});
        routes.push_back({{"DELETE", "/staff/v1/delegations/{id}"}, &StaffApi::RevokeDelegation});
        return routes;
    }();
    return kRoutes;
}

void StaffApi::Register(Router& router)
{
    router.Add(*this, Routes());
}

std::string StaffApi::BearerToken(const std::string& authorization)
{
    const std::string scheme = "bearer ";
    if (authorization.size() <= scheme.size())
        return {};
    for (std::size_t i = 0; i < scheme.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(authorization[i])) != scheme[i])
            return {};
    }
    std::string token = authorization.substr(scheme.size());
    while (!token.empty() && token.front() == ' ')
        token.erase(token.begin());
    while (!token.empty() && token.back() == ' ')
        token.pop_back();
    return token;
}

std::int64_t StaffApi::ParseId(const std::string& text)
{
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || id <= 0)
        ThrowDossierNotFound(text);
    return id;
}

StaffMember StaffApi::Authenticate(const HttpRequest& request)
{
    std::optional<AgencyTree> tree;
    return Authenticate(request, tree);
}

StaffMember StaffApi::Authenticate(const HttpRequest& request, std::optional<AgencyTree>& tree)
{
    StaffMember staff = m_sessions.Authenticate(BearerToken(request.authorization), m_clock.Now());
    // The second wall: from here on the database shows this request only its caller's dossiers.
    std::vector<std::int64_t> agencies{staff.agencyId};
    if (OverseesSubtree(staff.role)) {
        if (!tree)
            tree.emplace(m_store.LoadAgencies());
        agencies = tree->SubtreeIds(staff.agencyId);
    }
    pg::ScopedAccess::Replace(pg::AccessScope::Agencies(std::move(agencies)).ActingAs(StaffActor(staff, request)));
    return staff;
}

pg::AuditActor StaffApi::StaffActor(const StaffMember& staff, const HttpRequest& request)
{
    return pg::AuditActor{.kind = pg::AuditActor::Kind::Staff,
                          .staffId = staff.id,
                          .role = static_cast<int>(staff.role),
                          .agencyId = staff.agencyId,
                          .address = request.clientAddress};
}

HttpResponse StaffApi::DetailResponse(const Dossier& dossier, const StaffMember& staff, int status)
{
    std::vector<Agency> agencies = m_store.LoadAgencies();
    std::vector<pg::Consultation> consultations = m_store.Consultations(dossier.id);
    std::vector<pg::HistoryRow> history = m_store.History(dossier.id);
    // Looked up only while it could matter: a result awaiting the manager's decision, at the caller's agency.
    const bool delegated = m_actions.LendingDelegation(staff, dossier).has_value();
    std::vector<Action> allowed = DossierActions::AllowedActions(staff, dossier, consultations, agencies,
                                                                 DossierActions::ResultProposer(history), delegated);
    DossierJson::DetailParts parts{dossier,
                                   m_store.GetProcedure(dossier.procedureId),
                                   std::move(agencies),
                                   std::move(history),
                                   m_store.Outputs(dossier.id),
                                   std::move(consultations),
                                   std::move(allowed),
                                   m_clock.Now(),
                                   m_store.Attachments(dossier.id)};
    return HttpResponse::Json(status, DossierJson::ToString(DossierJson::Detail(parts)));
}

HttpResponse StaffApi::Logout(const HttpRequest& request)
{
    Authenticate(request);
    m_sessions.Logout(BearerToken(request.authorization));
    return HttpResponse::NoContent();
}

HttpResponse StaffApi::Inbox(const HttpRequest& request)
{
    const StaffMember staff = Authenticate(request);
    const std::string limitText = request.Query("limit");
    const int limit = limitText.empty() ? m_inboxDefaultLimit : ParseQueryInt(limitText, "limit", 1, m_inboxMaxLimit);
    std::optional<pg::InboxCursor> after;
    if (request.query.count("after"))
        after = InboxCursorCodec::Decode(request.Query("after"), "after");

    const pg::InboxPage page = m_store.Inbox(staff.agencyId, after, limit);
    return DossierJson::ListPage(page.rows, Viewer(staff),
                                 page.next ? std::optional(InboxCursorCodec::Encode(*page.next)) : std::nullopt);
}

HttpResponse StaffApi::Detail(const HttpRequest& request)
{
    const StaffMember staff = Authenticate(request);
    Dossier dossier = LoadDossierInScope(m_store, staff, ParseId(request.PathParam("id")));
    m_store.RecordOpening("open.dossier", dossier.id, std::nullopt, dossier.code, m_clock.Now());
    return DetailResponse(dossier, staff);
}

HttpResponse StaffApi::AuditTrail(const HttpRequest& request)
{
    static constexpr const char* kActors[] = {"", "staff", "citizen_app", "public", "server"};
    const StaffMember staff = Authenticate(request);
    if (!OverseesSubtree(staff.role))
        throw Error(ErrorCategory::NotAllowed,
                    N_("Only managers, auditors and administrators may read a dossier's audit trail"));
    const Dossier dossier = LoadDossierInScope(m_store, staff, ParseId(request.PathParam("id")));
    // Reading who read is a reading too.
    m_store.RecordOpening("open.audit", dossier.id, std::nullopt, dossier.code, m_clock.Now());
    Poco::JSON::Array::Ptr entries = new Poco::JSON::Array;
    for (const AuditEntry& e : m_store.AuditTrail(dossier.id)) {
        Poco::JSON::Object::Ptr entry = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        entry->set("at", FormatIso8601(e.at));
        entry->set("actor", std::string(e.actorKind >= 1 && e.actorKind <= 4 ? kActors[e.actorKind] : ""));
        entry->set("staffName", e.staffName);
        if (!e.delegatorName.empty())
            entry->set("onBehalfOf", e.delegatorName);
        entry->set("role", e.role ? std::string(ToString(static_cast<Role>(*e.role))) : std::string());
        entry->set("agency", e.agencyName);
        entry->set("address", e.clientAddress);
        // A history row's act by its API name ("accept"); openings as recorded ("open.dossier").
        std::string action = e.action;
        int number = 0;
        if (action.rfind("act:", 0) == 0 &&
            std::from_chars(action.data() + 4, action.data() + action.size(), number).ec == std::errc())
            action = ToString(static_cast<Action>(number));
        entry->set("action", action);
        if (e.documentId)
            entry->set("documentId", *e.documentId);
        entry->set("detail", e.detail);
        entries->add(entry);
    }
    Poco::JSON::Object::Ptr out = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    out->set("dossierId", dossier.id);
    out->set("code", dossier.code);
    out->set("entries", entries);
    return HttpResponse::Json(200, DossierJson::ToString(out));
}

HttpResponse StaffApi::Events(const HttpRequest& request)
{
    const StaffMember staff = Authenticate(request);
    if (!m_eventStream)
        throw Error(ErrorCategory::Internal, N_("Internal server error"), {}, "no event stream wired");
    return m_eventStream(staff, request);
}

HttpResponse StaffApi::Receipt(const HttpRequest& request)
{
    const StaffMember staff = Authenticate(request);
    const Dossier dossier = LoadDossierInScope(m_store, staff, ParseId(request.PathParam("id")));
    std::optional<pg::StoredOutput> receipt = m_store.LoadOutput(dossier.id, OutputKind::Receipt);
    if (!receipt)
        throw Error(ErrorCategory::NotFound, N_("This dossier has no receipt yet"), {}, dossier.code);
    m_store.RecordOpening("open.document", dossier.id, std::nullopt, ToString(OutputKind::Receipt), m_clock.Now());
    return DossierJson::Download(dossier.code, *receipt);
}

HttpResponse StaffApi::AttachmentFile(const HttpRequest& request)
{
    const StaffMember staff = Authenticate(request);
    const Dossier dossier = LoadDossierInScope(m_store, staff, ParseId(request.PathParam("id")));
    const std::string& text = request.PathParam("n");
    int position = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), position);
    std::optional<std::pair<AttachmentInfo, std::vector<std::uint8_t>>> found;
    if (ec == std::errc() && end == text.data() + text.size() && position > 0)
        found = m_store.LoadAttachment(dossier.id, position);  // Error(Internal) when the bytes are damaged
    if (!found)
        throw Error(ErrorCategory::NotFound, N_("Attachment not found"), {}, dossier.code + " " + text);
    const AttachmentInfo& info = found->first;
    m_store.RecordOpening("open.attachment", dossier.id, std::nullopt, text + " " + info.fileName, m_clock.Now());
    HttpResponse response = HttpResponse::Binary(info.mediaType, found->second);
    // The citizen's name, UTF-8 (RFC 6266); the plain name is the dossier's code for clients that cannot read it.
    const std::size_t dot = info.fileName.rfind('.');
    const std::string plain = dossier.code + "-" + text + (dot == std::string::npos ? "" : info.fileName.substr(dot));
    std::string encoded;
    Poco::URI::encode(info.fileName, "!#$&'()*+,/:;=?@[]", encoded);
    response.headers.emplace_back("Content-Disposition",
                                  "attachment; filename=\"" + plain + "\"; filename*=UTF-8''" + encoded);
    // The bytes came from outside: a browser must not guess another type from them.
    response.headers.emplace_back("X-Content-Type-Options", "nosniff");
    return response;
}

}  // namespace motcua::server
