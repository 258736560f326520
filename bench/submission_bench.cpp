#include "bench/submission_bench.h"

#include <algorithm>
#include <atomic>
#include <functional>
#include <iomanip>
#include <latch>
#include <memory>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include "bench/measurement.h"
#include "model/dossier_code.h"
#include "model/error.h"
#include "model/postgres/store.h"
#include "model/time.h"
#include "server/server.h"
#include "tests/support/fixture_catalogue.h"
#include "tests/support/settable_clock.h"
#include "tests/support/test_database.h"

namespace motcua::bench {
namespace {

constexpr int kWarmUpPerClient = 10;
constexpr unsigned kPlanSeed = 20261123;

// Each phase has a day of its own at 09:00 in Vietnam, hence its own daily code counters: one phase's codes never
// follow on from another's, and each (agency, day) is checked on its own. The warm-up has the Friday before.
constexpr std::chrono::year_month_day kWarmUpDay{std::chrono::year{2026} / 11 / 20};
constexpr std::chrono::year_month_day kFirstPhaseDay{std::chrono::year{2026} / 11 / 23};

Instant NineOClock(std::chrono::sys_days day)
{
    return ToInstant(LocalTime{day.time_since_epoch()} + std::chrono::hours(9));
}

struct PhaseResult {
    std::string name;
    long long succeeded = 0;
    long long failed = 0;
    bool timedOut = false;
    double seconds = 0;
    std::vector<double> latencies;  // milliseconds, one per successful submission
    std::string firstError;

