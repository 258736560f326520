// CitizenApi, the citizen's own side of a dossier: the catalogue, status with the public history, supplement,
// withdraw, rate, the receipt and the result (the public pages are in citizen_api_public.cpp).
#include <algorithm>
#include <cctype>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "model/error.h"
#include "model/workflow.h"
#include "server/api/citizen_api.h"
#include "server/api/dossier_json.h"
#include "server/http/http_error.h"

namespace motcua::server {

namespace {

constexpr std::size_t kMaxCode = 64;
constexpr std::size_t kMaxText = 2000;
constexpr std::size_t kMaxSuppliedDocuments = 50;
constexpr std::size_t kMaxAttachmentName = 255;

// The documents that answer a dossier, downloaded as its result, in order of preference: the result issued from the
// procedure's template when the dossier was granted, else the refusal (form 03, at intake or after appraisal).
const std::vector<OutputKind>& ResultKinds()
{
    static const std::vector<OutputKind> kKinds{OutputKind::Result, OutputKind::Refusal};
    return kKinds;
}

HttpResponse JsonResponse(int status, const Poco::JSON::Object::Ptr& body)
{
    return HttpResponse::Json(status, DossierJson::ToString(body));
}

// Text the citizen typed: spaces collapsed, required, bounded.
std::string RequiredText(const JsonInput& body, const char* name)
{
    std::string text = NormalizeSpaces(body.RequiredString(name, kMaxText));
    if (text.empty())
        throw Error(ErrorCategory::BadInput, N_("This field is required"), body.FieldPath(name));
    return text;
}

}  // namespace

ActionRequest CitizenApi::ParseSupplement(const JsonInput& body)
{
    ActionRequest r;
    r.action = Action::Supplement;
    r.note = NormalizeSpaces(body.OptionalString("note", kMaxText).value_or(""));
    for (const JsonInput& d : body.RequiredObjectArray("documents", kMaxSuppliedDocuments)) {
        SubmittedDocument doc = ParseDocument(d);
        doc.name = NormalizeSpaces(doc.name);
        ValidateDocument(doc.name, doc.form, doc.count, d.Path());
        // The part of a multipart request holding the document's file; read and checked once attachments are taken.
        static_cast<void>(d.OptionalString("attachment", kMaxAttachmentName));
        r.documents.push_back(std::move(doc));
    }
    if (r.documents.empty())
        throw Error(ErrorCategory::BadInput, N_("List the documents you are supplying"), "documents");
    return r;
}

CitizenRating CitizenApi::ParseRating(const JsonInput& body)
{
    CitizenRating rating;
    const JsonInput scores = body.RequiredObject("scores");
    for (std::size_t i = 0; i < kRatingIndicatorCount; ++i)
        rating.scores[i] =
            static_cast<int>(scores.RequiredInt(kRatingIndicators[i].key, kRatingMinScore, kRatingMaxScore));
    rating.comment = NormalizeSpaces(body.OptionalString("comment", kMaxText).value_or(""));
    return rating;
}

bool CitizenApi::WantsHtml(const std::string& accept, bool page)
{
    std::string lower = accept;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const std::size_t html = std::min(lower.find("text/html"), lower.find("application/xhtml+xml"));
    const std::size_t json = lower.find("json");
    if (html == std::string::npos && json == std::string::npos)
        return page;
    return html < json;  // the first one named wins; npos is the largest
}

HttpResponse CitizenApi::ListProcedures(const HttpRequest&, const CitizenCaller&)
{
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const motcua::Procedure& procedure : m_store.LoadProcedures())
        items->add(DossierJson::ProcedureItem(procedure));
    Poco::JSON::Object::Ptr out = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    out->set("items", items);
    return JsonResponse(200, out);
}

HttpResponse CitizenApi::GetProcedure(const HttpRequest& request, const CitizenCaller&)
{
    const std::string& code = request.PathParam("code");
    std::optional<motcua::Procedure> procedure;
    if (code.size() <= kMaxCode)
        procedure = m_store.FindProcedureByCode(code);
    if (!procedure)
        throw Error(ErrorCategory::NotFound, N_("Procedure not found"), {}, code);
    return JsonResponse(200, DossierJson::ProcedureItem(*procedure));
}

HttpResponse CitizenApi::GetStatus(const HttpRequest& request, const CitizenCaller& caller)
{
    return StatusResponse(OwnDossier(request.PathParam("code"), caller));
}

