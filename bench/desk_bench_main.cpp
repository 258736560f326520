// motcua-desk-bench: the desk's own benchmark (scripts/bench.sh desk). `run` measures and prints; `bare` and `desk`
// are the processes it starts and times. Apart from motcua-bench because it links wx and needs a display.
#include <iostream>
#include <string>
#include <vector>

#include "bench/bench_options.h"
#include "bench/desk_bench.h"
#include "bench/desk_bench_child.h"
#include "model/error.h"

namespace {

const char* Usage()
{
    return "usage: motcua-desk-bench run --db CONNINFO --server MOTCUA_SERVER --calendar FILE [--rounds 5]\n"
           "                         [--pages 20] [--changes 10]\n"
           "      starts MOTCUA_SERVER on the database scripts/bench.sh generate filled, gives the clerks of the\n"
           "      busiest agency and of a typical one a password, and times the desk (this executable again, one\n"
           "      process per launch) for both: launch to the usual queue's first rows against a bare wx frame,\n"
           "      the next page against a GET by primary key, a citizen's submission shown live (the desk open)\n"
           "      against a raw event-stream client, and peak memory against the bare frame's. Needs a display.\n"
           "  motcua-desk-bench bare | desk --port N --user NAME --password TEXT [--pages N] [--changes N\n"
           "                         --client CODE --secret TEXT --procedure CODE --agency CODE]\n"
           "      the processes `run` starts (lines on stdout)\n";
}

using motcua::bench::BenchOptions;

}  // namespace

int main(int argc, char** argv)
{
    motcua::bench::MarkMainStart();
    const std::vector<std::string> args(argv + (argc > 0 ? 1 : 0), argv + argc);
    const std::string command = args.empty() ? std::string() : args[0];
    const std::vector<std::string> rest(args.empty() ? args.end() : args.begin() + 1, args.end());
    try {
        if (command == "bare")
            return motcua::bench::RunBareChild(1, argv);
        if (command == "desk") {
            const BenchOptions o = BenchOptions::Parse(rest, {"--port", "--user", "--password", "--pages", "--changes",
                                                              "--client", "--secret", "--procedure", "--agency"});
            motcua::bench::DeskChildOptions options;
            options.port = static_cast<int>(o.Integer("--port", 1, 65535, 0));
            options.user = o.Text("--user").value_or("");
            options.password = o.Text("--password").value_or("");
            options.pages = static_cast<int>(o.Integer("--pages", 0, 1000, 0));
            options.changes = static_cast<int>(o.Integer("--changes", 0, 1000, 0));
            options.client = o.Text("--client").value_or("");
            options.secret = o.Text("--secret").value_or("");
            options.procedureCode = o.Text("--procedure").value_or("");
            options.agencyCode = o.Text("--agency").value_or("");
            return motcua::bench::RunDeskChild(1, argv, options);
        }
        if (command == "run") {
            const BenchOptions o =
                BenchOptions::Parse(rest, {"--db", "--server", "--calendar", "--rounds", "--pages", "--changes"});
            motcua::bench::DeskBenchOptions options;
            options.conninfo = o.Text("--db").value_or("");
            options.serverPath = o.Text("--server").value_or("");
            options.calendar = o.Text("--calendar").value_or("");
            if (options.conninfo.empty() || options.serverPath.empty() || options.calendar.empty())
                throw BenchOptions::UsageError("run needs --db, --server and --calendar");
            options.self = argv[0];
            options.rounds = static_cast<int>(o.Integer("--rounds", 1, 100, options.rounds));
            options.pages = static_cast<int>(o.Integer("--pages", 0, 200, options.pages));
            options.changes = static_cast<int>(o.Integer("--changes", 0, 100, options.changes));
            return motcua::bench::RunDeskBench(options, std::cout);
        }
        if (command == "help" || command == "--help" || command == "-h") {
            std::cout << Usage();
            return 0;
        }
        throw BenchOptions::UsageError(command.empty() ? "no command given" : "unknown command '" + command + "'");
    } catch (const BenchOptions::UsageError& e) {
        std::cerr << "motcua-desk-bench: " << e.what() << "\n\n" << Usage();
        return 2;
    } catch (const motcua::Error& e) {
        std::cerr << "motcua-desk-bench " << command << ": " << e.what();
        if (!e.Detail().empty())
            std::cerr << ": " << e.Detail();
        std::cerr << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "motcua-desk-bench " << command << ": " << e.what() << '\n';
        return 1;
    }
}
