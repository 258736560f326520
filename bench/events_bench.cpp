#include "bench/events_bench.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>

#include "bench/http_probe.h"
#include "bench/measurement.h"
#include "model/error.h"
#include "model/postgres/store.h"
#include "model/time.h"
#include "server/server.h"
#include "tests/support/fixture_catalogue.h"
#include "tests/support/settable_clock.h"
#include "tests/support/test_database.h"

namespace motcua::bench {
namespace {

// This process's threads (/proc/self/task) and resident memory now (VmRSS), in MiB.
int ThreadCount()
{
    int count = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator("/proc/self/task"))
        ++count;
    return count;
}

double RssMiB()
{
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmRSS:", 0) == 0)
            return std::stod(line.substr(6)) / 1024.0;
    return 0;
}

// A paper dossier taken in and accepted by the clerk in one request: two events (submit, accept).
std::string PaperIntake(int serial)
{
    std::string number = std::to_string(serial % 1000000);
    return R"({"procedureCode":"1.001193","agencyCode":"000.31.21.H41","channel":"in_person","applicant":)"
           R"({"fullName":"Nguyễn Văn An","citizenId":"001090)" +
           std::string(6 - number.size(), '0') + number +
           R"(","dateOfBirth":"1990-05-12","address":"Số 12 Lê Lợi","phone":"0912345678"},)"
           R"("formData":{"childName":"Nguyễn Văn Bình","childDateOfBirth":"2026-11-20"},)"
           R"("documents":[{"name":"Tờ khai đăng ký khai sinh","form":"original","count":1}]})";
}

// `count` GET /staff/v1/inbox one after another on one kept connection; their latencies.
LatencySummary OrdinaryRequests(std::uint16_t port, const std::string& token, int count)
{
    Poco::Net::HTTPClientSession session("127.0.0.1", port);
    std::vector<double> ms;
    for (int i = 0; i < count; ++i) {
        const auto started = SteadyClock::now();
        const Reply reply = Call(session, "GET", "/staff/v1/inbox?limit=20", token);
        ms.push_back(Milliseconds(SteadyClock::now() - started));
        if (reply.status != 200)
            throw std::runtime_error("inbox answered " + std::to_string(reply.status));
    }
    return Summarise(ms);
}

}  // namespace

