// The outbox and its dispatcher: an event per change in the changing transaction, posted signed to the client's
// callback (a small HTTP receiver here), in order per dossier, retried with back-off, parked after a day, and sent
// once even by two dispatchers over the same database.
#include <atomic>
#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/StreamCopier.h>
#include <boost/test/unit_test.hpp>

#include "model/time.h"
#include "server/outbox_dispatcher.h"
#include "server/usecases/request_signature.h"
#include "tests/server/api_fixture.h"
#include "tests/server/workflow_driver.h"
#include "tests/support/local_http_server.h"

using namespace motcua;
using namespace motcua::test;

namespace {

struct ReceivedCall {
    std::string method;
    std::string target;
    std::map<std::string, std::string> headers;
    std::string body;
    Poco::JSON::Object::Ptr json;
};

// The client's side: records every request and answers with the statuses it is told to, in order, then with its
// default.
class CallbackReceiver {
public:
    std::string Url() const { return m_server.Url() + "/motcua/events?source=test"; }
    void AnswerNext(std::deque<int> statuses)
    {
        const std::lock_guard lock(m_mutex);
        m_next = std::move(statuses);
    }
    void AnswerAlways(int status)
    {
        const std::lock_guard lock(m_mutex);
        m_default = status;
    }
    void Delay(std::chrono::milliseconds delay) { m_delay = delay; }
    std::vector<ReceivedCall> Calls() const
    {
        const std::lock_guard lock(m_mutex);
        return m_calls;
    }
    // The eventId of every call, in arrival order.
    std::vector<long long> EventIds() const
    {
        std::vector<long long> ids;
        for (const ReceivedCall& call : Calls())
            ids.push_back(call.json ? call.json->getValue<long long>("eventId") : -1);
        return ids;
    }

private:
    void Handle(Poco::Net::HTTPServerRequest& in, Poco::Net::HTTPServerResponse& out)
    {
        ReceivedCall call;
        call.method = in.getMethod();
        call.target = in.getURI();
        for (const auto& [name, value] : in)
            call.headers[name] = value;
        Poco::StreamCopier::copyToString(in.stream(), call.body);
        try {
            call.json = Poco::JSON::Parser().parse(call.body).extract<Poco::JSON::Object::Ptr>();
        } catch (const std::exception&) {
            call.json = nullptr;
        }
        std::this_thread::sleep_for(m_delay.load());
        int status = 0;
        {
            const std::lock_guard lock(m_mutex);
            m_calls.push_back(call);
            status = m_default;
            if (!m_next.empty()) {
                status = m_next.front();
                m_next.pop_front();
            }
        }
        out.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
        out.setContentLength(0);
        out.send();
    }

    mutable std::mutex m_mutex;
    std::deque<int> m_next;
    int m_default = 200;
    std::atomic<std::chrono::milliseconds> m_delay{std::chrono::milliseconds(0)};
    std::vector<ReceivedCall> m_calls;
    LocalHttpServer m_server{[this](auto& in, auto& out) { Handle(in, out); }};  // last: stops first
};

struct OutboxFixture : ApiFixture {
    OutboxFixture() { SetCallback(receiver.Url()); }

    void SetCallback(const std::string& url)
    {
        pg::ApiClient client = *store.FindApiClient(kClient);
        client.callbackUrl = url;
        store.SaveApiClient(client);
    }
    server::OutboxDispatcher& Dispatcher() { return server->Outbox(); }
    long long Events(const std::string& where = "true") const
    {
        return Scalar("SELECT count(*) FROM outbox_event WHERE " + where);
    }
    // Seconds from the test clock's now to the event's next attempt.
    long long SecondsToNextAttempt(long long eventId) const
    {
        const long long now = clock.Now().time_since_epoch().count();
        return Scalar("SELECT CAST(extract(epoch FROM next_attempt_at) AS bigint) FROM outbox_event WHERE id = " +
                      std::to_string(eventId)) -
               now;
    }

    CallbackReceiver receiver;
    WorkflowDriver road{*this};
};

}  // namespace

BOOST_AUTO_TEST_SUITE(OutboxIntegration)

