#include "bench/desk_bench.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <iomanip>
#include <map>
#include <netinet/in.h>
#include <optional>
#include <poll.h>
#include <sstream>
#include <stdexcept>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

#include <Poco/Net/HTTPClientSession.h>

#include "bench/http_probe.h"
#include "bench/measurement.h"
#include "server/usecases/password_hasher.h"
#include "tests/support/test_database.h"

namespace motcua::bench {
namespace {

// Agencies of the generated province (bench/generate_catalogue.sql): 1 is the busiest, 100 a typical ward; the
// clerk of agency a is staff 5(a-1)+1, "bench-a-1".
constexpr std::int64_t kBusiestAgency = 1;
constexpr std::int64_t kTypicalAgency = 100;
// Given to those two clerks by this bench (the generator leaves every password unusable).
const char* const kPassword = "bench-desk-password";
constexpr auto kLaunchTimeout = std::chrono::seconds(60);
const char* const kClient = "desk-bench-app";
const char* const kClientKey = "303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f";

// A process started from this one with its stdout on a pipe, read line by line with the time each line came.
// Launch is timed from just before fork() to the child's "ready" line: fork, exec, the dynamic loader, wx and GTK
// start-up, the login and the first page all count, as they do for a person starting the desk, and nothing has to
// be read back from the child's own clock.
class ChildProcess {
public:
    explicit ChildProcess(const std::vector<std::string>& argv, bool pipeOut = true)
    {
        int fds[2] = {-1, -1};
        if (pipeOut && ::pipe(fds) != 0)
            throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
        std::vector<char*> args;
        args.reserve(argv.size() + 1);
        for (const std::string& a : argv)
            args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        started = SteadyClock::now();
        m_pid = ::fork();
        if (m_pid < 0)
            throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
        if (m_pid == 0) {
            if (pipeOut) {
                ::dup2(fds[1], STDOUT_FILENO);
                ::close(fds[0]);
                ::close(fds[1]);
            }
            ::execv(args[0], args.data());
            ::_exit(127);
        }
        if (pipeOut) {
            ::close(fds[1]);
            m_out = fds[0];
        }
    }
    ~ChildProcess()
    {
        if (m_pid > 0) {
            ::kill(m_pid, SIGTERM);
            Wait();
        }
        if (m_out >= 0)
            ::close(m_out);
    }
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    // The next line and when it came; nothing at the end of the output or after `timeout`.
    std::optional<std::pair<std::string, SteadyClock::time_point>> Line(std::chrono::milliseconds timeout)
    {
        const auto until = SteadyClock::now() + timeout;
        for (;;) {
            if (const std::size_t end = m_buffer.find('\n'); end != std::string::npos) {
                std::string line = m_buffer.substr(0, end);
                m_buffer.erase(0, end + 1);
                return std::make_pair(std::move(line), m_lastRead);
            }
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - SteadyClock::now());
            if (left.count() <= 0 || m_out < 0)
                return std::nullopt;
            pollfd p{m_out, POLLIN, 0};
            if (::poll(&p, 1, static_cast<int>(left.count())) <= 0)
                continue;
            char chunk[4096];
            const ssize_t got = ::read(m_out, chunk, sizeof chunk);
            m_lastRead = SteadyClock::now();
            if (got <= 0) {
                ::close(m_out);
                m_out = -1;
                continue;
            }
            m_buffer.append(chunk, static_cast<std::size_t>(got));
        }
    }
    int Wait()
    {
        int status = 0;
        if (m_pid > 0 && ::waitpid(m_pid, &status, 0) == m_pid)
            m_pid = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }

    SteadyClock::time_point started;

private:
    pid_t m_pid = -1;
    int m_out = -1;
    std::string m_buffer;
    SteadyClock::time_point m_lastRead;
};

int FreePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof address;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) != 0)
        throw std::runtime_error("no free port");
    ::close(fd);
    return ntohs(address.sin_port);
}

// What one child process reported: its lines by their first word (in order), and when "ready" came.
struct ChildReport {
    SteadyClock::time_point started;
    double readyMs = -1;
    std::multimap<std::string, std::string> lines;
    std::vector<std::string> Values(const std::string& key) const
    {
        std::vector<std::string> out;
        for (auto [it, end] = lines.equal_range(key); it != end; ++it)
            out.push_back(it->second);
        return out;
    }
    double Number(const std::string& key) const
    {
        const std::vector<std::string> v = Values(key);
        return v.empty() ? -1 : std::stod(v.front());
    }
};