    double PerSecond() const { return seconds > 0 ? static_cast<double>(succeeded) / seconds : 0; }
};

// Request i of a client: the index of its receiving agency. Drawn beforehand with a fixed seed, so the HTTP and the
// direct phase of the same shape do exactly the same work; uniform draws give the collisions real clients would.
std::vector<std::size_t> AgencyPlan(int client, int count, std::size_t agencies)
{
    std::mt19937 random(kPlanSeed + static_cast<unsigned>(client));
    std::uniform_int_distribution<std::size_t> pick(0, agencies - 1);
    std::vector<std::size_t> plan(static_cast<std::size_t>(count));
    for (std::size_t& a : plan)
        a = pick(random);
    return plan;
}

// The citizen API's body for the dossier MakeNewDossier makes, so both paths store the same thing.
std::string SubmissionBody(const Dossier& d, const std::string& procedureCode, const std::string& agencyCode)
{
    Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
    body.set("procedureCode", procedureCode);
    body.set("agencyCode", agencyCode);
    Poco::JSON::Object::Ptr applicant = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    applicant->set("fullName", d.applicant.fullName);
    applicant->set("citizenId", d.applicant.citizenId);
    applicant->set("dateOfBirth", FormatDate(d.applicant.dateOfBirth));
    applicant->set("address", d.applicant.address);
    applicant->set("phone", d.applicant.phone);
    applicant->set("email", d.applicant.email);
    body.set("applicant", applicant);
    Poco::JSON::Parser parser;
    body.set("formData", parser.parse(d.formDataJson).extract<Poco::JSON::Object::Ptr>());
    Poco::JSON::Array::Ptr documents = new Poco::JSON::Array;
    for (const SubmittedDocument& doc : d.documents) {
        Poco::JSON::Object::Ptr item = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        item->set("name", doc.name);
        item->set("form", std::string(ToString(doc.form)));
        item->set("count", doc.count);
        documents->add(item);
    }
    body.set("documents", documents);
    std::ostringstream out;
    body.stringify(out);
    return out.str();
}

// One client's submissions of a phase, prepared before the clock starts: Submit(i) sends request i.
using Submit = std::function<void(int i)>;
using PrepareClient = std::function<Submit(int client, const std::vector<std::size_t>& plan)>;

struct PhaseShape {
    int clients = 0;
    int perClient = 0;
    std::chrono::seconds limit{0};
    std::size_t agencies = 0;
};

PhaseResult RunPhase(const std::string& name, const PhaseShape& shape, const PrepareClient& prepare)
{
    const auto clients = static_cast<std::size_t>(shape.clients);
    std::vector<std::vector<double>> latencies(clients);
    std::vector<long long> failed(clients, 0);
    std::vector<std::string> errors(clients);
    std::atomic<bool> timedOut{false};
    std::latch prepared(static_cast<std::ptrdiff_t>(clients));
    std::latch go(1);
    SteadyClock::time_point deadline{};  // written before `go` opens, read after

    std::vector<std::thread> threads;
    threads.reserve(clients);
    for (std::size_t c = 0; c < clients; ++c) {
        threads.emplace_back([&, c] {
            Submit submit;
            try {
                submit = prepare(static_cast<int>(c), AgencyPlan(static_cast<int>(c), shape.perClient, shape.agencies));
                latencies[c].reserve(static_cast<std::size_t>(shape.perClient));
            } catch (const std::exception& e) {
                failed[c] = 1;
                errors[c] = std::string("preparing: ") + e.what();
            }
            prepared.count_down();
            go.wait();
            if (!submit)
                return;
            for (int i = 0; i < shape.perClient; ++i) {
                if (SteadyClock::now() >= deadline) {
                    timedOut = true;
                    break;
                }
                const auto started = SteadyClock::now();
                try {
                    submit(i);
                } catch (const Error& e) {
                    ++failed[c];
                    errors[c] = std::string(e.what()) + (e.Detail().empty() ? "" : " (" + e.Detail() + ")");
                    break;  // a broken path would only pile up the same error
                } catch (const std::exception& e) {
                    ++failed[c];
                    errors[c] = e.what();
                    break;
                }
                latencies[c].push_back(Milliseconds(SteadyClock::now() - started));
            }
        });
    }
    // The clock starts once every client has prepared its requests, all at once.
    prepared.wait();
    const auto start = SteadyClock::now();
    deadline = start + shape.limit;
    go.count_down();
    for (std::thread& t : threads)
        t.join();

    PhaseResult r;
    r.name = name;
    r.seconds = SecondsSince(start);
    r.timedOut = timedOut;
    for (std::size_t c = 0; c < clients; ++c) {
        r.succeeded += static_cast<long long>(latencies[c].size());
        r.failed += failed[c];
        r.latencies.insert(r.latencies.end(), latencies[c].begin(), latencies[c].end());
        if (r.firstError.empty() && !errors[c].empty())
            r.firstError = errors[c];
    }
    return r;
}

// A citizen-app backend: one keep-alive connection per client, as a connection pool would hold.
PrepareClient HttpClients(std::uint16_t port, const std::vector<Agency>& agencies, const Procedure& procedure,
                          int serialBase, int perClient, Instant now)
{
    return [=, &agencies, &procedure](int client, const std::vector<std::size_t>& plan) -> Submit {
        auto bodies = std::make_shared<std::vector<std::string>>();
        bodies->reserve(plan.size());
        for (std::size_t i = 0; i < plan.size(); ++i) {
            const Agency& agency = agencies[plan[i]];
            const int serial = serialBase + client * perClient + static_cast<int>(i);
            bodies->push_back(
                SubmissionBody(test::MakeNewDossier(procedure, agency, serial, now), procedure.code, agency.code));
        }
        auto session = std::make_shared<Poco::Net::HTTPClientSession>("127.0.0.1", port);
        session->setKeepAlive(true);
        session->setTimeout(Poco::Timespan(30, 0));
        return [session, bodies](int i) {
            const std::string& body = (*bodies)[static_cast<std::size_t>(i)];
            Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, "/citizen/v1/dossiers",
                                           Poco::Net::HTTPMessage::HTTP_1_1);
            request.setKeepAlive(true);
            request.setContentType("application/json");
            request.setContentLength64(static_cast<Poco::Int64>(body.size()));
            session->sendRequest(request) << body;
            Poco::Net::HTTPResponse response;
            std::istream& in = session->receiveResponse(response);
            std::string reply;
            Poco::StreamCopier::copyToString(in, reply);  // read to the end, so the connection can be reused
            if (response.getStatus() != Poco::Net::HTTPResponse::HTTP_CREATED)
                throw std::runtime_error("HTTP " + std::to_string(static_cast<int>(response.getStatus())) + ": " +
                                         reply.substr(0, 300));
        };
    };
}

// The baseline: the same dossiers through Store::CreateDossier, no HTTP, no JSON, no lookups.
PrepareClient DirectClients(pg::Store& store, const std::vector<Agency>& agencies, const Procedure& procedure,
                            const DossierCodeFormat& format, int serialBase, int perClient, Instant now)
{
    return [=, &store, &agencies, &procedure, &format](int client, const std::vector<std::size_t>& plan) -> Submit {
        auto dossiers = std::make_shared<std::vector<std::pair<Dossier, std::string>>>();
        dossiers->reserve(plan.size());
        for (std::size_t i = 0; i < plan.size(); ++i) {
            const Agency& agency = agencies[plan[i]];
            const int serial = serialBase + client * perClient + static_cast<int>(i);
            dossiers->emplace_back(test::MakeNewDossier(procedure, agency, serial, now), agency.code);
        }
        return [&store, &format, dossiers, now](int i) {
            const auto& [dossier, agencyCode] = (*dossiers)[static_cast<std::size_t>(i)];
            store.CreateDossier(dossier, agencyCode, format, now);
        };
    };
}

struct CodeCheck {
    bool ok = true;
    std::vector<std::string> lines;
};

// Per (receiving agency, day): the codes' sequences must be 1..n with no gap and no duplicate, n must equal the
// number of dossiers and the day's counter; and no counter may have counted a dossier that is not there.
CodeCheck CheckCodes(const test::TestDatabase& db)
{
    test::SqlConnection admin(db.AdminConninfo());
    // The default layout "{agency}-{yymmdd}-{seq:4}": agency codes hold dots, never dashes.
    const std::vector<std::string> rows = admin.Column(
        "SELECT split_part(d.code, '-', 2) || ' ' || a.code || ' ' || count(*) || ' ' || min(s.seq) || ' ' ||"
        "       max(s.seq) || ' ' || count(DISTINCT s.seq) || ' ' || coalesce(max(c.last_seq), 0)"
        " FROM dossier d"
        " CROSS JOIN LATERAL (SELECT CAST(split_part(d.code, '-', 3) AS integer) AS seq) s"
        " JOIN agency a ON a.id = d.receiving_agency_id"
        " LEFT JOIN dossier_code_counter c"
        "   ON c.agency_id = d.receiving_agency_id AND to_char(c.day, 'YYMMDD') = split_part(d.code, '-', 2)"
        " GROUP BY split_part(d.code, '-', 2), a.code ORDER BY 1");
    CodeCheck check;
    for (const std::string& row : rows) {
        std::istringstream in(row);
        std::string day, agency;
        long long count = 0, min = 0, max = 0, distinct = 0, counter = 0;
        in >> day >> agency >> count >> min >> max >> distinct >> counter;
        const bool ok = in && min == 1 && max == count && distinct == count && counter == count;
        check.ok = check.ok && ok;
        std::ostringstream line;
        line << "  20" << day << "  " << std::left << std::setw(15) << agency << std::right << std::setw(6) << count
             << " dossiers, sequences " << min << ".." << max << " (" << distinct << " distinct), counter " << counter
             << (ok ? "  gap-free" : "  GAP OR DUPLICATE");
        check.lines.push_back(line.str());
    }
    const long long counted = admin.Scalar("SELECT coalesce(sum(last_seq), 0) FROM dossier_code_counter");
    const long long stored = admin.Scalar("SELECT count(*) FROM dossier");
    const bool totalsOk = counted == stored;
    check.ok = check.ok && totalsOk;
    check.lines.push_back("  all counters together " + std::to_string(counted) + ", dossiers " +
                          std::to_string(stored) + (totalsOk ? "  consistent" : "  MISMATCH"));
    return check;
}

// One shape (path and agencies) over every round: the median rate, and latencies over all rounds' submissions.
struct ShapeSummary {
    std::string name;
    std::vector<PhaseResult> rounds;

