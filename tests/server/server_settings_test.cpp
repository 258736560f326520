// motcua-server's settings: the command line over the environment over the configuration file, secret files only
// the service user can read, and the log line of each request.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <sstream>
#include <string>
#include <unistd.h>
#include <utility>
#include <vector>

#include <Poco/AutoPtr.h>
#include <Poco/Channel.h>
#include <Poco/Logger.h>
#include <Poco/Message.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <boost/test/unit_test.hpp>

#include "model/error.h"
#include "server/command_line.h"
#include "server/http/http_service.h"
#include "server/http/metrics.h"
#include "server/http/problem_responder.h"
#include "server/http/request_log.h"
#include "server/http/router.h"
#include "server/http/translator.h"
#include "server/secret_file.h"
#include "server/server_log.h"

namespace fs = std::filesystem;
using motcua::server::CommandLine;

namespace {

// A folder of its own, removed afterwards.
struct Scratch {
    Scratch() : dir(fs::temp_directory_path() / ("motcua-settings-" + std::to_string(::getpid())))
    {
        fs::create_directories(dir);
    }
    ~Scratch()
    {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;

    std::string Write(const std::string& name, const std::string& text,
                      fs::perms perms = fs::perms::owner_read | fs::perms::owner_write)
    {
        const fs::path path = dir / name;
        std::ofstream(path, std::ios::binary) << text;
        fs::permissions(path, perms);
        return path.string();
    }
    fs::path dir;
};

const std::map<std::string, std::string> kNoEnvironment;

}  // namespace

BOOST_AUTO_TEST_SUITE(ServerSettingsUnit)

BOOST_AUTO_TEST_CASE(command_line_over_environment_over_file_over_default)
{
    Scratch scratch;
    const std::string file = scratch.Write("server.conf",
                                           "# comment\n"
                                           "db = host=file\n"
                                           "listen = 0.0.0.0:7000\n"
                                           "threads = 4\n"
                                           "serve.threads = 12\n"
                                           "migrate.db = host=owner\n"
                                           "quiet = yes\n"
                                           "public-url =\n"
                                           "app-role = other_role\n");
    const std::map<std::string, std::string> environment{{"MOTCUA_DB", "host=env"}};

    // The default: nothing from anywhere.
    const CommandLine bare = CommandLine::Load({"serve"}, kNoEnvironment, "");
    BOOST_TEST(!bare.Value("--db").has_value());
    BOOST_TEST(bare.Integer("--threads", 1, 256, 8) == 8);
    BOOST_TEST(bare.ConfigFile().empty());

    // The file over the defaults; its serve. section over its plain keys; an empty value as if absent.
    const CommandLine fromFile = CommandLine::Load({"serve", "--config", file}, kNoEnvironment, "");
    BOOST_TEST(fromFile.Value("--db").value() == "host=file");
    BOOST_TEST(fromFile.Value("--listen").value() == "0.0.0.0:7000");
    BOOST_TEST(fromFile.Integer("--threads", 1, 256, 8) == 12);
    BOOST_TEST(fromFile.Flag("--quiet"));
    BOOST_TEST(!fromFile.Value("--public-url").has_value());
    BOOST_TEST(!fromFile.Value("--app-role").has_value());  // migrate's key: not serve's
    BOOST_TEST(fromFile.ConfigFile() == file);

    // The environment over the file, the command line over both.
    BOOST_TEST(CommandLine::Load({"serve", "--config", file}, environment, "").Value("--db").value() == "host=env");
    const CommandLine all =
        CommandLine::Load({"serve", "--config=" + file, "--db", "host=cl", "--threads", "2"}, environment, "");
    BOOST_TEST(all.Value("--db").value() == "host=cl");
    BOOST_TEST(all.Integer("--threads", 1, 256, 8) == 2);

    // migrate's own section, and a key only migrate takes.
    const CommandLine migrate = CommandLine::Load({"migrate", "--config", file}, kNoEnvironment, "");
    BOOST_TEST(migrate.Value("--db").value() == "host=owner");
    BOOST_TEST(migrate.Value("--app-role").value() == "other_role");

    // The default file is read only when it exists; --config "" reads none.
    BOOST_TEST(CommandLine::Load({"serve"}, kNoEnvironment, file).Value("--db").value() == "host=file");
    BOOST_TEST(!CommandLine::Load({"serve"}, kNoEnvironment, (scratch.dir / "none.conf").string()).Value("--db"));
    BOOST_TEST(!CommandLine::Load({"serve", "--config="}, kNoEnvironment, file).Value("--db"));
}

BOOST_AUTO_TEST_CASE(bad_files_and_keys_are_usage_errors)
{
    using E = CommandLine::UsageError;
    Scratch scratch;
    auto load = [](const std::string& file) { return CommandLine::Load({"serve", "--config", file}, {}, ""); };
    BOOST_CHECK_THROW(load((scratch.dir / "missing.conf").string()), E);  // an explicit file must exist
    BOOST_CHECK_THROW(load(scratch.dir.string()), E);                     // a folder is not a file
    BOOST_CHECK_THROW(load(scratch.Write("typo.conf", "listne = 1\n")), E);
    BOOST_CHECK_THROW(load(scratch.Write("section.conf", "serve.app-role = x\n")), E);  // not serve's
    BOOST_CHECK_THROW(load(scratch.Write("nocommand.conf", "launch.listen = x\n")), E);
    BOOST_CHECK_THROW(load(scratch.Write("action.conf", "disable = true\n")), E);  // the command line's only
    BOOST_CHECK_THROW(load(scratch.Write("flag.conf", "quiet = maybe\n")), E);
    const CommandLine badNumber = load(scratch.Write("number.conf", "threads = many\n"));
    try {
        badNumber.Integer("--threads", 1, 256, 8);
        BOOST_FAIL("accepted");
    } catch (const E& e) {
        BOOST_TEST(std::string(e.what()).find("number.conf (threads)") != std::string::npos);
    }
    // A key of another command is no mistake in a file every command reads.
    BOOST_TEST(!load(scratch.Write("other.conf", "kdf-cost = 12\n")).Value("--kdf-cost").has_value());
}

// The shipped /etc/motcua/server.conf: every line commented out; uncommented, every key is known and its value is
// the program's default.
BOOST_AUTO_TEST_CASE(shipped_file_shows_known_keys_and_defaults)
{
    Scratch scratch;
    std::ifstream shipped(fs::path(MOTCUA_SERVER_TEST_DATA_DIR) / ".." / ".." / ".." / "server" / "server.conf");
    BOOST_TEST_REQUIRE(shipped.good());
    std::string uncommented;
    int keys = 0;
    for (std::string line; std::getline(shipped, line);) {
        BOOST_TEST((line.empty() || line[0] == '#'), line);
        if (line.size() > 1 && line[0] == '#' && line[1] != ' ' && line.find(" =") != std::string::npos) {
            uncommented += line.substr(1) + "\n";
            ++keys;
        }
    }
    BOOST_TEST(keys >= 25);
    const std::string file = scratch.Write("full.conf", uncommented);
    const CommandLine serve = CommandLine::Load({"serve", "--config", file}, kNoEnvironment, "");
    BOOST_TEST(serve.Value("--listen").value() == "127.0.0.1:8080");
    BOOST_TEST(serve.Integer("--threads", 1, 256, 0) == 8);
    BOOST_TEST(serve.Integer("--session-hours", 1, 720, 0) == 8);
    BOOST_TEST(serve.Integer("--session-idle-minutes", 1, 1440, 0) == 30);
    BOOST_TEST(serve.Integer("--outbox-interval", 0, 3600, 0) == 1);
    BOOST_TEST(!serve.Flag("--quiet"));
    BOOST_TEST(serve.Value("--log-rotation").value() == "10 M");
    BOOST_TEST(!serve.Value("--public-url").has_value());
    const std::vector<std::vector<std::string>> others{
        {"migrate"}, {"seed"}, {"trust"}, {"client"}, {"signing-key"}, {"audit", "verify"}, {"verify", "x.pdf"}};
    for (std::vector<std::string> args : others) {
        args.insert(args.end(), {"--config", file});
        BOOST_CHECK_NO_THROW(CommandLine::Load(args, kNoEnvironment, ""));
    }
    BOOST_TEST(CommandLine::Load({"migrate", "--config", file}, kNoEnvironment, "")
                   .Value("--db")
                   .value()
                   .find("motcua_owner") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(options_are_poco_parsed_with_full_names_only)
{
    using E = CommandLine::UsageError;
    BOOST_CHECK_THROW(CommandLine::Parse({"serve", "--list", "x"}), E);  // no abbreviation
    BOOST_CHECK_THROW(CommandLine::Parse({"serve", "--LISTEN", "x"}), E);
    BOOST_CHECK_THROW(CommandLine::Parse({"serve", "--threads"}), E);
    BOOST_TEST(CommandLine::Parse({"serve", "--threads", "3", "--threads=4"}).Value("--threads").value() == "4");
    BOOST_TEST(CommandLine::Parse({"--version"}).Command() == "version");
    BOOST_TEST(CommandLine::Parse({"serve", "--help"}).Flag("--help"));
    BOOST_TEST(CommandLine::Parse({"verify", "--version", "f.pdf"}).Flag("--version"));
    BOOST_TEST(CommandLine::Parse({"serve", "--log-file", "/tmp/x.log", "--log-rotation", "10 M"})
                   .Value("--log-rotation")
                   .value() == "10 M");
}

BOOST_AUTO_TEST_CASE(secret_files_only_the_user_can_read)
{
    Scratch scratch;
    const std::string good = scratch.Write("db.password", "s3cret\nignored\n");
    BOOST_TEST(motcua::server::ReadSecretLine(good, "--db-password-file") == "s3cret");
    for (const fs::perms extra : {fs::perms::group_read, fs::perms::others_read, fs::perms::others_write}) {
        const std::string open =
            scratch.Write("open.password", "s3cret\n", fs::perms::owner_read | fs::perms::owner_write | extra);
        try {
            motcua::server::ReadSecretLine(open, "--db-password-file");
            BOOST_FAIL("a secret others can reach was read");
        } catch (const motcua::Error& e) {
            BOOST_TEST(e.Field() == "--db-password-file");
            BOOST_TEST(std::string(e.what()).find("chmod 600") != std::string::npos);
        }
    }
    BOOST_CHECK_THROW(motcua::server::RequirePrivateFile((scratch.dir / "none").string(), "--client-key-file"),
                      motcua::Error);
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

// Keeps what is written to one logger.
class CaptureChannel final : public Poco::Channel {
public:
    void log(const Poco::Message& message) override
    {
        const std::lock_guard lock(m_mutex);
        m_lines.push_back(message.getText());
    }
    std::vector<std::string> Lines()
    {
        const std::lock_guard lock(m_mutex);
        return m_lines;
    }

private:
    std::mutex m_mutex;
    std::vector<std::string> m_lines;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(RequestLogUnit)

BOOST_AUTO_TEST_CASE(line_has_every_field)
{
    motcua::server::RequestLogEntry entry{
        "abc-1", "10.0.0.5", "GET", "/items/{id}", "/items/7 x", 404, std::chrono::microseconds(12345)};
    BOOST_TEST(motcua::server::RequestLogLine(entry) ==
               "request_id=abc-1 client=10.0.0.5 method=GET route=/items/{id} path=/items/7\\x20x status=404 ms=12.3");
    entry.route.clear();
    BOOST_TEST(motcua::server::RequestLogLine(entry).find(" route=- ") != std::string::npos);

    BOOST_TEST(motcua::server::RequestIdFrom("proxy-42.a_b") == "proxy-42.a_b");
    for (const std::string& forged : {std::string(), std::string("a b"), std::string("x\ny"), std::string(65, 'a')}) {
        const std::string id = motcua::server::RequestIdFrom(forged);
        BOOST_TEST(id.size() == 16u);
        BOOST_TEST(id != forged);
    }
    BOOST_TEST(motcua::server::RequestIdFrom("") != motcua::server::RequestIdFrom(""));
}

BOOST_AUTO_TEST_CASE(each_request_is_one_line_with_its_id)
{
    using namespace motcua::server;
    Poco::AutoPtr<CaptureChannel> capture = new CaptureChannel;
    Poco::Logger& logger = Poco::Logger::get("motcua.http");
    logger.setChannel(capture);
    logger.setLevel(Poco::Message::PRIO_INFORMATION);

    Translator translator("");
    ProblemResponder problems(translator);
    Metrics metrics;
    Router router;
    router.Add("GET", "/items/{id}", [](const HttpRequest&) {
        HttpResponse response;
        response.status = 201;
        response.contentType = "text/plain";
        response.body = "made";
        return response;
    });
    HttpService http(router, problems, metrics, HttpServiceOptions{});
    http.Start(0);
    auto get = [&http](const std::string& path, const std::string& requestId) {
        Poco::Net::HTTPClientSession session("127.0.0.1", http.Port());
        Poco::Net::HTTPRequest request("GET", path, Poco::Net::HTTPMessage::HTTP_1_1);
        if (!requestId.empty())
            request.set("X-Request-Id", requestId);
        session.sendRequest(request);
        Poco::Net::HTTPResponse response;
        session.receiveResponse(response).ignore(1 << 20);
        return std::make_pair(static_cast<int>(response.getStatus()), response.get("X-Request-Id", ""));
    };
    const auto [status, echoed] = get("/items/7", "from-proxy-1");
    const auto [missing, made] = get("/nowhere", "");
    http.Stop();
    logger.setChannel(nullptr);

    BOOST_TEST(status == 201);
    BOOST_TEST(echoed == "from-proxy-1");
    BOOST_TEST(missing == 404);
    BOOST_TEST(made.size() == 16u);
    const std::vector<std::string> lines = capture->Lines();
    BOOST_TEST_REQUIRE(lines.size() == 2u);
    BOOST_TEST(lines[0].rfind("request_id=from-proxy-1 client=127.0.0.1 method=GET route=/items/{id} path=/items/7 "
                              "status=201 ms=",
                              0) == 0u);
    BOOST_TEST(
        lines[1].rfind("request_id=" + made + " client=127.0.0.1 method=GET route=- path=/nowhere status=404 ms=", 0) ==
        0u);
}

// The three places the log goes: journald (stderr, no time, a syslog priority), a file, stderr with time and level.
BOOST_AUTO_TEST_CASE(log_goes_to_journal_file_or_stderr)
{
    using motcua::server::ConfigureServerLog;
    using motcua::server::LogSettings;
    Scratch scratch;
    std::ostringstream console;
    std::streambuf* const original = std::clog.rdbuf(console.rdbuf());  // Poco's ConsoleChannel writes to std::clog
    LogSettings journal;
    journal.journal = true;
    ConfigureServerLog(journal);
    Poco::Logger::get("motcua.http").information("request_id=a status=200");
    Poco::Logger::get("motcua").debug("not at this level");
    LogSettings plain;
    ConfigureServerLog(plain);
    Poco::Logger::get("motcua").warning("plain line");
    LogSettings file;
    file.file = (scratch.dir / "server.log").string();
    file.level = "debug";
    ConfigureServerLog(file);
    Poco::Logger::get("motcua").debug("into the file");
    LogSettings bad;
    bad.file = (scratch.dir / "other.log").string();
    bad.rotation = "sometimes";
    BOOST_CHECK_THROW(ConfigureServerLog(bad), motcua::Error);
    bad.rotation = "10 M";
    bad.level = "loud";
    BOOST_CHECK_THROW(ConfigureServerLog(bad), motcua::Error);
    Poco::Logger::setChannel("", nullptr);  // the other tests log nowhere, as before
    std::clog.rdbuf(original);

    const std::string text = console.str();
    BOOST_TEST(text.rfind("<6>request_id=a status=200\n", 0) == 0u, text);
    BOOST_TEST(text.find("not at this level") == std::string::npos);
    BOOST_TEST(text.find("Z Warning plain line\n") != std::string::npos, text);
    BOOST_TEST(text.find("into the file") == std::string::npos);
    std::ifstream written(file.file);
    std::string line;
    std::getline(written, line);
    BOOST_TEST(line.find("Z Debug into the file") != std::string::npos, line);
    BOOST_TEST(line.size() > 24u);  // 2026-12-02T02:50:11.204Z
}

BOOST_AUTO_TEST_SUITE_END()
