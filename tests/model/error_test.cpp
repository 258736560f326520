// Errors: category names for problem details and msgids with placeholders.
#include "model/error.h"

#include <set>

#include <boost/test/unit_test.hpp>

#include "test_support.h"

using namespace motcua;
using namespace motcua::test;

BOOST_AUTO_TEST_SUITE(error)

BOOST_AUTO_TEST_CASE(category_names_match_the_http_contract)
{
    const std::pair<ErrorCategory, const char*> names[] = {{ErrorCategory::BadInput, "bad-input"},
                                                           {ErrorCategory::NotFound, "not-found"},
                                                           {ErrorCategory::Unauthenticated, "unauthenticated"},
                                                           {ErrorCategory::NotAllowed, "not-allowed"},
                                                           {ErrorCategory::Conflict, "conflict"},
                                                           {ErrorCategory::Environment, "environment"},
                                                           {ErrorCategory::Internal, "internal"}};
    for (const auto& [category, name] : names)
        BOOST_TEST(std::string(ToString(category)) == name);
}

BOOST_AUTO_TEST_CASE(format_message)
{
    const MessageArgs args{{"role", "clerk"}, {"status", "1"}};
    BOOST_TEST(FormatMessage("Role {role} in {status}, again {role}", args) == "Role clerk in 1, again clerk");
    BOOST_TEST(FormatMessage("{unknown} {role}", args) == "{unknown} clerk");
    BOOST_TEST(FormatMessage("no placeholders", args) == "no placeholders");
    BOOST_TEST(FormatMessage("unclosed {role", args) == "unclosed {role");
    BOOST_TEST(FormatMessage("{}{role}}", args) == "{}clerk}");
    BOOST_TEST(FormatMessage("", {}) == "");
    // A translated msgid may order the values differently.
    BOOST_TEST(FormatMessage("Trạng thái {status}, vai trò {role}", args) == "Trạng thái 1, vai trò clerk");
}

BOOST_AUTO_TEST_CASE(errors_carry_category_field_detail_and_msgid)
{
    const Error plain(ErrorCategory::Conflict, "Stale version", "version", "expected 3, found 4");
    BOOST_TEST(std::string(plain.what()) == "Stale version");
    BOOST_TEST(plain.MessageId() == "Stale version");
    BOOST_TEST(plain.Args().empty());
    BOOST_TEST(plain.Field() == "version");
    BOOST_TEST(plain.Detail() == "expected 3, found 4");
    BOOST_TEST((plain.Category() == ErrorCategory::Conflict));

    const Error formatted =
        Error::Formatted(ErrorCategory::NotAllowed, "Role {role} may not", {{"role", "admin"}}, "f", "d");
    BOOST_TEST(std::string(formatted.what()) == "Role admin may not");
    BOOST_TEST(formatted.MessageId() == "Role {role} may not");
    BOOST_TEST(formatted.Args().size() == 1u);
    BOOST_TEST(formatted.Field() == "f");
    BOOST_TEST(formatted.Detail() == "d");
    // The copy is what this checks: copies keep the msgid (exceptions are copied when thrown).
    const Error copy = formatted;  // NOLINT(performance-unnecessary-copy-initialization)
    BOOST_TEST(copy.MessageId() == "Role {role} may not");

    ExpectBadInput([] { ThrowBadInput("Bad", "applicant.phone"); }, "applicant.phone");
}

BOOST_AUTO_TEST_SUITE_END()
