// motcua-bench: MotCua's speed and memory benchmarks; each prints its figures and a ratio to a baseline of the same
// run.
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "bench/bench_options.h"
#include "bench/receipt_bench.h"
#include "bench/submission_bench.h"
#include "model/dossier_code.h"
#include "model/error.h"

namespace {

const char* Usage()
{
    return "usage: motcua-bench <command> [options]\n"
           "\n"
           "  submissions [--clients 4] [--per-client 500] [--max-seconds 120] [--server-threads 8]\n"
           "              [--rounds 3]\n"
           "      HTTP citizen API -> in-process motcua-server -> PostgreSQL, to one agency and to four,\n"
           "      against Store::CreateDossier called directly; checks the codes are gap-free.\n"
           "      Each round runs the four phases on new days; with several, rates are medians.\n"
           "      Needs MOTCUA_TEST_PG (admin conninfo of a PostgreSQL cluster; scripts/bench.sh sets it).\n"
           "  receipt [--seconds 2]\n"
           "      RenderReceipt (form 01) against a bare libharu page of the same text; peak RSS.\n"
           "  help\n"
           "\n"
           "Exit codes: 0 success, 1 failure (an error, a failed submission, a gap in the codes), 2 usage error.\n";
}

using motcua::bench::BenchOptions;

int Submissions(const std::vector<std::string>& args)
{
    const BenchOptions o =
        BenchOptions::Parse(args, {"--clients", "--per-client", "--max-seconds", "--server-threads", "--rounds"});
    motcua::bench::SubmissionBenchOptions options;
    options.clients = static_cast<int>(o.Integer("--clients", 1, 64, options.clients));
    // All of one phase's dossiers may go to one agency on one day, whose sequence has MaxSequence() numbers.
    const int maxPerDay = motcua::DossierCodeFormat().MaxSequence();
    options.perClient = static_cast<int>(o.Integer("--per-client", 1, maxPerDay / options.clients, options.perClient));
    options.maxSeconds = static_cast<int>(o.Integer("--max-seconds", 1, 3600, options.maxSeconds));
    options.rounds = static_cast<int>(o.Integer("--rounds", 1, 10, options.rounds));
    // Each keep-alive client connection holds one server worker, so fewer workers than clients would stall.
    options.serverThreads =
        static_cast<int>(o.Integer("--server-threads", options.clients, 256, std::max(8, options.clients)));
    const char* cluster = std::getenv("MOTCUA_TEST_PG");
    if (cluster == nullptr || *cluster == '\0') {
        std::cerr << "motcua-bench submissions: MOTCUA_TEST_PG is not set; it must hold the admin conninfo of a "
                     "PostgreSQL cluster. scripts/bench.sh starts a private one and sets it.\n";
        return 1;
    }
    return motcua::bench::RunSubmissionBench(options, std::cout);
}

int Receipt(const std::vector<std::string>& args)
{
    const BenchOptions o = BenchOptions::Parse(args, {"--seconds"});
    motcua::bench::ReceiptBenchOptions options;
    options.seconds = o.Number("--seconds", 0.1, 600, options.seconds);
    return motcua::bench::RunReceiptBench(options, std::cout);
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
        if (command == "help" || command == "--help" || command == "-h") {
            std::cout << Usage();
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
