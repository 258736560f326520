// motcua-bench: MotCua's speed and memory benchmarks; each prints its figures and a ratio to a baseline of the same
// run.
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "bench/bench_options.h"
#include "bench/events_bench.h"
#include "bench/kpi_bench.h"
#include "bench/queue_bench.h"
#include "bench/receipt_bench.h"
#include "bench/sign_bench.h"
#include "bench/submission_bench.h"
#include "model/error.h"

#ifndef MOTCUA_VERSION
#define MOTCUA_VERSION "0"
#endif

namespace {

const char* Usage()
{
    return "usage: motcua-bench <command> [options]\n"
           "\n"
           "  submissions [--clients 4,16] [--seconds 10] [--server-threads N] [--attachment-kb 200]\n"
           "      signed HTTP citizen API -> in-process motcua-server -> PostgreSQL, spread over four agencies\n"
           "      and all to one, against pgbench inserting the same rows at the same concurrency (one\n"
           "      client for one agency), without and with one PDF attachment (0 KB: without only); then\n"
           "      paced at half the maximum rate for p99. Checks the codes.\n"
           "      Needs MOTCUA_TEST_PG (admin conninfo of a PostgreSQL cluster; scripts/bench.sh sets it).\n"
           "  receipt [--seconds 2]\n"
           "      RenderReceipt (form 01) against a bare libharu page of the same text; peak RSS.\n"
           "  sign [--seconds 2] [--batch 300] [--openssl-runs 100] [--out FOLDER]\n"
           "      receipts rendered/s; result documents (shipped templates) generated against a bare libharu page of\n"
           "      the same text, signed and generated + signed/s with RSA-2048 and P-256 file keys and SoftHSM 2\n"
           "      token keys; generated + signed + timestamped/s (PAdES B-T, a local TSA over HTTP); a batch of\n"
           "      results; signed sizes; `openssl cms -sign` started once per document.\n"
           "      --out writes the unsigned and signed documents into FOLDER (an existing folder) to look at.\n"
           "  events [--streams 2000] [--seconds 10] [--rate 5]\n"
           "      2000 open staff event streams (GET /staff/v1/events) against an in-process motcua-server while "
           "paper\n"
           "      intakes are committed at --rate per second (two events each): threads, RSS, event latency, and an\n"
           "      ordinary request beside the streams against the same request with none open. Needs MOTCUA_TEST_PG.\n"
           "  queues --db CONNINFO [--rounds 30]\n"
           "      server time of every work queue's first and next page, the queue counts and searches (code,\n"
           "      citizen ID, phone, common and rare names, with and without diacritics) over HTTP on a database\n"
           "      filled by scripts/bench.sh generate, for the busiest agency and a typical one, against a\n"
           "      primary-key lookup (dossier detail) over HTTP.\n"
           "  kpis --db CONNINFO [--rounds 20] [--naive-rounds 2 (0: not run)]\n"
           "      the managers' dashboard on a generated database migrated to 0024: a province-wide year, one ward's\n"
           "      month and the province's last twelve months per procedure, from the KPI summary against the naive\n"
           "      GROUP BY over the dossier tables (Store::KpisNaive), with their ratio; checks both agree.\n"
           "  help\n"
           "\n"
           "help (--help) prints this text; --version the version.\n"
           "Exit codes: 0 success, 1 failure (an error, a failed submission, a gap in the codes), 2 usage error.\n";
}

using motcua::bench::BenchOptions;

int Submissions(const std::vector<std::string>& args)
{
    const BenchOptions o = BenchOptions::Parse(args, {"--clients", "--seconds", "--server-threads", "--attachment-kb"});
    motcua::bench::SubmissionBenchOptions options;
    if (const std::optional<std::string> list = o.Text("--clients")) {
        options.clientCounts.clear();
        std::stringstream in(*list);
        for (std::string item; std::getline(in, item, ',');) {
            char* end = nullptr;
            const long value = std::strtol(item.c_str(), &end, 10);
            if (item.empty() || *end != '\0' || value < 1 || value > 64)
                throw BenchOptions::UsageError("--clients takes counts from 1 to 64 separated by commas, e.g. 4,16");
            options.clientCounts.push_back(static_cast<int>(value));
        }
    }
    options.seconds = static_cast<int>(o.Integer("--seconds", 1, 600, options.seconds));
    options.serverThreads = static_cast<int>(o.Integer("--server-threads", 0, 256, options.serverThreads));
    options.attachmentBytes = static_cast<std::size_t>(o.Integer("--attachment-kb", 0, 10000, 200)) * 1024;
    const char* cluster = std::getenv("MOTCUA_TEST_PG");
    if (cluster == nullptr || *cluster == '\0') {
        std::cerr << "motcua-bench submissions: MOTCUA_TEST_PG is not set; it must hold the admin conninfo of a "
                     "PostgreSQL cluster. scripts/bench.sh starts a private one and sets it.\n";
        return 1;
    }
    return motcua::bench::RunSubmissionBench(options, std::cout);
}

int Events(const std::vector<std::string>& args)
{
    const BenchOptions o = BenchOptions::Parse(args, {"--streams", "--seconds", "--rate"});
    motcua::bench::EventsBenchOptions options;
    options.streams = static_cast<int>(o.Integer("--streams", 1, 10000, options.streams));
    options.seconds = static_cast<int>(o.Integer("--seconds", 1, 600, options.seconds));
    options.eventsPerSecond = o.Number("--rate", 0.1, 200, options.eventsPerSecond);
    const char* cluster = std::getenv("MOTCUA_TEST_PG");
    if (cluster == nullptr || *cluster == '\0') {
        std::cerr << "motcua-bench events: MOTCUA_TEST_PG is not set; scripts/bench.sh starts a cluster and sets it.\n";
        return 1;
    }
    return motcua::bench::RunEventsBench(options, std::cout);
}

int Queues(const std::vector<std::string>& args)
{
    const BenchOptions o = BenchOptions::Parse(args, {"--db", "--rounds"});
    motcua::bench::QueueBenchOptions options;
    const std::optional<std::string> db = o.Text("--db");
    if (!db || db->empty())
        throw BenchOptions::UsageError("queues needs --db CONNINFO (the database scripts/bench.sh generate filled)");
    options.conninfo = *db;
    options.rounds = static_cast<int>(o.Integer("--rounds", 1, 1000, options.rounds));
    return motcua::bench::RunQueueBench(options, std::cout);
}

int Kpis(const std::vector<std::string>& args)
{
    const BenchOptions o = BenchOptions::Parse(args, {"--db", "--rounds", "--naive-rounds"});
    motcua::bench::KpiBenchOptions options;
    const std::optional<std::string> db = o.Text("--db");
    if (!db || db->empty())
        throw BenchOptions::UsageError("kpis needs --db CONNINFO (a generated database migrated to 0024)");
    options.conninfo = *db;
    options.rounds = static_cast<int>(o.Integer("--rounds", 1, 1000, options.rounds));
    options.naiveRounds = static_cast<int>(o.Integer("--naive-rounds", 0, 100, options.naiveRounds));
    return motcua::bench::RunKpiBench(options, std::cout);
}

int Receipt(const std::vector<std::string>& args)
{
    const BenchOptions o = BenchOptions::Parse(args, {"--seconds"});
    motcua::bench::ReceiptBenchOptions options;
    options.seconds = o.Number("--seconds", 0.1, 600, options.seconds);
    return motcua::bench::RunReceiptBench(options, std::cout);
}

int Sign(const std::vector<std::string>& args)
{
    const BenchOptions o = BenchOptions::Parse(args, {"--seconds", "--batch", "--openssl-runs", "--out"});
    motcua::bench::SignBenchOptions options;
    options.seconds = o.Number("--seconds", 0.1, 600, options.seconds);
    options.batch = static_cast<int>(o.Integer("--batch", 1, 100000, options.batch));
    options.opensslRuns = static_cast<int>(o.Integer("--openssl-runs", 1, 10000, options.opensslRuns));
    options.outputFolder = o.Text("--out").value_or("");
    return motcua::bench::RunSignBench(options, std::cout);
}

}  // namespace

