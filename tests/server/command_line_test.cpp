// Small pure pieces: command line, listen address, bearer tokens, path ids, session token hashing.
#include "server/command_line.h"

#include <set>

#include <boost/test/unit_test.hpp>

#include "model/error.h"
#include "server/api/staff_api.h"
#include "server/server_config.h"
#include "server/usecases/session_service.h"

using motcua::server::CommandLine;

BOOST_AUTO_TEST_SUITE(CommandLineUnit)

BOOST_AUTO_TEST_CASE(parses_subcommands_and_options)
{
    const CommandLine serve = CommandLine::Parse({"serve", "--db", "host=x", "--listen=0.0.0.0:9000", "--quiet"});
    BOOST_TEST(serve.Command() == "serve");
    BOOST_TEST(serve.Value("--db").value() == "host=x");
    BOOST_TEST(serve.Value("--listen").value() == "0.0.0.0:9000");
    BOOST_TEST(serve.Flag("--quiet"));
    BOOST_TEST(!serve.Value("--threads").has_value());
    BOOST_TEST(serve.Integer("--threads", 1, 256, 8) == 8);

    const CommandLine seed = CommandLine::Parse({"seed", "--demo", "--dossiers", "500", "--kdf-cost", "12"});
    BOOST_TEST(seed.Flag("--demo"));
    BOOST_TEST(seed.Integer("--dossiers", 0, 200000, 3000) == 500);
    BOOST_TEST(CommandLine::Parse({"--help"}).Command() == "help");

    // PAdES B-T for the server's signatures: serve only.
    const CommandLine timestamped = CommandLine::Parse({"serve", "--timestamp-url", "http://tsa.example.vn/tsa"});
    BOOST_TEST(timestamped.Value("--timestamp-url").value() == "http://tsa.example.vn/tsa");
    BOOST_TEST(CommandLine::Usage().find("[--timestamp-url URL]") != std::string::npos);
    BOOST_CHECK_THROW(CommandLine::Parse({"verify", "--timestamp-url", "x", "f.pdf"}), CommandLine::UsageError);
}

BOOST_AUTO_TEST_CASE(mistakes_are_usage_errors)
{
    using E = CommandLine::UsageError;
    BOOST_CHECK_THROW(CommandLine::Parse({}), E);
    BOOST_CHECK_THROW(CommandLine::Parse({"launch"}), E);
    BOOST_CHECK_THROW(CommandLine::Parse({"migrate", "--listen", "x"}), E);  // option of another command
    BOOST_CHECK_THROW(CommandLine::Parse({"migrate", "--db"}), E);           // value missing
    BOOST_CHECK_THROW(CommandLine::Parse({"serve", "stray"}), E);
    BOOST_CHECK_THROW(CommandLine::Parse({"seed", "--demo=yes"}), E);
    BOOST_CHECK_THROW(CommandLine::Parse({"serve", "--threads", "0"}).Integer("--threads", 1, 256, 8), E);
    BOOST_CHECK_THROW(CommandLine::Parse({"serve", "--threads", "8x"}).Integer("--threads", 1, 256, 8), E);
}

BOOST_AUTO_TEST_CASE(listen_address)
{
    motcua::server::ServerConfig c;
    c.SetListen("0.0.0.0:9000");
    BOOST_TEST(c.listenHost == "0.0.0.0");
    BOOST_TEST(c.listenPort == 9000);
    c.SetListen(":0");
    BOOST_TEST(c.listenHost == "0.0.0.0");
    BOOST_TEST(c.listenPort == 0);
    BOOST_CHECK_THROW(c.SetListen("host:99999"), motcua::Error);
    BOOST_CHECK_THROW(c.SetListen("host:"), motcua::Error);
    c.publicUrl = "https://x.example.vn//";
    BOOST_TEST(c.EffectivePublicUrl() == "https://x.example.vn");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(SessionTokenUnit)

BOOST_AUTO_TEST_CASE(tokens_are_random_base64url_and_stored_as_sha256)
{
    using motcua::server::SessionService;
    std::set<std::string> seen;
    for (int i = 0; i < 100; ++i) {
        const std::string token = SessionService::NewToken();
        BOOST_TEST(token.size() == 43u);
        seen.insert(token);
    }
    BOOST_TEST(seen.size() == 100u);
    BOOST_TEST(SessionService::HashToken("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

BOOST_AUTO_TEST_CASE(bearer_header_and_path_ids)
{
    using motcua::server::StaffApi;
    BOOST_TEST(StaffApi::BearerToken("Bearer abc") == "abc");
    BOOST_TEST(StaffApi::BearerToken("bearer  abc ") == "abc");
    BOOST_TEST(StaffApi::BearerToken("Basic abc") == "");
    BOOST_TEST(StaffApi::BearerToken("Bearer") == "");
    BOOST_TEST(StaffApi::BearerToken("") == "");
    BOOST_TEST(StaffApi::ParseId("42") == 42);
    for (const char* bad : {"0", "-1", "abc", "4x", "", "99999999999999999999"}) {
        BOOST_TEST_CONTEXT(bad)
        {
            try {
                StaffApi::ParseId(bad);
                BOOST_FAIL("accepted");
            } catch (const motcua::Error& e) {
                BOOST_TEST((e.Category() == motcua::ErrorCategory::NotFound));
            }
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
