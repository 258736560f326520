// CitizenApi, the citizen's own side of a dossier: the catalogue, status with the public history, supplement,
// withdraw, rate, the receipt and the result; and the public lookup by code the receipt's QR code leads to.
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

// The forms that answer a dossier, downloaded as its result, in order of preference: for now the refusal (form 03,
// at intake or after appraisal). A granted dossier's result is handed over by the agency until results are issued
// electronically; until then its result route answers 404.
const std::vector<OutputKind>& ResultKinds()
{
    static const std::vector<OutputKind> kKinds{OutputKind::Refusal};
    return kKinds;
}

HttpResponse JsonResponse(int status, const Poco::JSON::Object::Ptr& body)
{
    return HttpResponse::Json(status, DossierJson::ToString(body));
}

std::string HtmlEscape(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

// A small page for a phone that scanned the receipt's QR code: Vietnamese, like the printed forms; no scripts.
HttpResponse Page(int status, const std::string& heading, const std::string& content)
{
    HttpResponse response;
    response.status = status;
    response.contentType = "text/html; charset=utf-8";
    response.body =
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<title>" +
        HtmlEscape(heading) +
        "</title><style>body{font-family:sans-serif;margin:1em;max-width:40em}"
        "dt{font-weight:bold;margin-top:.6em}dd{margin:0}</style></head><body><h1>" +
        HtmlEscape(heading) + "</h1>" + content + "</body></html>\n";
    response.headers.emplace_back("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    response.headers.emplace_back("X-Content-Type-Options", "nosniff");
    return response;
}

std::string Row(const std::string& label, const std::string& value)
{
    return "<dt>" + HtmlEscape(label) + "</dt><dd>" + HtmlEscape(value) + "</dd>";
}

std::string PageTime(const std::optional<Instant>& t)
{
    return t ? FormatVietnameseDateTime(*t) : std::string("Chưa có");
}

std::string AgencyNameOf(const std::vector<Agency>& agencies, std::int64_t id)
{
    const auto it = std::find_if(agencies.begin(), agencies.end(), [id](const Agency& a) { return a.id == id; });
    return it == agencies.end() ? std::string() : it->name;
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
        if (const std::optional<pg::StoredOutput> output = m_store.LoadOutput(dossier.id, kind))
            return DossierJson::Download(dossier.code, *output);
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

HttpResponse CitizenApi::PublicLookup(const HttpRequest& request)
{
    const bool html = WantsHtml(request.Header("Accept"), request.path.rfind("/tra-cuu/", 0) == 0);
    const std::chrono::seconds wait = m_lookups.Take(request.clientAddress, m_clock.Now());
    if (wait.count() > 0) {
        const std::string retryAfter = std::to_string(wait.count());
        if (html) {
            HttpResponse page = Page(
                429, "Tra cứu quá nhiều lần",
                "<p>Bạn đã tra cứu quá nhiều lần trong một phút. Vui lòng thử lại sau " + retryAfter + " giây.</p>");
            page.headers.emplace_back("Retry-After", retryAfter);
            return page;
        }
        HttpError refused(429, ErrorCategory::NotAllowed,
                          N_("Too many lookups from this address; try again after the time in Retry-After"), {},
                          retryAfter + " s");
        refused.headers.emplace_back("Retry-After", retryAfter);
        throw refused;
    }

    const std::string& code = request.PathParam("code");
    std::optional<Dossier> dossier;
    if (code.size() <= kMaxCode)
        dossier = m_store.FindDossierByCode(code);
    if (!dossier) {
        if (html)
            return Page(404, "Không tìm thấy hồ sơ",
                        "<p>Không có hồ sơ nào mang mã " + HtmlEscape(code) + ". Vui lòng kiểm tra lại mã hồ sơ.</p>");
        throw Error(ErrorCategory::NotFound, N_("Dossier not found"), {}, code);
    }
    const motcua::Procedure procedure = m_store.GetProcedure(dossier->procedureId);
    const std::vector<Agency> agencies = m_store.LoadAgencies();
    HttpResponse response =
        html ? Page(200, "Tra cứu hồ sơ",
                    "<dl>" + Row("Mã hồ sơ", dossier->code) + Row("Thủ tục", procedure.name) +
                        Row("Cơ quan tiếp nhận", AgencyNameOf(agencies, dossier->receivingAgencyId)) +
                        Row("Trạng thái", VietnameseName(dossier->status)) +
                        Row("Ngày tiếp nhận", PageTime(dossier->receivedAt)) +
                        Row("Ngày hẹn trả kết quả", PageTime(dossier->dueAt)) + "</dl>")
             : JsonResponse(200, DossierJson::PublicStatus(*dossier, procedure, agencies));
    // The status changes as the dossier moves: never from a cache; and the answer depends on Accept.
    response.headers.emplace_back("Cache-Control", "no-store");
    response.headers.emplace_back("Vary", "Accept");
    return response;
}

}  // namespace motcua::server
