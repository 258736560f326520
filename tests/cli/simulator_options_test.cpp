// motcua-simulator's options: defaults, both value spellings, --help and --version, and the refusals.
#include "tools/simulator/simulator_options.h"

#include <boost/test/unit_test.hpp>

#include "model/error.h"

using namespace motcua::tools;

namespace {

// The refusal's message and field, "" when there is none.
std::string RefusalOf(const std::vector<std::string>& args)
{
    try {
        ParseSimulatorOptions(args, 7);
    } catch (const motcua::Error& e) {
        return std::string(e.what()) + " (" + e.Field() + ")";
    }
    return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(simulator_options)

BOOST_AUTO_TEST_CASE(values_come_separate_or_after_an_equals_sign)
{
    const SimulatorCommandLine cl =
        ParseSimulatorOptions({"--server=http://127.0.0.1:8080", "--rate", "2", "--count=10"}, 7);
    BOOST_REQUIRE(cl.options.has_value());
    BOOST_TEST(cl.options->server == "http://127.0.0.1:8080");
    BOOST_TEST(cl.options->rate == 2.0);
    BOOST_TEST(cl.options->count == 10);
    BOOST_TEST(cl.options->seed == 7u);
    BOOST_TEST(cl.options->badShare == 0.05);
}

BOOST_AUTO_TEST_CASE(help_and_version_answer_at_once)
{
    const SimulatorCommandLine help = ParseSimulatorOptions({"--help"}, 7);
    BOOST_TEST(!help.options.has_value());
    BOOST_TEST(!help.version);
    const SimulatorCommandLine version = ParseSimulatorOptions({"--version", "--bogus"}, 7);
    BOOST_TEST(!version.options.has_value());
    BOOST_TEST(version.version);
}

BOOST_AUTO_TEST_CASE(mistakes_are_refused_with_the_option)
{
    BOOST_TEST(RefusalOf({"--bogus", "1"}) == "Unknown option or missing value (--bogus)");
    BOOST_TEST(RefusalOf({"--server"}) == "Unknown option or missing value (--server)");
    BOOST_TEST(RefusalOf({"--serv=http://x:1"}) == "Unknown option or missing value (--serv)");
    BOOST_TEST(RefusalOf({"--server", "http://127.0.0.1:9", "--rate", "0"}) ==
               "The rate must be above 0 and at most 50 per second (--rate)");
    BOOST_TEST(RefusalOf({}) == "The server URL is required (--server)");
}

BOOST_AUTO_TEST_SUITE_END()