ChildReport RunChild(const std::vector<std::string>& argv, std::chrono::seconds timeout)
{
    ChildProcess child(argv);
    ChildReport report;
    report.started = child.started;
    while (const auto line = child.Line(std::chrono::duration_cast<std::chrono::milliseconds>(timeout))) {
        const std::size_t space = line->first.find(' ');
        const std::string key = line->first.substr(0, space);
        if (key == "ready")
            report.readyMs = Milliseconds(line->second - child.started);
        if (key == "error")
            throw std::runtime_error("the desk process: " + line->first.substr(space + 1));
        report.lines.emplace(key, space == std::string::npos ? std::string() : line->first.substr(space + 1));
    }
    if (const int status = child.Wait(); status != 0 || report.readyMs < 0)
        throw std::runtime_error(argv[1] + " process ended with status " + std::to_string(status) +
                                 (report.readyMs < 0 ? " before it was ready" : ""));
    return report;
}

struct Row {
    std::string label;
    LatencySummary figure;
    double target = 0;  // 0: none
    std::string unit;
    double baseline = 0;
    std::string baselineLabel;
};

void Print(const std::vector<Row>& rows, std::ostream& out)
{
    out << std::left << std::setw(44) << "figure" << std::right << std::setw(10) << "median" << std::setw(10) << "max"
        << std::setw(9) << "target"
        << "   " << std::left << std::setw(38) << "baseline (same run), median" << std::right << std::setw(9)
        << "ratio\n";
    for (const Row& r : rows) {
        const bool met = r.target <= 0 || r.figure.max < r.target;
        out << std::left << std::setw(44) << r.label << std::right << std::setw(10) << Fixed(r.figure.p50, 1) + r.unit
            << std::setw(10) << Fixed(r.figure.max, 1) + r.unit << std::setw(9)
            << (r.target > 0 ? "<" + Fixed(r.target, 0) + r.unit : std::string()) << "   " << std::left << std::setw(38)
            << r.baselineLabel + " " + Fixed(r.baseline, 2) + r.unit << std::right << std::setw(8)
            << Ratio(r.figure.p50, r.baseline) << (met ? "" : "  MISSED") << "\n";
    }
}

std::vector<double> Numbers(const std::vector<std::string>& texts, std::size_t field = 0)
{
    std::vector<double> out;
    for (const std::string& t : texts) {
        std::istringstream in(t);
        double v = 0;
        for (std::size_t i = 0; i <= field; ++i)
            in >> v;
        if (v >= 0)
            out.push_back(v);
    }
    return out;
}

}  // namespace