BOOST_FIXTURE_TEST_CASE(each_change_is_posted_in_order_signed_with_the_client_secret, OutboxFixture)
{
    const std::int64_t id = SubmitDossier();
    clock.Advance(std::chrono::minutes(30));  // accepted at 10:00
    road.Do(id, "accept", "clerk");
    clock.Advance(std::chrono::minutes(5));
    road.Do(id, "claim", "handler");
    BOOST_TEST(road.State(id) == "4/3");
    BOOST_TEST(Events() == 3);
    BOOST_TEST(receiver.Calls().empty());  // nothing is sent before the dispatcher runs

    clock.Advance(std::chrono::minutes(1));
    Dispatcher().Drain();
    const std::vector<ReceivedCall> calls = receiver.Calls();
    BOOST_TEST_REQUIRE(calls.size() == 3u);
    BOOST_TEST(Events("delivered_at IS NOT NULL AND delivered_to = '" + receiver.Url() + "'") == 3);
    BOOST_TEST(store.OutboxBacklog().pending == 0);

    const std::string code =
        "000.31.21.H41-261127-0001";  // the commune's first dossier of the day (dossier code format)
    const std::string timestamp = std::to_string(clock.Now().time_since_epoch().count());
    struct Expected {
        int status;
        const char* statusName;
        const char* subState;
        const char* at;
    };
    // clang-format off
    const Expected expected[] = {
        {1, "Mới đăng ký",     "awaiting_intake_check", "2026-11-27T09:30:00+07:00"},
        {2, "Được tiếp nhận",  "awaiting_assignment",   "2026-11-27T10:00:00+07:00"},
        {4, "Đang xử lý",      "appraising",            "2026-11-27T10:05:00+07:00"},
    };
    // clang-format on
    long long previousId = 0;
    for (std::size_t i = 0; i < calls.size(); ++i) {
        BOOST_TEST_CONTEXT("call " << i)
        {
            const ReceivedCall& call = calls[i];
            BOOST_TEST(call.method == "POST");
            BOOST_TEST(call.target == "/motcua/events?source=test");
            BOOST_TEST(call.headers.at("Content-Type") == "application/json; charset=utf-8");
            BOOST_TEST(call.headers.at(server::kClientHeader) == kClient);
            BOOST_TEST(call.headers.at(server::kTimestampHeader) == timestamp);
            BOOST_TEST(call.headers.count(server::kCitizenHeader) == 1u);
            BOOST_TEST(call.headers.at(server::kCitizenHeader).empty());
            // The receiver checks the signature as the server checks the client's: same secret, same canonical text.
            BOOST_TEST(call.headers.at(server::kSignatureHeader) ==
                       server::SignRequest(kClientSecret, {"POST", call.target, timestamp, "", call.body}));
            BOOST_TEST(call.headers.at(server::kSignatureHeader) !=
                       server::SignRequest("another-secret", {"POST", call.target, timestamp, "", call.body}));

            BOOST_TEST_REQUIRE(call.json);
            const long long eventId = call.json->getValue<long long>("eventId");
            BOOST_TEST(eventId > previousId);
            previousId = eventId;
            BOOST_TEST(call.json->getValue<std::string>("dossierCode") == code);
            BOOST_TEST(call.json->getValue<int>("status") == expected[i].status);
            BOOST_TEST(call.json->getValue<std::string>("statusName") == expected[i].statusName);
            BOOST_TEST(call.json->getValue<std::string>("statusName") ==
                       VietnameseName(static_cast<NationalStatus>(expected[i].status)));
            BOOST_TEST(call.json->getValue<std::string>("subState") == expected[i].subState);
            BOOST_TEST(call.json->getValue<int>("version") == static_cast<int>(i) + 1);
            BOOST_TEST(call.json->getValue<std::string>("at") == expected[i].at);
            BOOST_TEST(!call.json->getValue<std::string>("appointmentAt").empty());
        }
    }
    // Accepting recomputed the appointment from the real receipt time; the payload carries the stored one.
    const HttpReply status = Get("/citizen/v1/dossiers/" + code);
    BOOST_TEST_REQUIRE(status.status == 200);
    BOOST_TEST(calls[2].json->getValue<std::string>("appointmentAt") ==
               status.json->getValue<std::string>("appointmentAt"));

    // Delivered events are not sent again, and housekeeping forgets them in time.
    clock.Advance(std::chrono::hours(1));
    Dispatcher().Drain();
    BOOST_TEST(receiver.Calls().size() == 3u);
    store.ForgetDeliveredOutboxEvents(clock.Now() - std::chrono::hours(2));
    BOOST_TEST(Events() == 3);
    store.ForgetDeliveredOutboxEvents(clock.Now());
    BOOST_TEST(Events() == 0);
}

