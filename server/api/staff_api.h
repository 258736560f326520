// The staff API (called by motcua-desk and scripts): sign in and out, the agency's inbox, dossier detail, every
// workflow action, paper intake, the documents issued and the register.
// Handlers stay thin: authentication, reading input, calling the store or a use case, writing JSON.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/agency.h"
#include "model/clock.h"
#include "model/dossier_code.h"
#include "model/kpi.h"
#include "model/postgres/store.h"
#include "reports/report_format.h"
#include "server/http/json_input.h"
#include "server/http/router.h"
#include "server/usecases/dossier_actions.h"
#include "server/usecases/form_printer.h"
#include "server/usecases/session_service.h"

namespace motcua::server {

class StaffApi {
public:
    StaffApi(pg::Store& store, const Clock& clock, SessionService& sessions, DossierActions& actions,
             const FormPrinter& forms, DossierCodeFormat codeFormat, int inboxDefaultLimit, int inboxMaxLimit);

    // Every route of the staff API, in the order Register adds them; the OpenAPI document lists the same.
    static const std::vector<ApiRoute<StaffApi>>& Routes();
    void Register(Router& router);

    // POST /staff/v1/login {username, password[, otp]}: 401 with code "otp_required" when the account asks for a
    // code and none was sent, "otp_invalid" for a wrong or used one; 429 with Retry-After while locked.
    HttpResponse Login(const HttpRequest& request);
    HttpResponse Logout(const HttpRequest& request);
    HttpResponse Inbox(const HttpRequest& request);
    HttpResponse Detail(const HttpRequest& request);
    // GET /staff/v1/dossiers/{id}/audit: who opened and did what, from where (managers, auditors, administrators).
    HttpResponse AuditTrail(const HttpRequest& request);
    HttpResponse Act(const HttpRequest& request, Action action);  // POST /staff/v1/dossiers/{id}/{action}
    HttpResponse TakeIn(const HttpRequest& request);              // POST /staff/v1/dossiers (paper intake)
    HttpResponse Receipt(const HttpRequest& request);
    HttpResponse Consultations(const HttpRequest& request);  // GET /staff/v1/consultations
    HttpResponse Outputs(const HttpRequest& request);        // GET /staff/v1/dossiers/{id}/outputs
    HttpResponse Output(const HttpRequest& request);         // GET /staff/v1/outputs/{id}
    // PUT /staff/v1/outputs/{id}: the document signed elsewhere (a token at the desk), checked, replaces it.
    HttpResponse SignedOutput(const HttpRequest& request);
    // The paths whose body is a PDF (the HTTP layer refuses other non-JSON bodies).
    static bool AcceptsPdf(const std::string& path);
    // GET /staff/v1/register?year=YYYY[&format=pdf|xlsx] (form 07): PDF unless asked for XLSX.
    HttpResponse RegisterBook(const HttpRequest& request);
    HttpResponse QueueCounts(const HttpRequest& request);  // GET /staff/v1/queues
    HttpResponse Queue(const HttpRequest& request);        // GET /staff/v1/queues/{name}
    HttpResponse Search(const HttpRequest& request);       // GET /staff/v1/dossiers?q=…
    // GET /staff/v1/kpis?from=YYYY-MM-DD&to=YYYY-MM-DD[&agency=CODE] (staff_api_kpis.cpp): the figures of an agency's
    // subtree (the caller's own by default) for those local days, both included, in total and per procedure.
    HttpResponse Kpis(const HttpRequest& request);
    // GET /staff/v1/reports/periodic?from=…&to=…[&agency=CODE][&format=pdf|xlsx] (staff_api_kpis.cpp): the same
    // figures as form II.06a, per sector and procedure, as a PDF (the default) or an XLSX workbook.
    HttpResponse PeriodicReport(const HttpRequest& request);
    // GET /staff/v1/kpis/dossiers?from&to[&agency]&figure=NAME[&procedure=CODE][&limit][&after]: the dossiers behind
    // one count of that answer (the same access), as list items with their total, newest first.
    HttpResponse KpiDossiers(const HttpRequest& request);
    // GET /staff/v1/dossiers/{id}/attachments/{n}: a file the citizen sent, as sent, unless damaged since.
    HttpResponse AttachmentFile(const HttpRequest& request);
    // GET /staff/v1/events: authenticates, then hands the request to the live updates (SetEventStream).
    HttpResponse Events(const HttpRequest& request);
    using EventStream = std::function<HttpResponse(const StaffMember& staff, const HttpRequest& request)>;
    void SetEventStream(EventStream open) { m_eventStream = std::move(open); }
    HttpResponse Agencies(const HttpRequest& request);  // GET /staff/v1/agencies (staff_api_directory.cpp)
    HttpResponse Staff(const HttpRequest& request);     // GET /staff/v1/staff?role=handler,manager&agency=CODE
    // Logins and sessions (staff_api_logins.cpp): a second factor enrolled by its owner or an administrator, and an
    // administrator's unlock, revocation of sessions and removal of a second factor.
    HttpResponse StartTotp(const HttpRequest& request);       // POST /staff/v1/staff/{id}/totp
    HttpResponse ConfirmTotp(const HttpRequest& request);     // POST /staff/v1/staff/{id}/totp/confirm
    HttpResponse Unlock(const HttpRequest& request);          // POST /staff/v1/admin/staff/{id}/unlock
    HttpResponse RevokeSessions(const HttpRequest& request);  // POST /staff/v1/admin/staff/{id}/sessions/revoke
    HttpResponse DisableTotp(const HttpRequest& request);     // DELETE /staff/v1/admin/staff/{id}/totp
    // Delegation of approval (staff_api_delegations.cpp): the agency's current delegations, a manager's new one,
    // and a revocation.
    HttpResponse Delegations(const HttpRequest& request);       // GET /staff/v1/delegations
    HttpResponse Delegate(const HttpRequest& request);          // POST /staff/v1/delegations
    HttpResponse RevokeDelegation(const HttpRequest& request);  // DELETE /staff/v1/delegations/{id}

