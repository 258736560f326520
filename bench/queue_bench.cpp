#include "bench/queue_bench.h"

#include <iomanip>
#include <map>
#include <stdexcept>
#include <vector>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include "bench/measurement.h"
#include "model/postgres/store.h"
#include "server/server.h"
#include "server/usecases/session_service.h"
#include "tests/support/settable_clock.h"
#include "tests/support/test_database.h"

namespace motcua::bench {
namespace {

// The generator's "now" (scripts/bench.sh generate): Friday 27 November 2026, 09:30 in Vietnam.
constexpr std::int64_t kGeneratedNow = 1795746600;
// Agencies of the generated province: 1 is the busiest (about 3 % of all dossiers), 100 a typical ward.
constexpr std::int64_t kBusiestAgency = 1;
constexpr std::int64_t kTypicalAgency = 100;

class Client {
public:
    Client(int port, std::string token)
        : m_session("127.0.0.1", static_cast<Poco::UInt16>(port)),
          m_token(std::move(token))
    {
        m_session.setKeepAlive(true);
    }

    // GET `path`; the JSON body. Throws on a status other than 200.
    Poco::JSON::Object::Ptr Get(const std::string& path, double& milliseconds)
    {
        Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, path, Poco::Net::HTTPMessage::HTTP_1_1);
        request.setKeepAlive(true);
        request.set("Authorization", "Bearer " + m_token);
        const SteadyClock::time_point start = SteadyClock::now();
        m_session.sendRequest(request);
        Poco::Net::HTTPResponse response;
        std::istream& in = m_session.receiveResponse(response);
        std::string body;
        Poco::StreamCopier::copyToString(in, body);
        milliseconds = Milliseconds(SteadyClock::now() - start);
        if (response.getStatus() != Poco::Net::HTTPResponse::HTTP_OK)
            throw std::runtime_error("GET " + path + ": HTTP " +
                                     std::to_string(static_cast<int>(response.getStatus())) + " " +
                                     body.substr(0, 300));
        return Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
    }

private:
    Poco::Net::HTTPClientSession m_session;
    std::string m_token;
};

std::string Encoded(const std::string& text)
{
    std::string out;
    Poco::URI::encode(text, "!#$&'()*+,/:;=?@[] ", out);
    return out;
}

struct Figure {
    std::string label;
    LatencySummary latency;
    double target = 0;  // ms; 0: none
};

class Runner {
public:
    Runner(Client& client, int rounds) : m_client(client), m_rounds(rounds) {}

    // Times `path` (`rounds` times after two warm-up calls); returns the last answer.
    Poco::JSON::Object::Ptr Time(const std::string& label, const std::string& path, double target)
    {
        std::vector<double> samples;
        Poco::JSON::Object::Ptr last;
        for (int i = 0; i < m_rounds + 2; ++i) {
            double ms = 0;
            last = m_client.Get(path, ms);
            if (i >= 2)
                samples.push_back(ms);
        }
        figures.push_back({label, Summarise(samples), target});
        return last;
    }

