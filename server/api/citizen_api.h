// The citizen API (called by the citizen app's backend): submit a dossier, look up its status by code.
#pragma once

#include <string>
#include <vector>

#include "model/clock.h"
#include "model/dossier.h"
#include "model/dossier_code.h"
#include "model/postgres/store.h"
#include "model/working_calendar.h"
#include "server/http/json_input.h"
#include "server/http/router.h"

namespace motcua::server {

// A submission as read from the body, before any catalogue lookup.
struct DossierSubmission {
    std::string procedureCode;
    std::string agencyCode;
    Dossier dossier;  // applicant, form data and documents filled in
};

class CitizenApi {
public:
    CitizenApi(pg::Store& store, const Clock& clock, const WorkingCalendar& calendar, DossierCodeFormat codeFormat);

    // Every route of the citizen API, in the order Register adds them; the OpenAPI document lists the same.
    static const std::vector<ApiRoute<CitizenApi>>& Routes();
    void Register(Router& router);

    HttpResponse Submit(const HttpRequest& request);     // POST /citizen/v1/dossiers
    HttpResponse GetStatus(const HttpRequest& request);  // GET /citizen/v1/dossiers/{code}
    HttpResponse Health(const HttpRequest& request);     // GET /health: the process is alive
    HttpResponse Ready(const HttpRequest& request);      // GET /ready: and the database answers

    // Reads and type-checks the body; throws BadInput naming the field. No I/O. The desk's paper intake takes the
    // clerk's own agency, so there `agencyCode` may be left out (`agencyRequired` false).
    static DossierSubmission ParseSubmission(const JsonInput& body, bool agencyRequired = true);

private:
    pg::Store& m_store;
    const Clock& m_clock;
    const WorkingCalendar& m_calendar;
    DossierCodeFormat m_codeFormat;
};

}  // namespace motcua::server