    // The actions a staff member may ask for through the API, one route each (not submit, not the server's own).
    static const std::vector<Action>& StaffActions();
    // Reads an action's fields; throws BadInput naming the field. No I/O.
    static ActionRequest ParseActionRequest(Action action, const JsonInput& body);

    // The token of "Authorization: Bearer <token>", or "" when the header is absent or of another scheme.
    static std::string BearerToken(const std::string& authorization);
    // A path id: decimal, positive; anything else names no dossier (NotFound).
    static std::int64_t ParseId(const std::string& text);
    // The query's "format": PDF when absent; BadInput naming "format" for anything but pdf or xlsx.
    static reports::ReportFormat ParseFormat(const HttpRequest& request);
    // A report's bytes as a download: a PDF shown inline, a workbook saved; `name` without its extension.
    static HttpResponse ReportFile(reports::ReportFormat format, const std::vector<std::uint8_t>& bytes,
                                   const std::string& name);
    // A whole number of a query parameter within [min, max]; BadInput naming `field` otherwise.
    static int ParseQueryInt(const std::string& text, const std::string& field, int min, int max);

    // The largest count GET /staff/v1/queues gives; above it "countCapped" is true.
    static constexpr long long kQueueCountCap = 10000;

private:
    StaffMember Authenticate(const HttpRequest& request);
    // The same, keeping the agency tree in `tree` when it had to read it (a caller overseeing a subtree), so that a
    // route needing the tree too (the KPI routes) reads it once.
    StaffMember Authenticate(const HttpRequest& request, std::optional<AgencyTree>& tree);
    // The caller as the audit trail names them (the transaction's actor, AccessScope::ActingAs).
    static pg::AuditActor StaffActor(const StaffMember& staff, const HttpRequest& request);
    // What the KPI routes count over (staff_api_kpis.cpp): the local days asked for, the agency whose subtree counts
    // and its ids. The agency is the caller's own or one inside their reach (NotFound otherwise, as an unknown code);
    // once checked, the thread reads every row, the ids selecting (store.h, LoadKpiFacts).
    struct KpiSelection {
        Date first{};
        Date last{};
        KpiPeriod period;
        AgencyTree tree;  // the province's, for the names a report prints
        Agency agency;
        std::vector<std::int64_t> agencyIds;
    };
    // `tree`: the one Authenticate read, if it did.
    KpiSelection SelectKpis(const StaffMember& staff, const HttpRequest& request, std::optional<AgencyTree> tree);
    // The search's paging cursor (staff_api_queues.cpp): after the dossier `id`, newest first.
    static std::string NewestFirstCursor(std::int64_t id);
    static std::int64_t ParseNewestFirstCursor(const std::string& text);
    // The output `idText` names with its dossier, when the dossier is in `staff`'s scope; NotFound otherwise (the
    // same answer as an unknown id).
    std::pair<std::pair<pg::OutputInfo, pg::StoredOutput>, Dossier> OutputInScope(const StaffMember& staff,
                                                                                  const std::string& idText);
    // What the caller sees in the queues (their agency) and when: issue 8 widens the scope here.
    QueueViewer Viewer(const StaffMember& staff) const;
    // The dossier if it exists and the caller's agency handles it; NotFound otherwise.
    HttpResponse DetailResponse(const Dossier& dossier, const StaffMember& staff, int status = 200);

    pg::Store& m_store;
    const Clock& m_clock;
    SessionService& m_sessions;
    DossierActions& m_actions;
    const FormPrinter& m_forms;
    DossierCodeFormat m_codeFormat;
    int m_inboxDefaultLimit;
    int m_inboxMaxLimit;
    EventStream m_eventStream;
};

}  // namespace motcua::server
