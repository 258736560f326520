// The staff API (called by motcua-desk): sign in and out, the agency's inbox, dossier detail, accept, receipt.
// Handlers stay thin: authentication, reading input, calling the store or a use case, writing JSON.
#pragma once

#include <cstdint>
#include <string>

#include "model/clock.h"
#include "model/postgres/store.h"
#include "server/http/router.h"
#include "server/usecases/accept_dossier.h"
#include "server/usecases/session_service.h"

namespace motcua::server {

class StaffApi {
public:
    StaffApi(pg::Store& store, const Clock& clock, SessionService& sessions, AcceptDossier& accept,
             int inboxDefaultLimit, int inboxMaxLimit);

    void Register(Router& router);

    HttpResponse Login(const HttpRequest& request);
    HttpResponse Logout(const HttpRequest& request);
    HttpResponse Inbox(const HttpRequest& request);
    HttpResponse Detail(const HttpRequest& request);
    HttpResponse Accept(const HttpRequest& request);
    HttpResponse Receipt(const HttpRequest& request);

    // The token of "Authorization: Bearer <token>", or "" when the header is absent or of another scheme.
    static std::string BearerToken(const std::string& authorization);
    // A path id: decimal, positive; anything else names no dossier (NotFound).
    static std::int64_t ParseId(const std::string& text);

private:
    StaffMember Authenticate(const HttpRequest& request);
    // The dossier if it exists and the caller's agency handles it; NotFound otherwise.
    HttpResponse DetailResponse(const Dossier& dossier);

    pg::Store& m_store;
    const Clock& m_clock;
    SessionService& m_sessions;
    AcceptDossier& m_accept;
    int m_inboxDefaultLimit;
    int m_inboxMaxLimit;
};

}  // namespace motcua::server