HttpResponse CitizenApi::StatusResponse(const Dossier& dossier, int status)
{
    DossierJson::CitizenParts parts{dossier,
                                    m_store.GetProcedure(dossier.procedureId),
                                    m_store.LoadAgencies(),
                                    m_store.History(dossier.id),
                                    false,
                                    false,
                                    m_store.FindRating(dossier.id),
                                    {}};
    for (const pg::OutputInfo& output : m_store.Outputs(dossier.id)) {
        parts.hasReceipt = parts.hasReceipt || output.kind == OutputKind::Receipt;
        parts.hasResult = parts.hasResult || std::count(ResultKinds().begin(), ResultKinds().end(), output.kind) > 0;
    }
    for (const Action action : {Action::Supplement, Action::Withdraw})
        if (FindTransition({dossier.status, dossier.subState}, action, Role::Citizen))
            parts.actions.emplace_back(ToString(action));
    if (dossier.status == NationalStatus::Returned && !parts.rating)
        parts.actions.emplace_back("rating");
    return JsonResponse(status, DossierJson::CitizenStatus(parts));
}

HttpResponse CitizenApi::Supplement(const HttpRequest& request, const CitizenCaller& caller)
{
    const Dossier dossier = OwnDossier(request.PathParam("code"), caller);
    // The state first: "nothing was requested" helps more than a remark on the body.
    DossierActions::CitizenStep(dossier, Action::Supplement);
    return StatusResponse(m_actions.ExecuteForCitizen(dossier, ParseSupplement(JsonInput::Parse(request.body))));
}

HttpResponse CitizenApi::Withdraw(const HttpRequest& request, const CitizenCaller& caller)
{
    const Dossier dossier = OwnDossier(request.PathParam("code"), caller);
    DossierActions::CitizenStep(dossier, Action::Withdraw);
    ActionRequest withdraw;
    withdraw.action = Action::Withdraw;
    withdraw.note = RequiredText(JsonInput::Parse(request.body), "reason");
    return StatusResponse(m_actions.ExecuteForCitizen(dossier, withdraw));
}

HttpResponse CitizenApi::Rate(const HttpRequest& request, const CitizenCaller& caller)
{
    const Dossier dossier = OwnDossier(request.PathParam("code"), caller);
    if (dossier.status != NationalStatus::Returned)
        throw Error(ErrorCategory::NotAllowed, N_("A dossier can be rated once its result has been returned"), {},
                    ToString(dossier.status));
    CitizenRating rating = ParseRating(JsonInput::Parse(request.body));
    rating.dossierId = dossier.id;
    rating.ratedAt = m_clock.Now();
    if (!m_store.SaveRating(rating, caller.clientId))
        throw Error(ErrorCategory::Conflict, N_("This dossier has already been rated"), {}, dossier.code);
    HttpResponse response = JsonResponse(201, DossierJson::RatingObject(dossier.code, rating));
    response.headers.emplace_back("Location", "/citizen/v1/dossiers/" + dossier.code);
    return response;
}

HttpResponse CitizenApi::Download(const Dossier& dossier, const std::vector<OutputKind>& kinds, const char* missing)
{
    for (const OutputKind kind : kinds)
        if (const std::optional<pg::StoredOutput> output = m_store.LoadOutput(dossier.id, kind)) {
            m_store.RecordOpening("open.document", dossier.id, std::nullopt, ToString(kind), m_clock.Now());
            return DossierJson::Download(dossier.code, *output);
        }
    throw Error(ErrorCategory::NotFound, missing, {}, dossier.code);
}

HttpResponse CitizenApi::Receipt(const HttpRequest& request, const CitizenCaller& caller)
{
    return Download(OwnDossier(request.PathParam("code"), caller), {OutputKind::Receipt},
                    N_("This dossier has no receipt yet"));
}

HttpResponse CitizenApi::Result(const HttpRequest& request, const CitizenCaller& caller)
{
    return Download(OwnDossier(request.PathParam("code"), caller), ResultKinds(),
                    N_("This dossier has no result document yet"));
}

HttpResponse CitizenApi::Accesses(const HttpRequest& request, const CitizenCaller& caller)
{
    const Dossier dossier = OwnDossier(request.PathParam("code"), caller);
    Poco::JSON::Array::Ptr accesses = new Poco::JSON::Array;
    for (const AuditEntry& entry : m_store.AuditTrail(dossier.id)) {
        // Public servants' openings only: the citizen's own app and the server are not news to the citizen.
        if (entry.actorKind != static_cast<int>(pg::AuditActor::Kind::Staff) || entry.action.rfind("open.", 0) != 0)
            continue;
        Poco::JSON::Object::Ptr access = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        access->set("at", FormatIso8601(entry.at));
        access->set("agency", entry.agencyName);
        access->set("role", entry.role ? std::string(ToString(static_cast<Role>(*entry.role))) : std::string());
        access->set("opened", entry.action.substr(5));  // dossier, document, attachment
        if (entry.action == "open.document")
            access->set("document", entry.detail);
        accesses->add(access);
    }
    Poco::JSON::Object::Ptr out = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    out->set("code", dossier.code);
    out->set("accesses", accesses);
    return HttpResponse::Json(200, DossierJson::ToString(out));
}

}  // namespace motcua::server