int main(int argc, char** argv)
{
    const std::vector<std::string> args(argv + (argc > 0 ? 1 : 0), argv + argc);
    const std::string command = args.empty() ? std::string() : args[0];
    const std::vector<std::string> rest(args.empty() ? args.end() : args.begin() + 1, args.end());
    try {
        if (command == "submissions")
            return Submissions(rest);
        if (command == "receipt")
            return Receipt(rest);
        if (command == "sign")
            return Sign(rest);
        if (command == "events")
            return Events(rest);
        if (command == "queues")
            return Queues(rest);
        if (command == "kpis")
            return Kpis(rest);
        if (command == "help" || command == "--help" || command == "-h") {
            std::cout << Usage();
            return 0;
        }
        if (command == "version" || command == "--version") {
            std::cout << "motcua-bench " MOTCUA_VERSION "\n";
            return 0;
        }
        throw BenchOptions::UsageError(command.empty() ? "no command given" : "unknown command '" + command + "'");
    } catch (const BenchOptions::UsageError& e) {
        std::cerr << "motcua-bench: " << e.what() << "\n\n" << Usage();
        return 2;
    } catch (const motcua::Error& e) {
        std::cerr << "motcua-bench " << command << ": " << e.what();
        if (!e.Field().empty())
            std::cerr << " (" << e.Field() << ')';
        if (!e.Detail().empty())
            std::cerr << ": " << e.Detail();
        std::cerr << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "motcua-bench " << command << ": " << e.what() << '\n';
        return 1;
    }
}
