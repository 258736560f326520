// Posts the outbox's events to the citizen-app clients' callback URLs, signed as the citizen door's requests are.
#pragma once

#include <chrono>
#include <functional>
#include <string>

#include "model/clock.h"
#include "model/postgres/store.h"
#include "server/usecases/client_authenticator.h"

namespace motcua::server {

struct OutboxOptions {
    int batchSize = 32;                // events claimed (and locked) per transaction
    std::chrono::seconds timeout{10};  // connect, send and receive, each, per callback
    // After this long, a pass posts nothing more (the rest is deferred to the next pass): it bounds how long the pass
    // keeps its transaction, its row locks and a pooled connection when receivers answer slowly.
    std::chrono::seconds passBudget{30};
    int maxBatchesPerDrain = 100;  // so that stopping the server waits for one Drain, not for a backlog
};

// What one pass did.
struct OutboxPass {
    int claimed = 0;
    int delivered = 0;  // the callback answered 2xx
    int settled = 0;    // the client has no callback URL or is disabled: marked delivered, nothing sent
    int failed = 0;     // retried later (back-off)
    int parked = 0;     // failed and older than a day: no more attempts
    int deferred = 0;   // not tried: their callback URL already failed in this pass, or the pass ran out of time
};

class OutboxDispatcher {
public:
    // `store`, `clock` and `authenticator` (which opens the clients' sealed secrets) must outlive the dispatcher;
    // `report` hears of parked events.
    OutboxDispatcher(pg::Store& store, const Clock& clock, const ClientAuthenticator& authenticator,
                     OutboxOptions options = {}, std::function<void(const std::string&)> report = {});

    // One transaction: claims the due events (Store::ClaimOutboxEvents, locked until the end), posts each and
    // records its outcome. At least once: a crash after a post and before the commit sends the event again later.
    // A database failure throws Error and rolls the pass back.
    OutboxPass RunOnce();
    // Passes until nothing due is left or a callback fails (the server's periodic job: a failing receiver is tried
    // again at the next tick, not in a tight loop).
    void Drain();

    // The JSON body posted for `event` (the `dossierChanged` webhook of docs/openapi/citizen-api.yaml).
    static std::string Payload(const pg::OutboxEvent& event);

private:
    // Posts `body` to the event's callback URL; empty on a 2xx answer, otherwise why it failed.
    std::string Post(const pg::OutboxEvent& event, const std::string& body) const;

    pg::Store& m_store;
    const Clock& m_clock;
    const ClientAuthenticator& m_authenticator;
    OutboxOptions m_options;
    std::function<void(const std::string&)> m_report;
};

}  // namespace motcua::server