int RunEventsBench(const EventsBenchOptions& options, std::ostream& out)
{
    test::TestDatabase db;
    pg::Store store(db.AppConninfo(), 8);
    store.SetDefaultScope(pg::AccessScope::All());
    test::SettableClock clock(ParseIso8601("2026-11-27T09:30:00+07:00", "start"));
    server::ServerConfig config;
    config.listenPort = 0;
    config.threads = 8;
    config.logRequests = false;
    config.kdfCost = server::ScryptCost{10, 8, 1};
    config.housekeepingInterval = std::chrono::seconds{0};
    config.closingInterval = std::chrono::seconds{0};
    config.outboxInterval = std::chrono::seconds{0};
    server::Server server(config, store, clock);
    const server::PasswordHasher& hasher = server.Hasher();
    test::SeedFixtureCatalogue(store, [&hasher](const std::string& p) { return hasher.Hash(p); });
    server.Start();
    const std::uint16_t port = server.Port();
    Poco::Net::HTTPClientSession session("127.0.0.1", port);
    const Reply login =
        Call(session, "POST", "/staff/v1/login", {},
             std::string(R"({"username":"clerk","password":")") + test::FixtureCatalogue::kPassword + "\"}");
    Poco::JSON::Parser parser;
    const auto token = parser.parse(login.body).extract<Poco::JSON::Object::Ptr>()->getValue<std::string>("token");

    constexpr int kOrdinary = 1000;
    OrdinaryRequests(port, token, 100);  // warm-up
    const LatencySummary baseline = OrdinaryRequests(port, token, kOrdinary);
    const int threadsBefore = ThreadCount();
    const double rssBefore = RssMiB();

    const auto opening = SteadyClock::now();
    StreamClients clients(port, token, options.streams);
    while (clients.Open() < options.streams && SecondsSince(opening) < 60)
        std::this_thread::sleep_for(std::chrono::milliseconds{10});
    const double openSeconds = SecondsSince(opening);
    while (server.Events().Streams() < static_cast<std::size_t>(options.streams) && SecondsSince(opening) < 60)
        std::this_thread::sleep_for(std::chrono::milliseconds{10});

    // Publishing: paper intakes at the given rate from one thread; each request's start time by dossier id.
    std::mutex startsMutex;
    std::unordered_map<std::int64_t, SteadyClock::time_point> starts;
    std::vector<double> intakeMs;  // each change's own request, part of the event latency
    std::atomic<bool> publishing{true};
    std::atomic<int> failed{0};
    std::thread publisher([&] {
        Poco::Net::HTTPClientSession own("127.0.0.1", port);
        const auto period = std::chrono::duration<double>(1.0 / options.eventsPerSecond);
        auto next = SteadyClock::now();
        for (int serial = 1; publishing; ++serial) {
            std::this_thread::sleep_until(next);
            next += std::chrono::duration_cast<SteadyClock::duration>(period);
            const auto started = SteadyClock::now();
            const Reply reply = Call(own, "POST", "/staff/v1/dossiers", token, PaperIntake(serial));
            if (reply.status != 201) {
                ++failed;
                continue;
            }
            const auto id =
                Poco::JSON::Parser().parse(reply.body).extract<Poco::JSON::Object::Ptr>()->getValue<std::int64_t>("id");
            const std::lock_guard lock(startsMutex);
            starts[id] = started;
            intakeMs.push_back(Milliseconds(SteadyClock::now() - started));
        }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds{500});
    const LatencySummary beside = OrdinaryRequests(port, token, kOrdinary);
    const int threadsWith = ThreadCount();
    const double rssWith = RssMiB();
    std::this_thread::sleep_for(std::chrono::seconds{options.seconds});
    publishing = false;
    publisher.join();
    std::this_thread::sleep_for(std::chrono::seconds{2});  // the last events arrive

    std::vector<double> latency;
    std::vector<double> fanOut;  // until the last stream had it
    long long missing = 0;
    const auto arrivals = clients.Arrivals();
    for (const auto& [id, started] : starts) {
        for (const char* what : {"submit", "accept"}) {
            const auto found = arrivals.find({id, what});
            const std::size_t got = found == arrivals.end() ? 0 : found->second.size();
            missing += options.streams - static_cast<long long>(got);
            if (got == 0)
                continue;
            SteadyClock::time_point last = started;
            for (const SteadyClock::time_point at : found->second) {
                latency.push_back(Milliseconds(at - started));
                last = std::max(last, at);
            }
            fanOut.push_back(Milliseconds(last - started));
        }
    }
    const LatencySummary events = Summarise(latency);
    const LatencySummary all = Summarise(fanOut);
    const LatencySummary intake = Summarise(intakeMs);
    const int closed = clients.Closed();
    server.Stop();

    out << "Event streams: in-process motcua-server (" << config.connectionThreads << " HTTP worker threads at most), "
        << options.streams << " streams of the clerk's agency read by one client thread (epoll), " << starts.size()
        << " paper intakes (" << 2 * starts.size() << " events) at " << Fixed(options.eventsPerSecond, 1) << "/s over "
        << options.seconds << " s\n"
        << "  streams open: " << clients.Open() << " in " << Fixed(openSeconds, 2)
        << " s; closed by the server: " << closed << "\n"
        << "  threads in this process (server + 1 client thread + 1 publisher): " << threadsBefore
        << " before the streams, " << threadsWith << " with " << options.streams
        << " open (Poco's worker pool grows to its bound during the connect storm and keeps idle workers a while)\n"
        << "  RSS: " << Fixed(rssBefore, 1) << " MiB before, " << Fixed(rssWith, 1) << " MiB with the streams\n"
        << "  event latency, request start → event read by a stream (every delivery): p50 " << Fixed(events.p50, 1)
        << " ms, p99 " << Fixed(events.p99, 1) << " ms (" << events.count << " deliveries; missing " << missing << ")\n"
        << "  of which the change's own request (paper intake, receipt PDF included): p50 " << Fixed(intake.p50, 1)
        << " ms, p99 " << Fixed(intake.p99, 1) << " ms\n"
        << "  one event to all " << options.streams << " streams: p50 " << Fixed(all.p50, 1) << " ms, p99 "
        << Fixed(all.p99, 1) << " ms\n"
        << "  ordinary request (GET /staff/v1/inbox, " << kOrdinary << " in a row): no streams p50 "
        << Fixed(baseline.p50, 2) << " ms, p99 " << Fixed(baseline.p99, 2) << " ms; beside " << options.streams
        << " streams p50 " << Fixed(beside.p50, 2) << " ms, p99 " << Fixed(beside.p99, 2) << " ms; ratio p50 "
        << Ratio(beside.p50, baseline.p50) << ", p99 " << Ratio(beside.p99, baseline.p99) << "\n"
        << "  failed intakes: " << failed << "\n";
    return missing == 0 && failed == 0 && clients.Open() == options.streams ? 0 : 1;
}

}  // namespace motcua::bench
