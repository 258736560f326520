// StaffApi, the road of a dossier: one route per workflow action, paper intake, issued documents, the register.
#include <limits>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "model/error.h"
#include "model/text.h"
#include "reports/openssl_support.h"
#include "server/api/citizen_api.h"
#include "server/api/dossier_json.h"
#include "server/api/staff_api.h"
#include "server/usecases/document_verification.h"
#include "server/usecases/dossier_scope.h"

namespace motcua::server {

namespace {

constexpr std::size_t kMaxText = 2000;
constexpr std::size_t kMaxCode = 64;
constexpr std::size_t kMaxMissingDocuments = 50;
constexpr std::size_t kMaxDocumentName = 500;
constexpr int kFirstRegisterYear = 2000;
constexpr int kLastRegisterYear = 2100;
constexpr int kMaxConsultations = 500;  // an agency's open questions; more is a backlog for the dashboards

std::string OptionalText(const JsonInput& body, const char* name)
{
    return body.OptionalString(name, kMaxText).value_or("");
}

}  // namespace

const std::vector<Action>& StaffApi::StaffActions()
{
    static const std::vector<Action> kActions{Action::Accept,
                                              Action::RequestSupplement,
                                              Action::Refuse,
                                              Action::Supplement,
                                              Action::Assign,
                                              Action::Claim,
                                              Action::Forward,
                                              Action::AnswerConsultation,
                                              Action::RequestFees,
                                              Action::PayFees,
                                              Action::ProposeResult,
                                              Action::Approve,
                                              Action::ReturnForRework,
                                              Action::ReturnResult,
                                              Action::Reschedule,
                                              Action::Withdraw,
                                              Action::Stop};
    return kActions;
}

ActionRequest StaffApi::ParseActionRequest(Action action, const JsonInput& body)
{
    ActionRequest r;
    r.action = action;
    r.version = static_cast<int>(body.RequiredInt("version", 1, std::numeric_limits<int>::max()));
    r.note = OptionalText(body, "note");
    switch (action) {
    case Action::Assign: r.staffId = body.RequiredInt("staffId", 1, std::numeric_limits<std::int64_t>::max()); break;
    case Action::Forward: {
        r.agencyCode = body.RequiredString("agencyCode", kMaxCode);
        const std::string mode = body.OptionalString("mode", kMaxCode).value_or("sequential");
        if (mode == "parallel") {
            r.mode = ForwardMode::Parallel;
            if (const std::optional<std::string> due = body.OptionalString("dueAt", kMaxCode))
                r.newDueAt = ParseIso8601(*due, body.FieldPath("dueAt"));
        } else if (mode != "sequential") {
            throw Error(ErrorCategory::BadInput, N_("Unknown forwarding mode: expected sequential or parallel"),
                        body.FieldPath("mode"));
        }
        break;
    }
    case Action::RequestSupplement:
        r.missingDocuments = body.RequiredStringArray("missingDocuments", kMaxMissingDocuments, kMaxDocumentName);
        break;
    case Action::Refuse:
    case Action::ReturnForRework:
    case Action::Stop: r.reason = body.RequiredString("reason", kMaxText); break;
    case Action::ProposeResult:
        r.outcome = OutcomeFromString(body.RequiredString("outcome", kMaxCode), body.FieldPath("outcome"));
        break;
    case Action::Reschedule:
        r.newDueAt = ParseIso8601(body.RequiredString("newDueAt", kMaxCode), body.FieldPath("newDueAt"));
        r.reason = body.RequiredString("reason", kMaxText);
        break;
    default: break;
    }
    return r;
}

HttpResponse StaffApi::Act(const HttpRequest& request, Action action)
{
    const StaffMember staff = Authenticate(request);
    const std::int64_t id = ParseId(request.PathParam("id"));
    const ActionRequest parsed = ParseActionRequest(action, JsonInput::Parse(request.body));
    const Dossier changed = m_actions.Execute(staff, id, parsed);
    // A forwarded dossier or an approved result has left the caller's agency: answer with what was done all the
    // same, since the caller did it; the next read follows the scope again.
    return DetailResponse(changed, staff);
}

HttpResponse StaffApi::TakeIn(const HttpRequest& request)
{
    const StaffMember staff = Authenticate(request);
    const JsonInput body = JsonInput::Parse(request.body);
    DossierSubmission s = CitizenApi::ParseSubmission(body, false);
    MatchAttachments(s.attachmentNames, {}, {});  // paper intake sends no files: a document naming one is refused
    s.dossier.channel =
        ChannelFromString(body.OptionalString("channel", kMaxCode).value_or("in_person"), body.FieldPath("channel"));
    const std::optional<Procedure> procedure = m_store.FindProcedureByCode(s.procedureCode);
    if (!procedure)
        throw Error(ErrorCategory::BadInput, N_("Unknown procedure"), "procedureCode", s.procedureCode);
    s.dossier.procedureId = procedure->id;
    // A desk takes dossiers in for its own agency; a code given must say so.
    if (!s.agencyCode.empty()) {
        const std::optional<Agency> agency = m_store.FindAgencyByCode(s.agencyCode);
        if (!agency || agency->id != staff.agencyId)
            throw Error(ErrorCategory::BadInput, N_("A desk takes dossiers in for its own agency only"), "agencyCode",
                        s.agencyCode);
    }
    const Dossier stored = m_actions.TakeInAtDesk(staff, std::move(s.dossier), m_codeFormat);
    HttpResponse response = DetailResponse(stored, staff, 201);
    response.headers.emplace_back("Location", "/staff/v1/dossiers/" + std::to_string(stored.id));
    return response;
}

HttpResponse StaffApi::Consultations(const HttpRequest& request)
{
    const StaffMember staff = Authenticate(request);
    const std::vector<Agency> agencies = m_store.LoadAgencies();
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const std::int64_t id : m_store.OpenConsultationsOf(staff.agencyId, kMaxConsultations)) {
        const std::optional<Dossier> dossier = m_store.FindDossier(id);
        if (!dossier)
            continue;
        for (const pg::Consultation& c : m_store.Consultations(id))
            if (c.agencyId == staff.agencyId && !c.answeredAt)
                items->add(
                    DossierJson::ConsultationItem(*dossier, m_store.GetProcedure(dossier->procedureId), agencies, c));
    }
    Poco::JSON::Object::Ptr out = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    out->set("items", items);
    return HttpResponse::Json(200, DossierJson::ToString(out));
}