int RunDeskBench(const DeskBenchOptions& options, std::ostream& out)
{
    test::SqlConnection sql(options.conninfo);
    const long long dossiers = sql.Scalar("SELECT CAST(reltuples AS bigint) FROM pg_class WHERE relname = 'dossier'");
    // The server's own hasher at its production cost, so the desk's login costs what it costs in an office.
    const std::string hash = server::PasswordHasher().Hash(kPassword);
    for (const std::int64_t agency : {kBusiestAgency, kTypicalAgency})
        sql.Execute("UPDATE staff SET password_hash = '" + hash +
                    "' WHERE id = " + std::to_string(5 * (agency - 1) + 1));

    // A citizen-app client for the submissions, registered by the server's own command; the key that seals its
    // secret is the server's (given to both through the environment, as in production).
    ::setenv("MOTCUA_CLIENT_KEY", kClientKey, 1);
    std::string secret;
    {
        ChildProcess client(
            {options.serverPath, "client", "--db", options.conninfo, "--code", kClient, "--new-secret"});
        const std::string prefix = "secret (shown once, give it to the app's vendor): ";
        while (const auto line = client.Line(std::chrono::seconds(30)))
            if (line->first.rfind(prefix, 0) == 0)
                secret = line->first.substr(prefix.size());
        if (client.Wait() != 0 || secret.empty())
            throw std::runtime_error("motcua-server client did not register " + std::string(kClient));
    }

    const int port = FreePort();
    ChildProcess server(
        {options.serverPath, "serve", "--db", options.conninfo, "--listen", "127.0.0.1:" + std::to_string(port),
         "--calendar", options.calendar, "--quiet", "--outbox-interval", "0"},
        false);
    const auto upSince = SteadyClock::now();
    for (;;) {
        try {
            Poco::Net::HTTPClientSession probe("127.0.0.1", static_cast<Poco::UInt16>(port));
            Call(probe, "GET", "/staff/v1/queues", {});
            break;
        } catch (const std::exception&) {
            if (SecondsSince(upSince) > 30)
                throw std::runtime_error("motcua-server did not answer within 30 s");
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }
    // The server's scheduled jobs run once at its start: closing the dossiers whose supplement is overdue writes
    // events for the agencies measured here, and a burst of live news would keep the desk's refetches throttled.
    // Measuring starts once the history has been still for two seconds.
    const auto lastEvent = [&sql] { return sql.Scalar("SELECT coalesce(max(id), 0) FROM dossier_event"); };
    const long long eventsBefore = lastEvent();
    long long seen = eventsBefore;
    for (int still = 0; still < 4 && SecondsSince(upSince) < 300;) {
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        const long long now = lastEvent();
        still = now == seen ? still + 1 : 0;
        seen = now;
    }
    out << "The desk: motcua-server process on 127.0.0.1:" << port << ", about " << dossiers
        << " dossiers (its start-up jobs wrote " << seen - eventsBefore
        << " history events, waited out); the desk and the bare frame each a new process per launch (" << options.rounds
        << " rounds), timed from fork() to its \"ready\" line\n";

    std::vector<double> bareMs, bareHwm;
    for (int i = 0; i < options.rounds; ++i) {
        const ChildReport bare = RunChild({options.self, "bare"}, kLaunchTimeout);
        bareMs.push_back(bare.readyMs);
        bareHwm.push_back(bare.Number("hwm") / 1024.0);
    }
    const LatencySummary bareLaunch = Summarise(bareMs);
    const LatencySummary bareMemory = Summarise(bareHwm);

    int status = 0;
    for (const std::int64_t agency : {kBusiestAgency, kTypicalAgency}) {
        const std::string a = std::to_string(agency);
        const std::string user = "bench-" + a + "-1";
        out << "\nAgency " << a << (agency == kBusiestAgency ? " (the busiest)" : " (a typical ward)") << ": "
            << sql.Scalar("SELECT count(*) FROM dossier WHERE handling_agency_id = " + a) << " dossiers, "
            << sql.Scalar("SELECT count(*) FROM dossier WHERE handling_agency_id = " + a + " AND status = 1")
            << " awaiting intake; its clerk " << user << "\n";
        try {
            const std::vector<std::string> desk{options.self, "desk", "--port",     std::to_string(port),
                                                "--user",     user,   "--password", kPassword};
            std::vector<double> launchMs, launchHwm;
            std::map<std::string, std::vector<double>> phases;  // ms from fork()
            for (int i = 0; i < options.rounds; ++i) {
                const ChildReport r = RunChild(desk, kLaunchTimeout);
                launchMs.push_back(r.readyMs);
                launchHwm.push_back(r.Number("hwm-launch") / 1024.0);
                for (const std::string& phase : r.Values("phase")) {
                    std::istringstream in(phase);
                    std::string name;
                    long long ns = 0;
                    in >> name >> ns;
                    phases[name].push_back(static_cast<double>(ns - r.started.time_since_epoch().count()) / 1e6);
                }
            }
            const auto at = [&phases](const char* name) { return Fixed(Summarise(phases[name]).p50, 1); };
            out << "  launch, median ms from fork(): main() " << at("main") << ", wx OnInit " << at("oninit")
                << ", login call " << at("login-start") << "-" << at("login-end") << ", window built " << at("window")
                << ", counts call " << at("queues-start") << "-" << at("queues-end") << ", first page call "
                << at("page-start") << "-" << at("page-end") << ", rows drawn " << at("rows") << "\n";

            // The page's baseline: the same server answering a GET by primary key over HTTP.
            const auto p = static_cast<std::uint16_t>(port);
            const std::string token = StaffToken(p, user, kPassword);
            const std::string id =
                sql.Column("SELECT CAST(max(id) AS text) FROM dossier WHERE handling_agency_id = " + a)[0];
            Poco::Net::HTTPClientSession session("127.0.0.1", p);
            std::vector<double> getMs;
            for (int i = 0; i < 55; ++i) {
                const auto start = SteadyClock::now();
                if (Call(session, "GET", "/staff/v1/dossiers/" + id, token).status != 200)
                    throw std::runtime_error("GET /staff/v1/dossiers/" + id + " failed");
                if (i >= 5)
                    getMs.push_back(Milliseconds(SteadyClock::now() - start));
            }

            // An online procedure of the agency's level, for the citizen's submissions.
            const std::vector<std::string> procedure = sql.Column(
                "SELECT p.code FROM procedure p JOIN agency a ON a.level = p.competent_level WHERE a.id = " + a +
                " AND p.online ORDER BY p.id LIMIT 1");
            std::vector<std::string> full = desk;
            full.insert(full.end(),
                        {"--pages", std::to_string(options.pages), "--changes", std::to_string(options.changes),
                         "--client", kClient, "--secret", secret, "--procedure", procedure.empty() ? "" : procedure[0],
                         "--agency", sql.Column("SELECT code FROM agency WHERE id = " + a)[0]});
            const ChildReport r = RunChild(full, std::chrono::seconds(300));
            const std::vector<std::string> changes = r.Values("change");
            std::string paged;
            for (const std::string& q : r.Values("page-queue"))
                paged += (paged.empty() ? "" : " then ") + q;
            out << "  pages: " << r.Values("page").size() << " (queue " << paged << "); changes: " << changes.size()
                << " citizen submissions, " << r.Values("change-refused").size() << " refused\n";

            for (const std::string& refused : r.Values("change-refused"))
                out << "  refused: " << refused << "\n";
            // "page TOTAL ASKED ARRIVED", ms from the scroll: the figure is from the presenter's request on.
            std::vector<double> pageMs, scrollMs;
            const std::vector<double> total = Numbers(r.Values("page"), 0), asked = Numbers(r.Values("page"), 1);
            for (std::size_t i = 0; i < total.size() && i < asked.size(); ++i) {
                pageMs.push_back(total[i] - asked[i]);
                scrollMs.push_back(total[i]);
            }
            const auto median = [&r](std::size_t field) {
                return Fixed(Summarise(Numbers(r.Values("page"), field)).p50, 1);
            };
            out << "  page, median ms from the scroll: the presenter asks " << median(1) << " (wx paints, the list's "
                << "cache hint), HTTP call " << median(3) << "-" << median(4) << ", rows in " << median(2)
                << ", rows drawn " << median(0) << "\n";
            const std::vector<double> screenMs = Numbers(r.Values("screen"), 0);
            const std::vector<double> screenLoaded = Numbers(r.Values("screen"), 1);
            out << "  screens paged down in the finished queue: " << screenMs.size() << ", their last row fetched "
                << "before the scroll: " << std::count(screenLoaded.begin(), screenLoaded.end(), 1.0) << "\n";
            out << "  change, median ms from the request: the raw stream reads the event "
                << Fixed(Summarise(Numbers(changes, 1)).p50, 1) << ", the desk's first refetch call "
                << Fixed(Summarise(Numbers(changes, 3)).p50, 1) << "-" << Fixed(Summarise(Numbers(changes, 4)).p50, 1)
                << ", shown " << Fixed(Summarise(Numbers(changes, 0)).p50, 1) << "\n";
            const LatencySummary sse = Summarise(Numbers(changes, 1));
            std::vector<Row> rows{
                {"launch to the usual queue's rows", Summarise(launchMs), 1000, " ms", bareLaunch.p50,
                 "bare wx frame + empty list"},
                {"next page shown (request to rows drawn)", Summarise(pageMs), 50, " ms", Summarise(getMs).p50,
                 "GET /staff/v1/dossiers/{id}"},
                {"next screen shown (scroll to rows drawn)", Summarise(screenMs), 50, " ms", Summarise(getMs).p50,
                 "GET /staff/v1/dossiers/{id}"},
                {"citizen submission shown (from request)", Summarise(Numbers(changes, 0)), 300, " ms", sse.p50,
                 "raw event stream, same event"},
                {"  the change's own request (submission)", Summarise(Numbers(changes, 2)), 0, " ms", sse.p50,
                 "raw event stream, same event"},
                {"peak memory (VmHWM) after launch", Summarise(launchHwm), 100, " MiB", bareMemory.p50,
                 "bare wx frame + empty list"},
                {"peak memory after launch and pages", Summarise({r.Number("hwm-pages") / 1024.0}), 100, " MiB",
                 bareMemory.p50, "bare wx frame + empty list"},
            };
            Print(rows, out);
        } catch (const std::exception& e) {
            out << "FAILED: " << e.what() << "\n";
            status = 1;
        }
    }
    return status;
}

}  // namespace motcua::bench
