// The citizen API (called by the citizen app's backend): signed requests, idempotent writes, the catalogue, submit a
// dossier, its status and public history, supplement, withdraw, rate, download the forms; and the public routes
// (probes, the lookup by code the receipt's QR code leads to).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/citizen_rating.h"
#include "model/clock.h"
#include "model/dossier.h"
#include "model/dossier_code.h"
#include "model/postgres/store.h"
#include "model/working_calendar.h"
#include "server/api/submission_body.h"
#include "server/http/json_input.h"
#include "server/http/metrics.h"
#include "server/http/router.h"
#include "server/usecases/catalogue_cache.h"
#include "server/usecases/client_authenticator.h"
#include "server/usecases/dossier_actions.h"
#include "server/usecases/rate_limiter.h"

namespace motcua::server {

// A submission as read from the body, before any catalogue lookup.
struct DossierSubmission {
    std::string procedureCode;
    std::string agencyCode;
    Dossier dossier;  // applicant, form data and documents filled in
    // Per document, the file name of its attachment (the member `attachment`), empty when it names none.
    std::vector<std::optional<std::string>> attachmentNames;
};

class CitizenApi {
public:
    // `publicLookupsPerMinute`: how many public lookups one client address may make per minute (0: no limit).
    CitizenApi(pg::Store& store, const Clock& clock, const WorkingCalendar& calendar, DossierCodeFormat codeFormat,
               ClientAuthenticator& authenticator, CatalogueCache& catalogue, DossierActions& actions,
               int publicLookupsPerMinute, const Metrics& metrics, AttachmentLimits attachmentLimits = {});

    // Every route of the citizen API, in the order Register adds them; the OpenAPI document lists the same.
    static const std::vector<ApiRoute<CitizenApi>>& Routes();
    void Register(Router& router);
    // Whether the route at `path` takes a multipart/form-data body (a submission with attachments).
    static bool AcceptsMultipart(const std::string& path);

    HttpResponse GetStatus(const HttpRequest& request, const CitizenCaller& caller);  // GET …/dossiers/{code}
    HttpResponse Health(const HttpRequest& request);       // GET /health: the process is alive
    HttpResponse Ready(const HttpRequest& request);        // GET /ready: and the database answers
    HttpResponse MetricsText(const HttpRequest& request);  // GET /metrics: Prometheus text

    // citizen_api_dossiers.cpp: the catalogue and the citizen's own steps on a dossier.
    HttpResponse ListProcedures(const HttpRequest& request, const CitizenCaller& caller);  // GET …/procedures
    HttpResponse GetProcedure(const HttpRequest& request, const CitizenCaller& caller);    // …/procedures/{code}
    HttpResponse Supplement(const HttpRequest& request, const CitizenCaller& caller);      // POST …/{code}/supplement
    HttpResponse Withdraw(const HttpRequest& request, const CitizenCaller& caller);        // POST …/{code}/withdraw
    HttpResponse Rate(const HttpRequest& request, const CitizenCaller& caller);            // POST …/{code}/rating
    HttpResponse Receipt(const HttpRequest& request, const CitizenCaller& caller);         // GET …/{code}/receipt
    HttpResponse Result(const HttpRequest& request, const CitizenCaller& caller);          // GET …/{code}/result
    // GET …/{code}/accesses: which agencies and roles opened the dossier or its papers, and when (no staff names).
    HttpResponse Accesses(const HttpRequest& request, const CitizenCaller& caller);
    // GET /public/v1/dossiers/{code} and /tra-cuu/{code} (the QR code's link): no personal data, HTML for a browser,
    // rate-limited per client address.
    HttpResponse PublicLookup(const HttpRequest& request);
    // GET /verify/{identifier} (an issued document's QR code): its kind, dossier code, agency, signer, time, SHA-256
    // and whether it was revoked; HTML for a browser, JSON for Accept: application/json; rate-limited like the lookup.
    HttpResponse VerifyDocument(const HttpRequest& request);

