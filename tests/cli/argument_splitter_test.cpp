// The shared splitter: both value spellings, full names only, and each mistake named with its option.
#include "cli/argument_splitter.h"

#include <boost/test/unit_test.hpp>

using namespace motcua::cli;

namespace {

OptionNames Names()
{
    OptionNames names;
    names.valued = {"--db", "--listen"};
    names.flags = {"--help", "--demo"};
    names.maxPlain = 1;
    return names;
}

ArgumentError::Kind KindOf(const std::vector<std::string>& args, const OptionNames& names = Names())
{
    try {
        SplitCommandLine(args, names);
    } catch (const ArgumentError& e) {
        return e.GetKind();
    }
    BOOST_FAIL("no ArgumentError");
    return ArgumentError::Kind::UnknownOption;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(argument_splitter)

BOOST_AUTO_TEST_CASE(values_come_separate_or_after_an_equals_sign_in_order)
{
    const SplitArguments split = SplitCommandLine({"--db", "-x=y", "--listen=a=b", "--demo", "file.pdf"}, Names());
    BOOST_REQUIRE_EQUAL(split.options.size(), 3u);
    BOOST_TEST(split.options[0].name == "--db");
    BOOST_TEST(split.options[0].value == "-x=y");
    BOOST_TEST(split.options[1].name == "--listen");
    BOOST_TEST(split.options[1].value == "a=b");
    BOOST_TEST(split.options[2].name == "--demo");
    BOOST_TEST(split.options[2].value.empty());
    BOOST_REQUIRE_EQUAL(split.plain.size(), 1u);
    BOOST_TEST(split.plain[0] == "file.pdf");
}

BOOST_AUTO_TEST_CASE(abbreviations_and_other_cases_are_unknown)
{
    BOOST_TEST((KindOf({"--dem"}) == ArgumentError::Kind::UnknownOption));
    BOOST_TEST((KindOf({"--DB", "x"}) == ArgumentError::Kind::UnknownOption));
    BOOST_TEST((KindOf({"--bogus=1"}) == ArgumentError::Kind::UnknownOption));
    BOOST_TEST((KindOf({"-x"}) == ArgumentError::Kind::UnknownOption));
}

BOOST_AUTO_TEST_CASE(mistakes_are_named)
{
    BOOST_TEST((KindOf({"--db"}) == ArgumentError::Kind::MissingValue));
    BOOST_TEST((KindOf({"--demo=yes"}) == ArgumentError::Kind::UnexpectedValue));
    BOOST_TEST((KindOf({"a", "b"}) == ArgumentError::Kind::UnexpectedArgument));
    try {
        SplitCommandLine({"--listen", "x", "--db"}, Names());
        BOOST_FAIL("no ArgumentError");
    } catch (const ArgumentError& e) {
        BOOST_TEST(e.Option() == "--db");
        BOOST_TEST(std::string(e.what()) == "option --db needs a value");
    }
}

BOOST_AUTO_TEST_CASE(short_help_and_stopping_early)
{
    OptionNames names = Names();
    names.stopAt = {"--help"};
    const SplitArguments split = SplitCommandLine({"-h", "--bogus"}, names);
    BOOST_REQUIRE_EQUAL(split.options.size(), 1u);
    BOOST_TEST(split.options[0].name == "--help");
    names.shortOptions = false;
    BOOST_TEST(SplitCommandLine({"-h"}, names).plain.at(0) == "-h");
}

BOOST_AUTO_TEST_SUITE_END()
