#include "server/api/citizen_api.h"

#include <algorithm>
#include <exception>
#include <memory>

#include <Poco/JSON/Object.h>
#include <Poco/JSONString.h>

#include "model/error.h"
#include "model/stage_deadlines.h"
#include "model/time.h"
#include "server/api/dossier_json.h"
#include "server/http/http_error.h"
#include "server/usecases/request_signature.h"

namespace motcua::server {

namespace {

// Generous bounds: they stop abuse, the model's validation decides what is acceptable.
constexpr std::size_t kMaxCode = 64;
constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxAddress = 500;
constexpr std::size_t kMaxPhone = 32;
constexpr std::size_t kMaxEmail = 254;
constexpr std::size_t kMaxDocumentName = 500;
constexpr std::size_t kMaxDocuments = 100;
constexpr std::size_t kMaxFileName = 255;

}  // namespace

CitizenApi::CitizenApi(pg::Store& store, const Clock& clock, const WorkingCalendar& calendar,
                       DossierCodeFormat codeFormat, ClientAuthenticator& authenticator, CatalogueCache& catalogue,
                       DossierActions& actions, int publicLookupsPerMinute, const Metrics& metrics,
                       AttachmentLimits attachmentLimits)
    : m_store(store),
      m_clock(clock),
      m_calendar(calendar),
      m_codeFormat(std::move(codeFormat)),
      m_authenticator(authenticator),
      m_catalogue(catalogue),
      m_attachmentLimits(attachmentLimits),
      m_actions(actions),
      m_lookups(publicLookupsPerMinute),
      m_metrics(metrics)
{}

namespace {

ApiRoute<CitizenApi> Signed(std::string method, std::string pattern, CitizenApi::SignedHandler handler)
{
    return {{std::move(method), std::move(pattern)}, [handler](CitizenApi& api, const HttpRequest& request) {
                // Nothing to prepare: the handler runs whole inside the transaction.
                return api.RunSigned(request, [&api, &request, handler](const CitizenCaller& caller) {
                    return CitizenApi::SignedWork([&api, &request, handler, caller](const auto&) {
                        return CitizenApi::SignedAnswer{(api.*handler)(request, caller)};
                    });
                });
            }};
}

ApiRoute<CitizenApi> Signed(std::string method, std::string pattern, CitizenApi::PreparingHandler handler)
{
    return {{std::move(method), std::move(pattern)}, [handler](CitizenApi& api, const HttpRequest& request) {
                return api.RunSigned(request, [&api, &request, handler](const CitizenCaller& caller) {
                    return (api.*handler)(request, caller);
                });
            }};
}

// An Idempotency-Key: 1 to 255 visible ASCII characters (a UUID is the usual choice).
bool IsIdempotencyKey(const std::string& key)
{
    return !key.empty() && key.size() <= 255 &&
           std::all_of(key.begin(), key.end(), [](char c) { return c > ' ' && c < 0x7f; });
}

// The answer to a submission, from the JSON text of its id and code (the real ones, or the marks the dossier's
// statement fills in for the copy it stores) and the code as the Location header shows it.
HttpResponse SubmitAnswer(const std::string& idJson, const std::string& codeJson, const std::string& code,
                          const Dossier& dossier)
{
    Poco::JSON::Object::Ptr rest = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    rest->set("status", static_cast<int>(dossier.status));
    rest->set("statusName", std::string(VietnameseName(dossier.status)));
    rest->set("appointmentAt",
              dossier.dueAt ? Poco::Dynamic::Var(FormatIso8601(*dossier.dueAt)) : Poco::Dynamic::Var());
    // {"status":…} → {"id":…,"code":…,"status":…}: the members in the order the contract shows.
    const std::string tail = DossierJson::ToString(rest);
    HttpResponse response =
        HttpResponse::Json(201, R"({"id":)" + idJson + R"(,"code":)" + codeJson + "," + tail.substr(1));
    response.headers.emplace_back("Location", "/citizen/v1/dossiers/" + code);
    return response;
}

void CheckIdempotencyKey(const std::string& key)
{
    if (!IsIdempotencyKey(key))
        throw HttpError(400, ErrorCategory::BadInput,
                        N_("The Idempotency-Key must be 1 to 255 visible ASCII characters"), "Idempotency-Key");
}

}  // namespace

const std::vector<ApiRoute<CitizenApi>>& CitizenApi::Routes()
{
    static const std::vector<ApiRoute<CitizenApi>> kRoutes{
        Signed("GET", "/citizen/v1/procedures", &CitizenApi::ListProcedures),
        Signed("GET", "/citizen/v1/procedures/{code}", &CitizenApi::GetProcedure),
        Signed("POST", "/citizen/v1/dossiers", &CitizenApi::PrepareSubmit),
        Signed("GET", "/citizen/v1/dossiers/{code}", &CitizenApi::GetStatus),
        Signed("POST", "/citizen/v1/dossiers/{code}/supplement", &CitizenApi::Supplement),
        Signed("POST", "/citizen/v1/dossiers/{code}/withdraw", &CitizenApi::Withdraw),
        Signed("POST", "/citizen/v1/dossiers/{code}/rating", &CitizenApi::Rate),
        Signed("GET", "/citizen/v1/dossiers/{code}/receipt", &CitizenApi::Receipt),
        Signed("GET", "/citizen/v1/dossiers/{code}/result", &CitizenApi::Result),
        Signed("GET", "/citizen/v1/dossiers/{code}/accesses", &CitizenApi::Accesses),
        {{"GET", "/public/v1/dossiers/{code}"}, &CitizenApi::PublicLookup},
        {{"GET", "/tra-cuu/{code}"}, &CitizenApi::PublicLookup},
        {{"GET", "/verify/{identifier}"}, &CitizenApi::VerifyDocument},
        {{"GET", "/health"}, &CitizenApi::Health},
        {{"GET", "/ready"}, &CitizenApi::Ready},
        {{"GET", "/metrics"}, &CitizenApi::MetricsText},
    };
    return kRoutes;
}

void CitizenApi::Register(Router& router)
{
    router.Add(*this, Routes());
}

bool CitizenApi::AcceptsMultipart(const std::string& path)
{
    return path == "/citizen/v1/dossiers";
}

SubmittedDocument CitizenApi::ParseDocument(const JsonInput& item)
{
    SubmittedDocument doc;
    doc.name = item.RequiredString("name", kMaxDocumentName);
    doc.form = DocumentFormFromString(item.RequiredString("form", kMaxCode), item.FieldPath("form"));
    doc.count = static_cast<int>(item.RequiredInt("count", 1, 100));
    return doc;
}

DossierSubmission CitizenApi::ParseSubmission(const JsonInput& body, bool agencyRequired)
{
    DossierSubmission s;
    s.procedureCode = body.RequiredString("procedureCode", kMaxCode);
    s.agencyCode = agencyRequired ? body.RequiredString("agencyCode", kMaxCode)
                                  : body.OptionalString("agencyCode", kMaxCode).value_or("");

    const JsonInput applicant = body.RequiredObject("applicant");
    Applicant& a = s.dossier.applicant;
    a.fullName = NormalizeSpaces(applicant.RequiredString("fullName", kMaxName));
    a.citizenId = applicant.RequiredString("citizenId", kMaxCode);
    a.dateOfBirth = ParseDate(applicant.RequiredString("dateOfBirth", kMaxCode), applicant.FieldPath("dateOfBirth"));
    a.address = applicant.RequiredString("address", kMaxAddress);
    a.phone = applicant.RequiredString("phone", kMaxPhone);
    a.email = applicant.OptionalString("email", kMaxEmail).value_or("");

    const std::optional<JsonInput> formData = body.OptionalObject("formData");
    s.dossier.formDataJson = formData ? formData->Stringify() : "{}";

    for (const JsonInput& d : body.RequiredObjectArray("documents", kMaxDocuments)) {
        s.dossier.documents.push_back(ParseDocument(d));
        s.attachmentNames.push_back(d.OptionalString("attachment", kMaxFileName));
    }
    s.dossier.channel = Channel::Online;
    return s;
}

HttpResponse CitizenApi::RunSigned(const HttpRequest& request,
                                   const std::function<SignedWork(const CitizenCaller& caller)>& prepare)
{
    const SignatureHeaders headers{request.Header(kClientHeader), request.Header(kTimestampHeader),
                                   request.Header(kCitizenHeader), request.Header(kSignatureHeader)};
    // Everything that needs no database comes before the transaction: the signature's check, then the request's
    // own preparation. The transaction then holds its connection (and a submission its agency's daily counter)
    // only for the statements.
    const CitizenCaller caller = m_authenticator.Authenticate(headers, request.method, request.target, request.body);
    // The audit trail names the client behind every act of this request.
    pg::ScopedAccess::Replace(pg::AccessScope::All().ActingAs(pg::AuditActor{
        .kind = pg::AuditActor::Kind::CitizenApp, .clientId = caller.clientId, .address = request.clientAddress}));
    const std::string key = request.Header("Idempotency-Key");
    const bool once = request.method != "GET" && !key.empty();
    std::optional<pg::KeyClaim> claim;
    if (once && IsIdempotencyKey(key))
        claim = pg::KeyClaim{caller.clientId, key, RequestHash(request, caller)};
    SignedWork work;
    // A refusal is answered after the replay and key checks, as when the request was read inside the transaction: a
    // replay stays a replay, and a key already used answers its first answer or its conflict.
    std::exception_ptr refused;
    try {
        work = prepare(caller);
    } catch (...) {
        refused = std::current_exception();
    }
    if (refused && !claim) {
        // Nothing to claim: the signature is remembered on its own (one statement) and the refusal answered.
        m_authenticator.Claim(headers.signature, std::nullopt);
        if (once)
            CheckIdempotencyKey(key);
        std::rethrow_exception(refused);
    }
    HttpResponse response;
    try {
        // One transaction (one commit): the signature remembered and the key claimed (one statement), the work
        // and its answer.
        m_store.InOneTransaction([&] {
            const pg::RequestCheck check = m_authenticator.Claim(headers.signature, claim);
            if (once)
                CheckIdempotencyKey(key);
            if (check.earlier) {
                response = Replayed(*check.earlier);
                return;
            }
            // A refusal rolls the claim back with everything else: a corrected retry may use the key.
            if (refused)
                std::rethrow_exception(refused);
            SignedAnswer answer = work(claim);
            if (once && !answer.stored)
                m_store.SaveIdempotentAnswer(caller.clientId, key, AnswerToStore(answer.response));
            response = std::move(answer.response);
        });
    } catch (...) {
        // A refused request took its signature back with everything else: remember it on its own, so that the same
        // signed request cannot be replayed later, when the dossier's state might let it through.
        m_authenticator.RememberQuietly(headers.signature);
        throw;
    }
    return response;
}

std::string CitizenApi::RequestHash(const HttpRequest& request, const CitizenCaller& caller)
{
    // The citizen header is part of the request: the same key for another citizen is another request. The body's
    // digest is the one the signature was checked with.
    return Sha256Hex(request.method + "\n" + request.target + "\n" + caller.citizenId + "\n" + caller.bodySha256Hex);
}

HttpResponse CitizenApi::Replayed(const pg::IdempotentAnswer& first)
{
    HttpResponse response;
    response.status = first.status;
    response.contentType = first.contentType;
    response.body = first.body;
    if (!first.location.empty())
        response.headers.emplace_back("Location", first.location);
    response.headers.emplace_back("Idempotent-Replayed", "true");
    return response;
}

pg::IdempotentAnswer CitizenApi::AnswerToStore(const HttpResponse& response)
{
    pg::IdempotentAnswer answer{response.status, response.contentType, response.body, {}};
    for (const auto& [name, value] : response.headers)
        if (name == "Location")
            answer.location = value;
    return answer;
}

Dossier CitizenApi::OwnDossier(const std::string& code, const CitizenCaller& caller)
{
    std::optional<Dossier> dossier;
    if (code.size() <= kMaxCode)
        dossier = m_store.FindDossierByCode(code);
    const bool visible = dossier && (caller.IsService() ? dossier->clientId == caller.clientId
                                                        : dossier->applicant.citizenId == caller.citizenId);
    if (!visible)
        throw Error(ErrorCategory::NotFound, N_("Dossier not found"), {}, code);
    return std::move(*dossier);
}

CitizenApi::SignedWork CitizenApi::PrepareSubmit(const HttpRequest& request, const CitizenCaller& caller)
{
    SubmissionBody sent = SubmissionBody::Read(request, m_attachmentLimits);
    DossierSubmission s = ParseSubmission(JsonInput::Parse(sent.json));
    // Shared by the copies of the work (std::function copies what it holds): the attachments may be tens of MB.
    auto attachments = std::make_shared<const std::vector<Attachment>>(
        MatchAttachments(s.attachmentNames, sent.files, m_attachmentLimits));
    sent.files.clear();  // the attachments hold their own copy
    const Instant now = m_clock.Now();
    auto dossier = std::make_shared<Dossier>(std::move(s.dossier));
    // The app vouches for one citizen per call: that citizen files in their own name.
    if (!caller.IsService() && dossier->applicant.citizenId != caller.citizenId)
        throw Error(ErrorCategory::NotAllowed, N_("A citizen can only file a dossier in their own name"),
                    "applicant.citizenId");
    dossier->clientId = caller.clientId;

    // Includes the citizen ID's layout and its consistency with the date of birth.
    ValidateNewDossier(*dossier, LocalDate(now));

    const std::optional<Procedure> procedure = m_catalogue.ProcedureByCode(s.procedureCode);
    if (!procedure)
        throw Error(ErrorCategory::BadInput, N_("Unknown procedure"), "procedureCode", s.procedureCode);
    if (!procedure->online)
        throw Error(ErrorCategory::BadInput, N_("This procedure cannot be submitted online"), "procedureCode",
                    s.procedureCode);
    const std::optional<Agency> agency = m_catalogue.AgencyByCode(s.agencyCode);
    if (!agency)
        throw Error(ErrorCategory::BadInput, N_("Unknown receiving agency"), "agencyCode", s.agencyCode);

    dossier->procedureId = procedure->id;
    // The receiving centre does the intake; routing to another agency is a later step of the workflow.
    dossier->receivingAgencyId = agency->id;
    dossier->handlingAgencyId = agency->id;
    dossier->status = NationalStatus::New;
    dossier->subState = SubState::AwaitingIntakeCheck;
    dossier->submittedAt = now;
    // Provisional appointment as if received now; accepting the dossier recomputes it from the real receipt time.
    dossier->dueAt = m_calendar.ProvisionalAppointment(now, *procedure);
    dossier->intakeDueAt = IntakeDeadline(m_calendar, now);

    return [this, dossier, attachments, agencyCode = agency->code, now](const std::optional<pg::KeyClaim>& once) {
        // The answer for the retries is stored by the dossier's own statement, from a template with the id and the
        // code left for it to fill in.
        std::optional<pg::AnswerTemplate> answer;
        if (once) {
            const HttpResponse marked =
                SubmitAnswer(pg::AnswerTemplate::kId, std::string("\"") + pg::AnswerTemplate::kCode + '"',
                             pg::AnswerTemplate::kCode, *dossier);
            answer = pg::AnswerTemplate{once->clientId, once->key, AnswerToStore(marked)};
        }
        // The dossier's statement commits the transaction with it (the agency's counter is then held for the
        // commit alone) when nothing follows it: when the template it fills is the answer as written below, which
        // it is unless the code's JSON is more than the code quoted. Its sequence's digits never change that, so
        // the code of sequence 1 tells.
        const std::string sample = m_codeFormat.Format(agencyCode, LocalDate(now), 1);
        const pg::Finish finish =
            !once || Poco::toJSON(sample) == '"' + sample + '"' ? pg::Finish::Commit : pg::Finish::KeepOpen;
        const Dossier stored =
            m_store.CreateDossier(*dossier, agencyCode, m_codeFormat, now, *attachments, answer, finish);
        HttpResponse response = SubmitAnswer(std::to_string(stored.id), Poco::toJSON(stored.code), stored.code, stored);
        // The template holds the code as it is: a code that JSON writes otherwise (a pattern with a quote or a
        // backslash) has its answer stored again, as written here.
        const pg::IdempotentAnswer written = AnswerToStore(response);
        const bool answerStored =
            answer && pg::AnswerTemplate::Fill(answer->answer.body, stored.id, stored.code) == written.body &&
            pg::AnswerTemplate::Fill(answer->answer.location, stored.id, stored.code) == written.location;
        return SignedAnswer{std::move(response), answerStored};
    };
}

HttpResponse CitizenApi::Health(const HttpRequest&)
{
    // Alive: the process answers. Says nothing of the database, so a load balancer does not restart a healthy
    // process during a database outage.
    HttpResponse response = HttpResponse::Json(200, R"({"status":"alive"})");
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
}

HttpResponse CitizenApi::Ready(const HttpRequest&)
{
    m_store.Ping();  // Error(Environment) → 503 problem details when the database cannot be reached
    HttpResponse response = HttpResponse::Json(200, R"({"status":"ready"})");
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
}

HttpResponse CitizenApi::MetricsText(const HttpRequest&)
{
    HttpResponse response;
    response.contentType = Metrics::kContentType;
    response.body = m_metrics.Exposition();
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
}

}  // namespace motcua::server