    // Reads a supplement's body (`documents`, each with name, form, count and an optional `attachment`; `note`);
    // throws BadInput naming the field. No I/O.
    static ActionRequest ParseSupplement(const JsonInput& body);
    // Reads a rating's body (`scores` with the nine indicators, each 0 to 2; `comment`); throws BadInput naming the
    // field. No I/O.
    static CitizenRating ParseRating(const JsonInput& body);
    // Whether the answer should be the HTML page rather than JSON, by the Accept header (`page`: the default when
    // Accept names neither, as for the QR code's link).
    static bool WantsHtml(const std::string& accept, bool page);

    // Reads and type-checks the body; throws BadInput naming the field. No I/O. The desk's paper intake takes the
    // clerk's own agency, so there `agencyCode` may be left out (`agencyRequired` false).
    static DossierSubmission ParseSubmission(const JsonInput& body, bool agencyRequired = true);
    // One listed document (`name`, `form`, `count`) of a submission or a supplement, type-checked only.
    static SubmittedDocument ParseDocument(const JsonInput& item);

    // What a signed request's work answers; `stored` when the work stored the answer under the request's
    // Idempotency-Key itself (in the statement that wrote the rest), so that no statement of its own is needed.
    struct SignedAnswer {
        HttpResponse response;
        bool stored = false;
    };
    // The part of a signed request that needs the database, run inside its transaction; `once` is the
    // Idempotency-Key it claimed (empty when it has none).
    using SignedWork = std::function<SignedAnswer(const std::optional<pg::KeyClaim>& once)>;
    // A route of the signed citizen API: the handler runs only for a verified caller, and a write that carries an
    // Idempotency-Key runs once per key (retries get the first answer).
    using SignedHandler = HttpResponse (CitizenApi::*)(const HttpRequest&, const CitizenCaller&);
    // A route that prepares its work before the transaction opens (reads and checks the request; no database but
    // the caches), so that the transaction holds its connection and its locks only for the statements.
    using PreparingHandler = SignedWork (CitizenApi::*)(const HttpRequest&, const CitizenCaller&);
    // Authenticates the request and runs `prepare` before the transaction; inside it claims the signature and the
    // key, then runs the work. A refusal by `prepare` is answered after the replay and key checks, as if it had
    // come from inside.
    HttpResponse RunSigned(const HttpRequest& request,
                           const std::function<SignedWork(const CitizenCaller& caller)>& prepare);

    // POST /citizen/v1/dossiers: the body read and checked, then the dossier and its stored answer in one statement.
    SignedWork PrepareSubmit(const HttpRequest& request, const CitizenCaller& caller);

    // The dossier the caller may see: the citizen's own (applicant) or, for a service call, one its client filed;
    // Error(NotFound) otherwise, the same answer as for a code that does not exist.
    Dossier OwnDossier(const std::string& code, const CitizenCaller& caller);

private:
    // The public pages' rate limit per client address: a 429 page (HTML), a thrown 429 (JSON), or nullopt to go on.
    std::optional<HttpResponse> TooManyLookups(const HttpRequest& request, bool html);
    // What an Idempotency-Key stands for: method, target, citizen header and body.
    static std::string RequestHash(const HttpRequest& request, const CitizenCaller& caller);
    // The first answer again, marked as a replay.
    static HttpResponse Replayed(const pg::IdempotentAnswer& first);
    // What is stored of an answer for the retries of its request.
    static pg::IdempotentAnswer AnswerToStore(const HttpResponse& response);
    // The citizen's status document of `dossier` (history, what is missing, what they may do, downloads).
    HttpResponse StatusResponse(const Dossier& dossier, int status = 200);
    // The latest issued form of `kinds` (in order of preference) as a download; NotFound with `missing` otherwise.
    HttpResponse Download(const Dossier& dossier, const std::vector<OutputKind>& kinds, const char* missing);

    pg::Store& m_store;
    const Clock& m_clock;
    const WorkingCalendar& m_calendar;
    DossierCodeFormat m_codeFormat;
    ClientAuthenticator& m_authenticator;
    CatalogueCache& m_catalogue;
    AttachmentLimits m_attachmentLimits;
    DossierActions& m_actions;
    RateLimiter m_lookups;
    const Metrics& m_metrics;
};

}  // namespace motcua::server