    double MedianPerSecond() const
    {
        std::vector<double> rates;
        for (const PhaseResult& r : rounds)
            rates.push_back(r.PerSecond());
        std::sort(rates.begin(), rates.end());
        if (rates.empty())
            return 0;
        const std::size_t mid = rates.size() / 2;
        return rates.size() % 2 == 1 ? rates[mid] : (rates[mid - 1] + rates[mid]) / 2;
    }
};

void PrintHeader(std::ostream& out)
{
    out << std::left << std::setw(34) << "phase" << std::right << std::setw(9) << "dossiers" << std::setw(9)
        << "seconds" << std::setw(11) << "per second" << std::setw(9) << "p50 ms" << std::setw(9) << "p95 ms"
        << std::setw(9) << "p99 ms" << std::setw(9) << "max ms" << std::setw(8) << "failed" << '\n';
}

void PrintRow(std::ostream& out, const std::string& name, long long succeeded, double seconds, double perSecond,
              const std::vector<double>& latencies, long long failed, bool timedOut)
{
    const LatencySummary l = Summarise(latencies);
    out << std::left << std::setw(34) << name << std::right << std::setw(9) << succeeded << std::setw(9)
        << Fixed(seconds, 2) << std::setw(11) << Fixed(perSecond, 1) << std::setw(9) << Fixed(l.p50, 2) << std::setw(9)
        << Fixed(l.p95, 2) << std::setw(9) << Fixed(l.p99, 2) << std::setw(9) << Fixed(l.max, 2) << std::setw(8)
        << failed << (timedOut ? "  stopped by --max-seconds" : "") << '\n';
}

void PrintSummary(std::ostream& out, const ShapeSummary& shape)
{
    long long succeeded = 0, failed = 0;
    double seconds = 0;
    bool timedOut = false;
    std::vector<double> latencies;
    for (const PhaseResult& r : shape.rounds) {
        succeeded += r.succeeded;
        failed += r.failed;
        seconds += r.seconds;
        timedOut = timedOut || r.timedOut;
        latencies.insert(latencies.end(), r.latencies.begin(), r.latencies.end());
    }
    PrintRow(out, shape.name, succeeded, seconds, shape.MedianPerSecond(), latencies, failed, timedOut);
}

}  // namespace

