// motcua-desk's command line: defaults, both option spellings, and clear refusals.
#include <boost/test/unit_test.hpp>

#include "desktop/desk_options.h"

using namespace motcua::desktop;

BOOST_AUTO_TEST_SUITE(options)

BOOST_AUTO_TEST_CASE(defaults_are_vietnamese_and_the_local_server)
{
    const DeskOptionsResult r = ParseDeskOptions({});
    BOOST_REQUIRE(r.options.has_value());
    BOOST_TEST(r.options->serverUrl == "http://127.0.0.1:8080");
    BOOST_TEST(r.options->language == "vi");
    BOOST_TEST(r.options->user.empty());
    BOOST_TEST(r.options->localeDir.empty());
    BOOST_TEST(r.options->caFile.empty());  // the system's certificate store
}

BOOST_AUTO_TEST_CASE(values_come_separate_or_after_an_equals_sign)
{
    const DeskOptionsResult r =
        ParseDeskOptions({"--server", "https://10.0.0.5:9000", "--ca=/etc/motcua/ca.pem", "--user=demo.clerk",
                          "--password", "a=b", "--lang=en", "--locale-dir", "/opt/l"});
    BOOST_REQUIRE(r.options.has_value());
    BOOST_TEST(r.options->serverUrl == "https://10.0.0.5:9000");
    BOOST_TEST(r.options->caFile == "/etc/motcua/ca.pem");
    BOOST_TEST(r.options->user == "demo.clerk");
    BOOST_TEST(r.options->password == "a=b");
    BOOST_TEST(r.options->language == "en");
    BOOST_TEST(r.options->localeDir == "/opt/l");
}

BOOST_AUTO_TEST_CASE(help_exits_successfully_with_the_usage)
{
    const DeskOptionsResult r = ParseDeskOptions({"--help"});
    BOOST_TEST(!r.options.has_value());
    BOOST_TEST(r.exitCode == 0);
    BOOST_TEST(r.message.find("Usage: motcua-desk") == 0u);
    BOOST_TEST(r.message.find("--version") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(version_exits_successfully_with_the_version)
{
    const DeskOptionsResult r = ParseDeskOptions({"--lang", "en", "--version"});
    BOOST_TEST(!r.options.has_value());
    BOOST_TEST(r.exitCode == 0);
    BOOST_TEST(r.message.rfind("motcua-desk ", 0) == 0u);
    BOOST_TEST(r.message.back() == '\n');
}

namespace {

struct BadCommandLineCase {
    std::string caseName;
    std::vector<std::string> args;
    std::string reason;  // what the message says is wrong
};

}  // namespace

BOOST_AUTO_TEST_CASE(bad_command_lines_are_refused_with_exit_code_2)
{
    // clang-format off
    const std::vector<BadCommandLineCase> cases = {
        { "unknown option",            {"--bogus"},           "unknown option '--bogus'" },
        { "option without its value",  {"--server"},          "option --server needs a value" },
        { "language the desk lacks",   {"--lang", "fr"},      "--lang must be vi or en, not 'fr'" },
        { "password without a user",   {"--password", "x"},   "--password needs --user" },
        { "positional argument",       {"positional"},        "unknown option 'positional'" },
    };
    // clang-format on
    for (const BadCommandLineCase& c : cases) {
        BOOST_TEST_CONTEXT(c.caseName)
        {
            const DeskOptionsResult r = ParseDeskOptions(c.args);
            BOOST_TEST(!r.options.has_value());
            BOOST_TEST(r.exitCode == 2);
            BOOST_TEST(r.message.find("motcua-desk: " + c.reason) == 0u);
            BOOST_TEST(r.message.find("Usage: motcua-desk") != std::string::npos);
        }
    }
}

BOOST_AUTO_TEST_CASE(abbreviations_missing_values_and_equals_signs_are_read_as_the_server_reads_them)
{
    // The same splitter as motcua-server's: full names only, in their own case.
    const std::vector<std::string> misspelt{"--serv", "--SERVER", "--lan=en"};
    for (const std::string& arg : misspelt) {
        const DeskOptionsResult r = ParseDeskOptions({arg, "x"});
        BOOST_TEST(!r.options.has_value());
        BOOST_TEST(r.exitCode == 2);
        BOOST_TEST(r.message.find("motcua-desk: unknown option '" + arg + "'") == 0u);
    }
    const DeskOptionsResult missing = ParseDeskOptions({"--lang=en", "--user", "demo", "--locale-dir"});
    BOOST_TEST(missing.exitCode == 2);
    BOOST_TEST(missing.message.find("motcua-desk: option --locale-dir needs a value") == 0u);
    const DeskOptionsResult equals = ParseDeskOptions({"--server=--user", "--lang=", "--lang=vi"});
    BOOST_REQUIRE(equals.options.has_value());
    BOOST_TEST(equals.options->serverUrl == "--user");  // a value, whatever it looks like
    BOOST_TEST(equals.options->language == "vi");       // the last one given wins
}

BOOST_AUTO_TEST_SUITE_END()