BOOST_FIXTURE_TEST_CASE(an_event_is_written_with_its_change_or_not_at_all, OutboxFixture)
{
    const std::int64_t id = SubmitDossier();
    BOOST_TEST(Events() == 1);

    // Refused transitions change nothing, so they tell nothing: a stale version, the wrong role.
    BOOST_TEST(
        Post("/staff/v1/dossiers/" + std::to_string(id) + "/accept", R"({"version":5})", road.Token("clerk")).status ==
        409);
    BOOST_TEST(road.Act(id, "accept", "handler").status == 403);
    BOOST_TEST(Events() == 1);

    // A change rolled back takes its event with it: the trigger writes in the changing transaction.
    SqlConnection admin(db.AdminConninfo());
    admin.Execute("BEGIN; UPDATE dossier SET status = 2, sub_state = 2 WHERE id = " + std::to_string(id) +
                  "; ROLLBACK");
    BOOST_TEST(Events() == 1);
    // An update that changes none of status, sub-state and appointment is no news.
    admin.Execute("UPDATE dossier SET phone = '0987654321' WHERE id = " + std::to_string(id));
    BOOST_TEST(Events() == 1);
    road.Do(id, "accept", "clerk");
    BOOST_TEST(Events() == 2);

    // A dossier taken in on paper has no client to tell.
    const std::string applicant = R"({"fullName":"Lê Văn Ngân","citizenId":"001090000077","dateOfBirth":"1990-05-12",)"
                                  R"("address":"Số 3 Phan Bội Châu","phone":"0912345678"})";
    const HttpReply paper =
        Post("/staff/v1/dossiers", Submission("1.001193", kCommune, applicant), road.Token("clerk"));
    BOOST_TEST_REQUIRE(paper.status == 201, paper.body);
    BOOST_TEST(Events() == 2);
    BOOST_TEST(Events("dossier_id = " + std::to_string(paper.json->getValue<std::int64_t>("id"))) == 0);
}

BOOST_FIXTURE_TEST_CASE(a_failed_post_is_retried_later_and_holds_back_the_dossiers_next_event, OutboxFixture)
{
    receiver.AnswerNext({500});
    const std::int64_t id = SubmitDossier();
    road.Do(id, "accept", "clerk");
    const long long first = Scalar("SELECT min(id) FROM outbox_event");

    Dispatcher().Drain();
    BOOST_TEST(receiver.EventIds() == (std::vector<long long>{first}), boost::test_tools::per_element());
    BOOST_TEST(Events("attempts = 1 AND last_error = 'HTTP 500 Internal Server Error'") == 1);
    BOOST_TEST(SecondsToNextAttempt(first) == 1);
    BOOST_TEST(store.OutboxBacklog().pending == 2);

    Dispatcher().Drain();  // not due yet, and the accept waits behind the submission
    BOOST_TEST(receiver.Calls().size() == 1u);

    clock.Advance(std::chrono::seconds(1));
    Dispatcher().Drain();
    BOOST_TEST(receiver.EventIds() == (std::vector<long long>{first, first, first + 1}),
               boost::test_tools::per_element());
    BOOST_TEST(store.OutboxBacklog().pending == 0);
    BOOST_TEST(store.OutboxBacklog().parked == 0);
}

BOOST_FIXTURE_TEST_CASE(an_event_failing_for_a_day_is_parked_and_counted, OutboxFixture)
{
    receiver.AnswerAlways(503);
    const std::int64_t id = SubmitDossier();
    const long long event = Scalar("SELECT id FROM outbox_event");

    // Back-off: 1 s, 2 s, 4 s, 8 s… capped at ten minutes.
    for (const long long wait : {1, 2, 4, 8, 16}) {
        Dispatcher().Drain();
        BOOST_TEST(SecondsToNextAttempt(event) == wait);
        Dispatcher().Drain();  // not yet due: no call
        clock.Advance(std::chrono::seconds(wait));
    }
    BOOST_TEST(receiver.Calls().size() == 5u);
    db.AdminExecute("UPDATE outbox_event SET attempts = 40");
    Dispatcher().Drain();
    BOOST_TEST(SecondsToNextAttempt(event) == 600);
    BOOST_TEST(Events("parked_at IS NULL") == 1);

    // A day after the change, the next failure parks it: no more attempts, counted apart.
    clock.Set(ParseIso8601(kStart, "start") + std::chrono::hours(24));
    Dispatcher().Drain();
    BOOST_TEST(Events("parked_at IS NOT NULL AND attempts = 42") == 1);
    const pg::OutboxCounts backlog = store.OutboxBacklog();
    BOOST_TEST(backlog.pending == 0);
    BOOST_TEST(backlog.parked == 1);
    const std::size_t calls = receiver.Calls().size();
    clock.Advance(std::chrono::hours(1));
    Dispatcher().Drain();
    BOOST_TEST(receiver.Calls().size() == calls);

    // The dossier's later changes are not held back by a parked event.
    receiver.AnswerAlways(200);
    db.AdminExecute("UPDATE dossier SET due_at = due_at + interval '1 day', updated_at = to_timestamp(" +
                    std::to_string(clock.Now().time_since_epoch().count()) + ") WHERE id = " + std::to_string(id));
    Dispatcher().Drain();
    BOOST_TEST(receiver.Calls().size() == calls + 1);
    BOOST_TEST(store.OutboxBacklog().pending == 0);
}