int RunSubmissionBench(const SubmissionBenchOptions& options, std::ostream& out)
{
    test::TestDatabase db;
    std::string settings;
    {
        test::SqlConnection admin(db.AdminConninfo());
        settings = admin
                       .Column(
                           "SELECT 'PostgreSQL ' || current_setting('server_version') || ', synchronous_commit '"
                           " || current_setting('synchronous_commit') || ', fsync ' || current_setting('fsync')")
                       .at(0);
    }
    pg::Store store(db.AppConninfo(), static_cast<std::size_t>(options.serverThreads));
    const test::FixtureCatalogue catalogue = test::SeedFixtureCatalogue(store);
    const std::vector<Agency> oneAgency{catalogue.commune};
    const std::vector<Agency> fourAgencies{catalogue.commune, catalogue.otherCommune, catalogue.department,
                                           catalogue.province};
    const Procedure& procedure = catalogue.birthRegistration;
    const DossierCodeFormat format;

    test::SettableClock clock(NineOClock(kWarmUpDay));
    server::ServerConfig config;
    config.listenHost = "127.0.0.1";
    config.listenPort = 0;
    config.threads = options.serverThreads;
    config.publicUrl = "https://dichvucong.bench";
    config.logRequests = false;  // one stderr line per request would measure the terminal
    server::Server server(config, store, clock);
    server.Start();

    out << "Submissions: " << options.clients << " clients x " << options.perClient
        << " dossiers per phase, in-process motcua-server (" << options.serverThreads
        << " threads) on 127.0.0.1:" << server.Port() << ", " << settings << "\n";

    PhaseShape shape{options.clients, options.perClient, std::chrono::seconds(options.maxSeconds), 1};
    int serialBase = 0;
    const auto phase = [&](const std::string& name, Instant now, const std::vector<Agency>& agencies, bool http,
                           int perClient) {
        clock.Set(now);
        PhaseShape s = shape;
        s.perClient = perClient;
        s.agencies = agencies.size();
        const PrepareClient prepare =
            http ? HttpClients(server.Port(), agencies, procedure, serialBase, perClient, now)
                 : DirectClients(store, agencies, procedure, format, serialBase, perClient, now);
        serialBase += options.clients * perClient;
        return RunPhase(name, s, prepare);
    };

    // Opens the pool's connections and warms both paths' caches; not reported.
    for (bool http : {true, false}) {
        const PhaseResult warm = phase("warm-up", NineOClock(kWarmUpDay), fourAgencies, http, kWarmUpPerClient);
        if (warm.failed > 0) {
            out << "warm-up failed: " << warm.firstError << '\n';
            return 1;
        }
    }

    // In every round the same order, baseline before the HTTP path, so slow drift of a shared machine (or of the
    // growing tables) touches both alike; several rounds give medians.
    ShapeSummary httpOne{"(a) HTTP, one agency", {}}, httpFour{"(b) HTTP, four agencies", {}};
    ShapeSummary directOne{"direct, one agency", {}}, directFour{"direct, four agencies", {}};
    std::chrono::sys_days day{kFirstPhaseDay};
    const auto next = [&day] {
        const Instant at = NineOClock(day);
        day += std::chrono::days(1);
        return at;
    };
    if (options.rounds > 1)
        PrintHeader(out);
    for (int round = 1; round <= options.rounds; ++round) {
        const std::string suffix = options.rounds > 1 ? ", round " + std::to_string(round) : "";
        for (auto [summary, agencies, http] :
             {std::tuple{&directOne, &oneAgency, false}, std::tuple{&httpOne, &oneAgency, true},
              std::tuple{&directFour, &fourAgencies, false}, std::tuple{&httpFour, &fourAgencies, true}}) {
            summary->rounds.push_back(phase(summary->name + suffix, next(), *agencies, http, options.perClient));
            const PhaseResult& r = summary->rounds.back();
            if (options.rounds > 1)
                PrintRow(out, r.name, r.succeeded, r.seconds, r.PerSecond(), r.latencies, r.failed, r.timedOut);
            out << std::flush;  // a progress line per phase when the output is piped
        }
    }
    server.Stop();

    if (options.rounds > 1)
        out << "Over the " << options.rounds << " rounds (per second: median; latencies: all submissions):\n";
    PrintHeader(out);
    for (const ShapeSummary* s : {&httpOne, &httpFour, &directOne, &directFour})
        PrintSummary(out, *s);
    out << "ratio (a)/(b), one agency / four agencies, per second: HTTP "
        << Ratio(httpOne.MedianPerSecond(), httpFour.MedianPerSecond()) << ", direct (baseline) "
        << Ratio(directOne.MedianPerSecond(), directFour.MedianPerSecond()) << '\n';
    out << "ratio HTTP / direct Store::CreateDossier (baseline), per second: one agency "
        << Ratio(httpOne.MedianPerSecond(), directOne.MedianPerSecond()) << ", four agencies "
        << Ratio(httpFour.MedianPerSecond(), directFour.MedianPerSecond()) << '\n';

    bool ok = true;
    for (const ShapeSummary* s : {&httpOne, &httpFour, &directOne, &directFour}) {
        for (const PhaseResult& r : s->rounds) {
            if (r.failed > 0) {
                out << r.name << ": " << r.failed << " failed; first error: " << r.firstError << '\n';
                ok = false;
            }
        }
    }
    const CodeCheck codes = CheckCodes(db);
    out << "Dossier codes per receiving agency and day (count = max sequence = counter):\n";
    for (const std::string& line : codes.lines)
        out << line << '\n';
    out << "codes gap-free and unique: " << (codes.ok ? "yes" : "NO") << '\n';
    out << "peak RSS (server, clients and benchmark in one process): " << Fixed(PeakRssMiB(), 1) << " MiB\n";
    return ok && codes.ok ? 0 : 1;
}

}  // namespace motcua::bench