HttpResponse StaffApi::Outputs(const HttpRequest& request)
{
    const StaffMember staff = Authenticate(request);
    const Dossier dossier = LoadDossierInScope(m_store, staff, ParseId(request.PathParam("id")));
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const pg::OutputInfo& output : m_store.Outputs(dossier.id))
        items->add(DossierJson::OutputItem(output));
    Poco::JSON::Object::Ptr out = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    out->set("items", items);
    return HttpResponse::Json(200, DossierJson::ToString(out));
}

std::pair<std::pair<pg::OutputInfo, pg::StoredOutput>, Dossier> StaffApi::OutputInScope(const StaffMember& staff,
                                                                                        const std::string& idText)
{
    std::optional<std::pair<pg::OutputInfo, pg::StoredOutput>> found;
    try {
        found = m_store.LoadOutputById(ParseId(idText));
    } catch (const Error& e) {
        if (e.Category() != ErrorCategory::NotFound)
            throw;
    }
    // Another agency's document is, for the caller, not there at all: the same answer as an unknown id.
    if (!found)
        throw Error(ErrorCategory::NotFound, N_("Document not found"), {}, idText);
    try {
        Dossier dossier = LoadDossierInScope(m_store, staff, found->first.dossierId);
        return {std::move(*found), std::move(dossier)};
    } catch (const Error& e) {
        if (e.Category() != ErrorCategory::NotFound)
            throw;
        throw Error(ErrorCategory::NotFound, N_("Document not found"), {}, idText);
    }
}

HttpResponse StaffApi::Output(const HttpRequest& request)
{
    const StaffMember staff = Authenticate(request);
    const auto [output, dossier] = OutputInScope(staff, request.PathParam("id"));
    m_store.RecordOpening("open.document", dossier.id, output.first.id, ToString(output.first.kind), m_clock.Now());
    return DossierJson::Download(dossier.code, output.second, "-" + std::to_string(output.first.id));
}

bool StaffApi::AcceptsPdf(const std::string& path)
{
    return path.rfind("/staff/v1/outputs/", 0) == 0;
}

HttpResponse StaffApi::SignedOutput(const HttpRequest& request)
{
    const StaffMember staff = Authenticate(request);
    // Those who sign documents at an agency; the others may print them, not sign them.
    if (staff.role != Role::Signer && staff.role != Role::Manager)
        throw Error(ErrorCategory::NotAllowed, N_("Only signers and managers may sign documents"));
    const auto [output, dossier] = OutputInScope(staff, request.PathParam("id"));
    if (BarredAsProposer(Action::Approve, staff.id, m_store.ResultProposer(dossier.id)))
        throw Error(ErrorCategory::NotAllowed,
                    N_("You proposed this result: another person must sign it (two-person rule)"));
    if (!IsPdfMediaType(request.contentType))
        throw Error(ErrorCategory::BadInput, N_("Send the signed document as application/pdf"), "pdf",
                    request.contentType);
    const std::span<const std::uint8_t> uploaded(reinterpret_cast<const std::uint8_t*>(request.body.data()),
                                                 request.body.size());
    const std::string signer = CheckSignedVersion(output.second.bytes, uploaded, m_store.TrustAnchors());
    // The stored SHA-256 (the column the database computes) makes the swap conditional on what was checked.
    bool replaced = false;
    m_store.InOneTransaction([&] {
        replaced =
            m_store.ReplaceOutputBytes(output.first.id, output.first.sha256Hex, {uploaded.begin(), uploaded.end()});
        if (replaced)
            m_store.RecordAct("sign.document", dossier.id, output.first.id, signer, m_clock.Now());
    });
    if (!replaced)
        throw Error(ErrorCategory::Conflict, N_("The document was replaced since it was downloaded"), "pdf");
    Poco::JSON::Object::Ptr out = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    out->set("id", output.first.id);
    out->set("kind", std::string(ToString(output.first.kind)));
    out->set("sha256", ToHex(reports::Sha256({uploaded})));
    out->set("signer", signer);
    return HttpResponse::Json(200, DossierJson::ToString(out));
}

HttpResponse StaffApi::RegisterBook(const HttpRequest& request)
{
    const StaffMember staff = Authenticate(request);
    const reports::ReportFormat format = ParseFormat(request);
    const std::string yearText = request.Query("year");
    int year = static_cast<int>(LocalDate(m_clock.Now()).year());
    if (request.query.count("year"))
        year = ParseQueryInt(yearText, "year", kFirstRegisterYear, kLastRegisterYear);
    const AgencyTree agencies(m_store.LoadAgencies());
    const std::vector<std::uint8_t> bytes =
        m_forms.Register(agencies, staff.agencyId, year, m_store.Register(staff.agencyId, year), format);
    return ReportFile(format, bytes, "so-theo-doi-" + std::to_string(year));
}

}  // namespace motcua::server