BOOST_FIXTURE_TEST_CASE(a_client_without_callback_is_told_nothing_and_keeps_no_backlog, OutboxFixture)
{
    SetCallback("");
    SubmitDossier();
    const server::OutboxPass pass = Dispatcher().RunOnce();
    BOOST_TEST(pass.settled == 1);
    BOOST_TEST(receiver.Calls().empty());
    BOOST_TEST(Events("delivered_at IS NOT NULL AND delivered_to = ''") == 1);
    BOOST_TEST(store.OutboxBacklog().pending == 0);
}

BOOST_FIXTURE_TEST_CASE(a_pass_out_of_time_defers_and_an_unreachable_receiver_fails, OutboxFixture)
{
    // A pass out of time posts nothing more and leaves the rest for the next one.
    SubmitDossier(kCommune, 3);
    server::OutboxDispatcher hurried(store, clock, server->Authenticator(), {.passBudget = std::chrono::seconds(0)});
    const server::OutboxPass late = hurried.RunOnce();
    BOOST_TEST(late.claimed == 1);
    BOOST_TEST(late.deferred == 1);
    BOOST_TEST(receiver.Calls().empty());
    BOOST_TEST(Dispatcher().RunOnce().delivered == 1);

    // A receiver that cannot be reached fails like one that answers 500.
    SetCallback("http://127.0.0.1:9/nobody");
    SubmitDossier(kCommune, 2);
    BOOST_TEST(Dispatcher().RunOnce().failed == 1);
    BOOST_TEST(Events("attempts = 1 AND last_error <> ''") == 1);
}

BOOST_FIXTURE_TEST_CASE(two_dispatchers_on_one_database_send_each_event_once_in_order, OutboxFixture)
{
    // Many events over few dossiers: 12 submissions, then four changes of each appointment (written by the trigger
    // whatever made the change).
    constexpr int kDossiers = 12;
    for (int serial = 1; serial <= kDossiers; ++serial)
        SubmitDossier(kCommune, serial);
    for (int round = 0; round < 4; ++round)
        db.AdminExecute("UPDATE dossier SET due_at = due_at + interval '1 hour'");
    const long long total = Events();
    BOOST_TEST_REQUIRE(total == 5 * kDossiers);

    // A second server process: its own connections and dispatcher, over the same database. Small batches and a slow
    // receiver so that the two passes overlap.
    pg::Store otherStore(db.AppConninfo(), 2);
    otherStore.SetDefaultScope(pg::AccessScope::All());
    const server::OutboxOptions small{.batchSize = 3};
    server::OutboxDispatcher one(store, clock, server->Authenticator(), small);
    server::OutboxDispatcher two(otherStore, clock, server->Authenticator(), small);
    receiver.Delay(std::chrono::milliseconds(5));
    std::atomic<int> sentByOne{0}, sentByTwo{0};
    auto run = [&](server::OutboxDispatcher& dispatcher, std::atomic<int>& sent) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (std::chrono::steady_clock::now() < deadline) {
            const server::OutboxPass pass = dispatcher.RunOnce();
            sent += pass.delivered;
            if (pass.claimed == 0 && store.OutboxBacklog().pending == 0)
                return;
        }
    };
    std::thread first([&] { run(one, sentByOne); });
    std::thread second([&] { run(two, sentByTwo); });
    first.join();
    second.join();

    const std::vector<long long> ids = receiver.EventIds();
    BOOST_TEST(ids.size() == static_cast<std::size_t>(total));
    BOOST_TEST(std::set<long long>(ids.begin(), ids.end()).size() == ids.size());  // none twice
    BOOST_TEST(sentByOne.load() + sentByTwo.load() == total);
    BOOST_TEST(sentByOne.load() > 0);
    BOOST_TEST(sentByTwo.load() > 0);
    // In order per dossier: each dossier's events arrived by increasing eventId.
    std::map<std::string, long long> lastOfDossier;
    for (const ReceivedCall& call : receiver.Calls()) {
        const std::string code = call.json->getValue<std::string>("dossierCode");
        const long long eventId = call.json->getValue<long long>("eventId");
        BOOST_TEST(eventId > lastOfDossier[code], code << ": " << eventId << " after " << lastOfDossier[code]);
        lastOfDossier[code] = eventId;
    }
    BOOST_TEST(lastOfDossier.size() == static_cast<std::size_t>(kDossiers));
}

BOOST_AUTO_TEST_SUITE_END()