    std::vector<Figure> figures;

private:
    Client& m_client;
    int m_rounds;
};

std::string FirstText(test::SqlConnection& sql, const std::string& query)
{
    const std::vector<std::string> rows = sql.Column(query);
    if (rows.empty())
        throw std::runtime_error("the generated database has no row for: " + query);
    return rows[0];
}

void BenchAgency(Runner& run, test::SqlConnection& sql, std::int64_t agency)
{
    const std::string a = std::to_string(agency);
    const std::string id = FirstText(sql, "SELECT CAST(max(id) AS text) FROM dossier WHERE handling_agency_id = " + a);
    run.Time("baseline: detail by id (primary key)", "/staff/v1/dossiers/" + id, 0);
    run.Time("counts of the nine queues", "/staff/v1/queues", 5);
    for (const char* queue : {"mine", "intake", "due_soon", "overdue", "waiting_citizen", "waiting_agency",
                              "awaiting_approval", "to_hand_over", "finished"}) {
        const std::string path = std::string("/staff/v1/queues/") + queue + "?limit=50";
        const Poco::JSON::Object::Ptr first = run.Time(std::string("queue ") + queue + ", first page", path, 5);
        if (!first->isNull("next"))
            run.Time(std::string("queue ") + queue + ", next page",
                     path + "&after=" + first->getValue<std::string>("next"), 5);
    }
    for (const char* order : {"sort=received&order=desc", "sort=code"}) {
        const std::string path = std::string("/staff/v1/queues/finished?limit=50&") + order;
        const Poco::JSON::Object::Ptr first = run.Time(std::string("queue finished, ") + order, path, 5);
        if (!first->isNull("next"))
            run.Time(std::string("queue finished, ") + order + ", next page",
                     path + "&after=" + first->getValue<std::string>("next"), 5);
    }
    const std::string row = " FROM dossier WHERE handling_agency_id = " + a + " AND id = " + id;
    const std::string rare = FirstText(sql, "SELECT applicant_name FROM dossier WHERE handling_agency_id = " + a +
                                                " AND applicant_name LIKE 'Quách %' ORDER BY id LIMIT 1");
    const std::vector<std::pair<std::string, std::string>> searches{
        {"dossier code", FirstText(sql, "SELECT code" + row)},
        {"citizen ID", FirstText(sql, "SELECT citizen_id" + row)},
        {"phone", FirstText(sql, "SELECT phone" + row)},
        {"common family name 'nguyen'", "nguyen"},
        {"common family name 'Trần'", "Trần"},
        {"short common word 'le'", "le"},
        {"common two-word fragment 'van hung'", "van hung"},
        {"common two-word fragment 'thị thu'", "thị thu"},
        {"common full name 'nguyen thi anh'", "nguyen thi anh"},
        {"full name with diacritics 'Nguyễn Văn Hùng'", "Nguyễn Văn Hùng"},
        {"rare name '" + rare + "'", rare},
    };
    for (const auto& [label, q] : searches) {
        const Poco::JSON::Object::Ptr first =
            run.Time("search " + label, "/staff/v1/dossiers?limit=50&q=" + Encoded(q), 150);
        if (!first->isNull("next"))
            run.Time("search " + label + ", next page",
                     "/staff/v1/dossiers?limit=50&q=" + Encoded(q) + "&after=" + first->getValue<std::string>("next"),
                     150);
    }
    run.Time("search: filters only (status 10, one year)",
             "/staff/v1/dossiers?limit=50&status=10&from=2025-01-01&to=2025-12-31", 150);
}

void Print(const std::vector<Figure>& figures, std::ostream& out)
{
    const double baseline = figures.empty() ? 0 : figures.front().latency.p50;
    out << std::left << std::setw(64) << "figure (server time over HTTP, ms)" << std::right << std::setw(9) << "median"
        << std::setw(9) << "p95" << std::setw(10) << "/baseline" << std::setw(9) << "target"
        << "\n";
    for (const Figure& f : figures) {
        const bool met = f.target <= 0 || f.latency.p95 < f.target;
        out << std::left << std::setw(64) << f.label << std::right << std::setw(9) << Fixed(f.latency.p50, 2)
            << std::setw(9) << Fixed(f.latency.p95, 2) << std::setw(10) << Ratio(f.latency.p50, baseline)
            << std::setw(9) << (f.target > 0 ? "<" + Fixed(f.target, 0) : std::string("")) << (met ? "" : "  MISSED")
            << "\n";
    }
}

}  // namespace

int RunQueueBench(const QueueBenchOptions& options, std::ostream& out)
{
    pg::Store store(options.conninfo, 4);
    store.SetDefaultScope(pg::AccessScope::All());
    test::SettableClock clock(Instant{std::chrono::seconds{kGeneratedNow}});
    server::ServerConfig config;
    config.listenHost = "127.0.0.1";
    config.listenPort = 0;
    config.threads = 4;
    config.publicUrl = "https://dichvucong.bench";
    config.logRequests = false;
    config.housekeepingInterval = std::chrono::seconds{0};
    config.closingInterval = std::chrono::seconds{0};
    server::Server server(config, store, clock);
    server.Start();

    test::SqlConnection sql(options.conninfo);
    const long long dossiers = sql.Scalar("SELECT CAST(reltuples AS bigint) FROM pg_class WHERE relname = 'dossier'");
    const long long names = sql.Scalar("SELECT count(*) FROM dossier_name");
    out << "Queues and search: in-process motcua-server on 127.0.0.1:" << server.Port() << ", about " << dossiers
        << " dossiers, " << names << " distinct names; " << options.rounds << " requests per figure\n";
    int status = 0;
    for (const std::int64_t agency : {kBusiestAgency, kTypicalAgency}) {
        const long long own =
            sql.Scalar("SELECT count(*) FROM dossier WHERE handling_agency_id = " + std::to_string(agency));
        const long long open =
            sql.Scalar("SELECT count(*) FROM dossier WHERE handling_agency_id = " + std::to_string(agency) +
                       " AND status IN (1, 2, 4, 5, 6, 7, 9)");
        // A handler of the agency (the generator's staff numbering), signed in by a session row written here.
        std::string token = "benchQueues" + std::to_string(agency);
        token.resize(43, 'A');  // the shape of a real token (32 bytes in base64url), which the server checks first
        sql.Execute("DELETE FROM staff_session WHERE token_hash = '" + server::SessionService::HashToken(token) +
                    "'; INSERT INTO staff_session (token_hash, staff_id, expires_at) VALUES ('" +
                    server::SessionService::HashToken(token) + "', " + std::to_string(5 * (agency - 1) + 2) +
                    ", now() + interval '1 day')");
        out << "\nAgency " << agency << (agency == kBusiestAgency ? " (the busiest)" : " (a typical ward)") << ": "
            << own << " dossiers, " << open << " open\n";
        try {
            Client client(server.Port(), token);
            Runner run(client, options.rounds);
            BenchAgency(run, sql, agency);
            Print(run.figures, out);
        } catch (const std::exception& e) {
            out << "FAILED: " << e.what() << "\n";
            status = 1;
        }
    }
    server.Stop();
    return status;
}

}  // namespace motcua::bench
