// Log escaping: what a client sends cannot forge a log line, split its fields or reach the terminal as a control
// sequence; Vietnamese stays readable. And the database connection string's password rules.
#include "server/http/log_escape.h"

#include <string>

#include <boost/test/unit_test.hpp>
#include <libpq-fe.h>

#include "model/error.h"
#include "model/postgres/conninfo.h"

using motcua::server::EscapeForLog;
using motcua::server::EscapeLogField;

BOOST_AUTO_TEST_SUITE(LogEscapeUnit)

BOOST_AUTO_TEST_CASE(control_characters_invalid_utf8_and_backslashes_are_escaped)
{
    struct Case {
        std::string name;
        std::string input;
        std::string expected;
    };
    // clang-format off
    const std::vector<Case> cases{
        {"plain",              "/staff/v1/dossiers",            "/staff/v1/dossiers"},
        {"Vietnamese kept",    "/hồ-sơ/Nguyễn Văn A",           "/hồ-sơ/Nguyễn Văn A"},
        {"forged line",        "/a\nGET /admin 200 1.0 ms",     "/a\\nGET /admin 200 1.0 ms"},
        {"carriage return",    "/a\rX",                         "/a\\rX"},
        {"tab",                "a\tb",                          "a\\tb"},
        {"terminal escape",    "\x1b[2J\x1b]0;owned\x07",       R"(\x1B[2J\x1B]0;owned\x07)"},
        {"NUL and DEL",        std::string("a\0b\x7f", 4),      "a\\x00b\\x7F"},
        {"backslash",          "a\\nb",                         "a\\\\nb"},
        {"invalid UTF-8",      "a\xff\xc3(b",                   "a\\xFF\\xC3(b"},
        {"overlong slash",     "\xc0\xaf",                      "\\xC0\\xAF"},
        {"truncated sequence", "\xe1\xbb",                      "\\xE1\\xBB"},
        {"C1 control",         "a\xc2\x9b" "b",                 "a\\u{009B}b"},
        {"line separator",     "a\xe2\x80\xa8" "b",             "a\\u{2028}b"},
    };
    // clang-format on
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT(c.name)
        {
            BOOST_TEST(EscapeForLog(c.input) == c.expected);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_field_escapes_spaces_too)
{
    BOOST_TEST(EscapeLogField("/a b\nc") == "/a\\x20b\\nc");
    BOOST_TEST(EscapeForLog("/a b") == "/a b");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ConninfoUnit)

BOOST_AUTO_TEST_CASE(a_password_in_either_form_of_connection_string_is_found)
{
    using motcua::pg::ConninfoHasPassword;
    BOOST_TEST(ConninfoHasPassword("host=db user=motcua password=secret dbname=motcua"));
    BOOST_TEST(ConninfoHasPassword("host=db password='a b'"));
    BOOST_TEST(ConninfoHasPassword("postgresql://motcua:secret@db/motcua"));
    BOOST_TEST(ConninfoHasPassword("postgresql://db/motcua?password=secret"));
    BOOST_TEST(!ConninfoHasPassword("host=db user=motcua dbname=motcua"));
    BOOST_TEST(!ConninfoHasPassword("postgresql://motcua@db/motcua"));
    BOOST_TEST(!ConninfoHasPassword("host=db passfile=/etc/motcua/pgpass"));
    BOOST_CHECK_THROW(ConninfoHasPassword("host='unterminated"), motcua::Error);
}

BOOST_AUTO_TEST_CASE(a_password_from_a_file_is_added_quoted_and_the_rest_kept)
{
    const std::string password = "it's a \\secret";
    for (const std::string& conninfo : {std::string("host=db port=5433 user=motcua dbname=motcua"),
                                        std::string("postgresql://motcua@db:5433/motcua")}) {
        BOOST_TEST_CONTEXT(conninfo)
        {
            const std::string full = motcua::pg::ConninfoWithPassword(conninfo, password);
            char* error = nullptr;
            PQconninfoOption* options = PQconninfoParse(full.c_str(), &error);
            BOOST_REQUIRE(options != nullptr);
            std::map<std::string, std::string> values;
            for (const PQconninfoOption* o = options; o->keyword; ++o)
                if (o->val)
                    values[o->keyword] = o->val;
            PQconninfoFree(options);
            BOOST_TEST(values["password"] == password);
            BOOST_TEST(values["host"] == "db");
            BOOST_TEST(values["port"] == "5433");
            BOOST_TEST(values["user"] == "motcua");
            BOOST_TEST(values["dbname"] == "motcua");
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
