// The citizen API (called by the citizen app's backend): signed requests, idempotent writes, submit a dossier, look
// up its status by code; and the public probes.
#pragma once

#include <string>
#include <vector>

#include "model/clock.h"
#include "model/dossier.h"
#include "model/dossier_code.h"
#include "model/postgres/store.h"
#include "model/working_calendar.h"
#include "server/http/json_input.h"
#include "server/http/metrics.h"
#include "server/http/router.h"
#include "server/usecases/client_authenticator.h"

namespace motcua::server {

// A submission as read from the body, before any catalogue lookup.
struct DossierSubmission {
    std::string procedureCode;
    std::string agencyCode;
    Dossier dossier;  // applicant, form data and documents filled in
};

class CitizenApi {
public:
    CitizenApi(pg::Store& store, const Clock& clock, const WorkingCalendar& calendar, DossierCodeFormat codeFormat,
               ClientAuthenticator& authenticator, const Metrics& metrics);

    // Every route of the citizen API, in the order Register adds them; the OpenAPI document lists the same.
    static const std::vector<ApiRoute<CitizenApi>>& Routes();
    void Register(Router& router);

    HttpResponse Submit(const HttpRequest& request, const CitizenCaller& caller);     // POST /citizen/v1/dossiers
    HttpResponse GetStatus(const HttpRequest& request, const CitizenCaller& caller);  // GET …/dossiers/{code}
    HttpResponse Health(const HttpRequest& request);       // GET /health: the process is alive
    HttpResponse Ready(const HttpRequest& request);        // GET /ready: and the database answers
    HttpResponse MetricsText(const HttpRequest& request);  // GET /metrics: Prometheus text

    // Reads and type-checks the body; throws BadInput naming the field. No I/O. The desk's paper intake takes the
    // clerk's own agency, so there `agencyCode` may be left out (`agencyRequired` false).
    static DossierSubmission ParseSubmission(const JsonInput& body, bool agencyRequired = true);

    // A route of the signed citizen API: the handler runs only for a verified caller, and a write that carries an
    // Idempotency-Key runs once per key (retries get the first answer).
    using SignedHandler = HttpResponse (CitizenApi::*)(const HttpRequest&, const CitizenCaller&);
    HttpResponse RunSigned(const HttpRequest& request, SignedHandler handler);

    // The dossier the caller may see: the citizen's own (applicant) or, for a service call, one its client filed;
    // Error(NotFound) otherwise, the same answer as for a code that does not exist.
    Dossier OwnDossier(const std::string& code, const CitizenCaller& caller);

private:
    // Inside RunSigned's transaction: the first answer for `key`, or the handler's, stored for the retries.
    HttpResponse RunOnce(const HttpRequest& request, const CitizenCaller& caller, const std::string& key,
                         SignedHandler handler);

    pg::Store& m_store;
    const Clock& m_clock;
    const WorkingCalendar& m_calendar;
    DossierCodeFormat m_codeFormat;
    ClientAuthenticator& m_authenticator;
    const Metrics& m_metrics;
};

}  // namespace motcua::server
