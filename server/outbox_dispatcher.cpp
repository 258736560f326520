#include "server/outbox_dispatcher.h"

#include <exception>
#include <set>
#include <sstream>
#include <utility>

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/URI.h>

#include "model/dossier.h"
#include "model/time.h"
#include "server/usecases/request_signature.h"

namespace motcua::server {

OutboxDispatcher::OutboxDispatcher(pg::Store& store, const Clock& clock, const ClientAuthenticator& authenticator,
                                   OutboxOptions options, std::function<void(const std::string&)> report)
    : m_store(store),
      m_clock(clock),
      m_authenticator(authenticator),
      m_options(options),
      m_report(std::move(report))
{}

OutboxPass OutboxDispatcher::RunOnce()
{
    OutboxPass pass;
    m_store.InOneTransaction([&] {
        const std::vector<pg::OutboxEvent> events = m_store.ClaimOutboxEvents(m_clock.Now(), m_options.batchSize);
        pass.claimed = static_cast<int>(events.size());
        // One failure of a receiver is enough for this pass: its other events wait for the next one, instead of
        // holding the transaction for a timeout each.
        std::set<std::string> failing;
        const auto deadline = std::chrono::steady_clock::now() + m_options.passBudget;
        for (const pg::OutboxEvent& event : events) {
            const std::string& url = event.client.callbackUrl;
            // A client without a callback (or switched off) is told nothing: its events are settled at once rather
            // than kept pending, so that they neither clog the backlog nor flood a URL configured months later.
            if (url.empty() || !event.client.active) {
                m_store.MarkOutboxDelivered(event.id, "", m_clock.Now());
                ++pass.settled;
                continue;
            }
            if (failing.contains(url) || std::chrono::steady_clock::now() >= deadline) {
                ++pass.deferred;
                continue;
            }
            const std::string error = Post(event, Payload(event));
            if (error.empty()) {
                m_store.MarkOutboxDelivered(event.id, url, m_clock.Now());
                ++pass.delivered;
                continue;
            }
            failing.insert(url);
            if (!m_store.RecordOutboxFailure(event.id, error, m_clock.Now())) {
                ++pass.failed;
                continue;
            }
            ++pass.parked;
            if (m_report)
                m_report("outbox event " + std::to_string(event.id) + " of dossier " + event.dossierCode + " for " +
                         event.client.code + " parked after failing for a day: " + error);
        }
    });
    return pass;
}

void OutboxDispatcher::Drain()
{
    // A pass sends at most one event of each dossier (the next one becomes due when this one is recorded), so a
    // dossier's backlog needs as many passes as it has events: go on while passes make progress.
    for (int batch = 0; batch < m_options.maxBatchesPerDrain; ++batch) {
        const OutboxPass pass = RunOnce();
        if (pass.delivered + pass.settled == 0 || pass.failed + pass.parked + pass.deferred > 0)
            return;
    }
}

std::string OutboxDispatcher::Payload(const pg::OutboxEvent& event)
{
    Poco::JSON::Object payload(Poco::JSON_PRESERVE_KEY_ORDER);
    payload.set("eventId", static_cast<Poco::Int64>(event.id));
    payload.set("dossierCode", event.dossierCode);
    payload.set("status", static_cast<int>(event.status));
    payload.set("statusName", std::string(VietnameseName(event.status)));
    payload.set("subState", std::string(motcua::ToString(event.subState)));
    payload.set("version", event.version);
    payload.set("appointmentAt",
                event.appointmentAt ? Poco::Dynamic::Var(FormatIso8601(*event.appointmentAt)) : Poco::Dynamic::Var());
    payload.set("at", FormatIso8601(event.at));
    std::ostringstream out;
    payload.stringify(out);
    return out.str();
}

std::string OutboxDispatcher::Post(const pg::OutboxEvent& event, const std::string& body) const
{
    try {
        const Poco::URI uri(event.client.callbackUrl);
        if (uri.getScheme() != "http")
            return "only http:// callback URLs are supported: " + event.client.callbackUrl;
        std::string target = uri.getPathAndQuery();
        if (target.empty())
            target = "/";
        const std::string timestamp = std::to_string(m_clock.Now().time_since_epoch().count());
        // The same signature as the client's own calls, with an empty citizen: a service call, from the server.
        const auto headers = SignatureHeaderValues(event.client.code, m_authenticator.SecretOf(event.client),
                                                   {"POST", target, timestamp, "", body});

        Poco::Net::HTTPClientSession session(uri.getHost(), uri.getPort());
        session.setTimeout(Poco::Timespan(static_cast<long>(m_options.timeout.count()), 0));
        Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, target, Poco::Net::HTTPMessage::HTTP_1_1);
        request.setContentType("application/json; charset=utf-8");
        request.setContentLength64(static_cast<Poco::Int64>(body.size()));
        for (const auto& [name, value] : headers)
            request.set(name, value);
        session.sendRequest(request) << body;
        Poco::Net::HTTPResponse response;
        session.receiveResponse(response);  // the answer's body means nothing here
        const int status = static_cast<int>(response.getStatus());
        if (status >= 200 && status < 300)
            return {};
        return "HTTP " + std::to_string(status) + " " + response.getReason();
    } catch (const Poco::Exception& e) {
        return e.displayText();
    } catch (const std::exception& e) {  // SecretOf: no client key, or a secret sealed under another one
        return e.what();
    }
}

}  // namespace motcua::server
