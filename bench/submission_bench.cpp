#include "bench/submission_bench.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
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
#include <unistd.h>
#include <vector>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include "bench/measurement.h"
#include "bench/pgbench_baseline.h"
#include "model/dossier_code.h"
#include "model/error.h"
#include "model/postgres/store.h"
#include "model/text.h"
#include "model/time.h"
#include "server/server.h"
#include "server/usecases/request_signature.h"
#include "tests/support/fixture_catalogue.h"
#include "tests/support/settable_clock.h"
#include "tests/support/test_database.h"

namespace motcua::bench {
namespace {

constexpr const char* kBenchClient = "bench-app";
constexpr const char* kBenchSecret = "bench-app-secret";
constexpr const char* kBenchClientKey = "101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f";
// A phase's dossiers to one agency share one day's sequence (at most 9999): the HTTP clients of such a phase
// prepare no more than this many between them.
constexpr int kOneAgencyCapacity = 9000;
constexpr int kSpreadCapacity = 30000;
constexpr const char* kBoundary = "MotCuaBenchBoundary-7d41";
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
    int perClient = 0;  // prepared requests per client: the most it can send before the time is up
    std::chrono::seconds limit{0};
    std::size_t agencies = 0;
    double perClientRate = 0;  // > 0: each client sends at this steady rate (requests per second), else flat out
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
            const auto start = SteadyClock::now();
            for (int i = 0; i < shape.perClient; ++i) {
                if (shape.perClientRate > 0) {
                    // Paced: request i is due at start + i / rate (clients start at once, staggered by a fraction).
                    const auto due =
                        start + std::chrono::duration_cast<SteadyClock::duration>(std::chrono::duration<double>(
                                    (i + static_cast<double>(c) / static_cast<double>(clients)) / shape.perClientRate));
                    std::this_thread::sleep_until(due);
                }
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

// The baseline's attachment row: the same bytes, inserted as the server inserts them (size and digest computed
// there). A literal in a statement pgbench prepares is planned once, and PostgreSQL folds decode, octet_length and
// sha256 of it into constants then: that baseline never hashed its 200 KB (0.49 against it). Writing the row's id
// into the bytes (at offset 12, inside the PDF's comment line) makes them a new value in every transaction, so it
// copies, measures and hashes them each time, as the server's insert does; only their transfer to PostgreSQL is
// not repeated, which a pgbench script cannot do.
std::string AttachmentInsert(const std::string& pdf, Instant now)
{
    const std::string hex = ToHex(std::span(reinterpret_cast<const std::uint8_t*>(pdf.data()), pdf.size()));
    return "INSERT INTO dossier_attachment (dossier_id, position, document_position, file_name, media_type, size,"
           " sha256, bytes, created_at) SELECT :id, 1, 0, 'ban-scan.pdf', 'application/pdf', octet_length(b),"
           " sha256(b), b, to_timestamp(" +
           std::to_string(now.time_since_epoch().count()) + ") FROM (SELECT overlay(decode('" + hex +
           "', 'hex') placing int8send(:id) from 12) AS b) AS u;";
}

// The multipart form of a submission whose first document names `pdf` (the contract's form: a part `dossier`, then
// one part per file), written by hand at send time so that no copy of the file is prepared per request.
std::string MultipartBody(const std::string& json, const std::string& pdf)
{
    std::string body;
    body.reserve(json.size() + pdf.size() + 400);
    body += "--" + std::string(kBoundary) +
            "\r\nContent-Disposition: form-data; name=\"dossier\"\r\nContent-Type: application/json\r\n\r\n";
    body += json;
    body += "\r\n--" + std::string(kBoundary) +
            "\r\nContent-Disposition: form-data; name=\"file0\"; filename=\"ban-scan.pdf\"\r\n"
            "Content-Type: application/pdf\r\n\r\n";
    body += pdf;
    body += "\r\n--" + std::string(kBoundary) + "--\r\n";
    return body;
}

// A PDF of `bytes` bytes whose inside is random, as compressed scans are (neither side can compress it away).
std::string RandomPdf(std::size_t bytes)
{
    std::mt19937 random(kPlanSeed);
    std::string pdf = "%PDF-1.4\n% ";
    while (pdf.size() + 7 < bytes)
        pdf.push_back(static_cast<char>(random() & 0xff));
    pdf += "\n%%EOF\n";
    return pdf;
}

// A citizen-app backend: one keep-alive connection per client, as a connection pool would hold; every request
// signed (service call) and carrying its own Idempotency-Key, as the contract asks of a real app.
PrepareClient HttpClients(std::uint16_t port, const std::vector<Agency>& agencies, const Procedure& procedure,
                          int serialBase, int perClient, Instant now, const std::string& secret,
                          const std::shared_ptr<const std::string>& pdf)
{
    return [=, &agencies, &procedure](int client, const std::vector<std::size_t>& plan) -> Submit {
        auto bodies = std::make_shared<std::vector<std::string>>();
        bodies->reserve(plan.size());
        for (std::size_t i = 0; i < plan.size(); ++i) {
            const Agency& agency = agencies[plan[i]];
            const int serial = serialBase + client * perClient + static_cast<int>(i);
            std::string json =
                SubmissionBody(test::MakeNewDossier(procedure, agency, serial, now), procedure.code, agency.code);
            if (pdf) {
                const std::size_t first = json.find(R"("count":)");
                json.insert(json.find('}', first), R"(,"attachment":"ban-scan.pdf")");
            }
            bodies->push_back(std::move(json));
        }
        auto session = std::make_shared<Poco::Net::HTTPClientSession>("127.0.0.1", port);
        session->setKeepAlive(true);
        session->setTimeout(Poco::Timespan(30, 0));
        const std::string timestamp = std::to_string(now.time_since_epoch().count());
        return [session, bodies, timestamp, secret, client, pdf](int i) {
            const std::string& json = (*bodies)[static_cast<std::size_t>(i)];
            const std::string body = pdf ? MultipartBody(json, *pdf) : json;
            const std::string path = "/citizen/v1/dossiers";
            Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, path, Poco::Net::HTTPMessage::HTTP_1_1);
            request.setKeepAlive(true);
            request.setContentType(pdf ? "multipart/form-data; boundary=" + std::string(kBoundary)
                                       : std::string("application/json"));
            request.setContentLength64(static_cast<Poco::Int64>(body.size()));
            for (const auto& [name, value] :
                 server::SignatureHeaderValues(kBenchClient, secret, {"POST", path, timestamp, "", body}))
                request.set(name, value);
            request.set("Idempotency-Key",
                        "bench-" + timestamp + "-" + std::to_string(client) + "-" + std::to_string(i));
            std::ostream& out = session->sendRequest(request);
            // As most HTTP clients do: without it, the body (written after the head) waits for the head's
            // acknowledgement, which the server's kernel may delay by up to 40 ms. Set on every request, since a
            // dropped keep-alive connection comes back as a new socket (Poco connects in sendRequest).
            session->socket().setNoDelay(true);
            out << body;
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

void PrintHeader(std::ostream& out)
{
    out << std::left << std::setw(46) << "phase" << std::right << std::setw(9) << "dossiers" << std::setw(9)
        << "seconds" << std::setw(11) << "per second" << std::setw(9) << "p50 ms" << std::setw(9) << "p95 ms"
        << std::setw(9) << "p99 ms" << std::setw(9) << "max ms" << std::setw(8) << "failed" << '\n';
}

void PrintRow(std::ostream& out, const std::string& name, long long succeeded, double seconds, double perSecond,
              const std::vector<double>& latencies, long long failed, bool timedOut)
{
    const LatencySummary l = Summarise(latencies);
    out << std::left << std::setw(46) << name << std::right << std::setw(9) << succeeded << std::setw(9)
        << Fixed(seconds, 2) << std::setw(11) << Fixed(perSecond, 1) << std::setw(9) << Fixed(l.p50, 2) << std::setw(9)
        << Fixed(l.p95, 2) << std::setw(9) << Fixed(l.p99, 2) << std::setw(9) << Fixed(l.max, 2) << std::setw(8)
        << failed << (timedOut ? "" : "  (ran out of prepared requests)") << '\n';
}

// One measured shape: the baseline (pgbench) and the HTTP path with the same clients, agencies and rows.
struct ShapeResult {
    std::string name;
    int clients = 0;
    bool oneAgency = false;
    PgbenchResult baseline;
    PhaseResult http;
    double Ratio() const { return baseline.perSecond > 0 ? http.PerSecond() / baseline.perSecond : 0; }
};

}  // namespace

int RunSubmissionBench(const SubmissionBenchOptions& options, std::ostream& out)
{
    const std::string pgbench = FindPgbench();
    if (pgbench.empty()) {
        out << "pgbench is not installed (postgresql package): the baseline cannot run\n";
        return 1;
    }
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
    const int maxClients = *std::max_element(options.clientCounts.begin(), options.clientCounts.end());
    const int threads = options.serverThreads > 0 ? options.serverThreads : std::max(8, maxClients + 4);
    pg::Store store(db.AppConninfo(), static_cast<std::size_t>(threads));
    store.SetDefaultScope(pg::AccessScope::All());
    const test::FixtureCatalogue catalogue = test::SeedFixtureCatalogue(store);
    const std::vector<Agency> oneAgency{catalogue.commune};
    const std::vector<Agency> fourAgencies{catalogue.commune, catalogue.otherCommune, catalogue.department,
                                           catalogue.province};
    const Procedure& procedure = catalogue.birthRegistration;

    test::SettableClock clock(NineOClock(kWarmUpDay));
    server::ServerConfig config;
    config.listenHost = "127.0.0.1";
    config.listenPort = 0;
    config.threads = threads;
    config.publicUrl = "https://dichvucong.bench";
    config.logRequests = false;  // one stderr line per request would measure the terminal
    config.clientKeyHex = kBenchClientKey;
    config.citizenConcurrency = threads;  // only citizen traffic here: no share kept for the desk
    config.housekeepingInterval = std::chrono::seconds{0};
    config.closingInterval = std::chrono::seconds{0};
    // The bench's client has no callback: a running dispatcher would only mark events delivered, and would do it for
    // the baseline's rows (the same trigger writes them) during the next HTTP phase.
    config.outboxInterval = std::chrono::seconds{0};
    server::Server server(config, store, clock);
    pg::ApiClient app;
    app.code = kBenchClient;
    app.sealedSecret = server.Authenticator().Box().Seal(kBenchSecret);
    const std::int64_t clientId = store.SaveApiClient(app);
    server.Start();

    const std::filesystem::path work =
        std::filesystem::temp_directory_path() / ("motcua-bench-" + std::to_string(getpid()));
    std::filesystem::create_directories(work);

    out << "Submissions: in-process motcua-server (" << threads << " threads) on 127.0.0.1:" << server.Port() << ", "
        << settings << "; " << options.seconds << " s per phase\n"
        << "Baseline: pgbench (" << pgbench << ") inserting the same rows (dossier, form, documents, history,"
        << " code counter; the attachment too where there is one) in one transaction, on the same database\n";

    std::chrono::sys_days day{kFirstPhaseDay};
    int serialBase = 0;
    const std::shared_ptr<const std::string> pdf =
        options.attachmentBytes > 0 ? std::make_shared<const std::string>(RandomPdf(options.attachmentBytes)) : nullptr;
    const auto httpPhase = [&](const std::string& name, int clients, const std::vector<Agency>& agencies,
                               double perClientRate, int seconds, bool attach) {
        const Instant now = NineOClock(day);
        day += std::chrono::days(1);
        clock.Set(now);
        const int capacity = agencies.size() == 1 ? kOneAgencyCapacity : kSpreadCapacity;
        PhaseShape s{clients, capacity / clients, std::chrono::seconds(seconds), agencies.size(), perClientRate};
        const PrepareClient prepare = HttpClients(server.Port(), agencies, procedure, serialBase, s.perClient, now,
                                                  kBenchSecret, attach ? pdf : nullptr);
        serialBase += clients * s.perClient;
        return RunPhase(name, s, prepare);
    };
    const auto baselinePhase = [&](int clients, const std::vector<Agency>& agencies, bool attach) {
        PgbenchShape shape;
        if (attach)
            shape.attachmentSql = AttachmentInsert(*pdf, NineOClock(day));
        shape.clients = clients;
        shape.seconds = options.seconds;
        shape.agencies = agencies;
        shape.procedureId = procedure.id;
        shape.clientId = clientId;
        shape.now = NineOClock(day);
        day += std::chrono::days(1);
        return RunPgbench(pgbench, db.AppConninfo(), shape, work.string());
    };

    // Opens the pool's connections and warms the caches; not reported.
    const PhaseResult warm = httpPhase("warm-up", maxClients, fourAgencies, 0, 2, pdf != nullptr);
    if (warm.failed > 0) {
        out << "warm-up failed: " << warm.firstError << '\n';
        return 1;
    }

    test::SqlConnection admin(db.AdminConninfo());
    std::vector<ShapeResult> shapes;
    for (int clients : options.clientCounts) {
        for (const auto& [one, attach] :
             {std::pair{false, false}, std::pair{true, false}, std::pair{false, true}, std::pair{true, true}}) {
            if (attach && !pdf)
                continue;
            ShapeResult r;
            r.clients = clients;
            r.oneAgency = one;
            r.name = std::to_string(clients) + " clients, " + (one ? "one agency" : "four agencies") +
                     (attach ? ", " + std::to_string(options.attachmentBytes / 1024) + " KB file" : "");
            // Each side starts right after a checkpoint, so that neither pays for one (every 5 minutes by default:
            // whole pages written to the WAL, then flushed) that fell inside its phase and not the other's.
            admin.Execute("CHECKPOINT");
            // All to one agency, the daily counter serialises the inserts: the baseline is one pgbench client.
            r.baseline = baselinePhase(one ? 1 : clients, one ? oneAgency : fourAgencies, attach);
            admin.Execute("CHECKPOINT");
            r.http = httpPhase("HTTP, " + r.name, clients, one ? oneAgency : fourAgencies, 0, options.seconds, attach);
            out << "  measured " << r.name << ": baseline " << Fixed(r.baseline.perSecond, 1) << "/s, HTTP "
                << Fixed(r.http.PerSecond(), 1) << "/s\n"
                << std::flush;
            shapes.push_back(std::move(r));
        }
    }

    // At half the best HTTP rate of the first shape (spread over agencies), paced: the latency a client sees when
    // the server is not saturated.
    const ShapeResult& reference = shapes.front();
    const double halfRate = reference.http.PerSecond() / 2;
    admin.Execute("CHECKPOINT");
    const PhaseResult paced = httpPhase("HTTP paced at half the maximum", reference.clients, fourAgencies,
                                        halfRate / reference.clients, options.seconds, false);
    server.Stop();

    PrintHeader(out);
    bool ok = true;
    for (const ShapeResult& r : shapes) {
        PrintRow(out, "HTTP, " + r.name, r.http.succeeded, r.http.seconds, r.http.PerSecond(), r.http.latencies,
                 r.http.failed, r.http.timedOut);
        out << std::left << std::setw(46)
            << ("pgbench, " + std::string(r.oneAgency ? "1 client" : std::to_string(r.clients) + " clients") +
                (r.oneAgency ? ", one agency" : ", four agencies"))
            << std::right << std::setw(9) << r.baseline.transactions << std::setw(9) << options.seconds << std::setw(11)
            << Fixed(r.baseline.perSecond, 1) << "  (average latency " << Fixed(r.baseline.latencyMs, 2) << " ms)\n";
        if (!r.baseline.error.empty()) {
            out << "  pgbench failed: " << r.baseline.error << '\n';
            ok = false;
        }
    }
    PrintRow(out, paced.name, paced.succeeded, paced.seconds, paced.PerSecond(), paced.latencies, paced.failed, true);

    out << "Targets:\n";
    for (const ShapeResult& r : shapes) {
        const double ratio = r.Ratio();
        out << "  " << std::left << std::setw(30) << r.name << std::right << " HTTP / baseline " << Fixed(ratio, 2)
            << (ratio >= 0.70 ? "  meets" : "  BELOW") << " the 0.70 target\n";
    }
    const double p99 = Summarise(paced.latencies).p99;
    out << "  p99 at half the maximum rate (" << Fixed(halfRate, 0) << "/s): " << Fixed(p99, 2) << " ms"
        << (p99 < 50 ? "  meets" : "  ABOVE") << " the 50 ms target\n";

    for (const ShapeResult& r : shapes)
        if (r.http.failed > 0) {
            out << "HTTP, " << r.name << ": " << r.http.failed << " failed; first error: " << r.http.firstError << '\n';
            ok = false;
        }
    if (paced.failed > 0) {
        out << "paced: " << paced.failed << " failed; first error: " << paced.firstError << '\n';
        ok = false;
    }
    const CodeCheck codes = CheckCodes(db);
    out << "codes gap-free and unique per agency and day: " << (codes.ok ? "yes" : "NO") << '\n';
    if (!codes.ok)
        for (const std::string& line : codes.lines)
            out << line << '\n';
    out << "peak RSS (server, clients and benchmark in one process): " << Fixed(PeakRssMiB(), 1) << " MiB\n";
    std::filesystem::remove_all(work);
    return ok && codes.ok ? 0 : 1;
}

}  // namespace motcua::bench
