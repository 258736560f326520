// motcua-bench's options: both value spellings, and the usage errors it names.
#include "bench/bench_options.h"

#include <boost/test/unit_test.hpp>

using motcua::bench::BenchOptions;

namespace {

std::string ErrorOf(const std::vector<std::string>& args)
{
    try {
        BenchOptions::Parse(args, {"--seconds", "--out"});
    } catch (const BenchOptions::UsageError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(bench_options)

BOOST_AUTO_TEST_CASE(values_come_separate_or_after_an_equals_sign)
{
    const BenchOptions o = BenchOptions::Parse({"--seconds=3", "--out", "x=y"}, {"--seconds", "--out"});
    BOOST_TEST(o.Integer("--seconds", 1, 10, 5) == 3);
    BOOST_TEST(o.Text("--out").value_or("") == "x=y");
}

BOOST_AUTO_TEST_CASE(mistakes_are_refused_with_their_message)
{
    BOOST_TEST(ErrorOf({"--bogus", "1"}) == "unknown option --bogus");
    BOOST_TEST(ErrorOf({"--secs=1"}) == "unknown option --secs");
    BOOST_TEST(ErrorOf({"--seconds"}) == "--seconds needs a value");
    BOOST_TEST(ErrorOf({"--seconds", "1", "--seconds=2"}) == "--seconds given twice");
    BOOST_TEST(ErrorOf({"extra"}) == "unexpected argument 'extra'");
    BOOST_TEST(ErrorOf({"-h"}) == "unexpected argument '-h'");
}

BOOST_AUTO_TEST_SUITE_END()
