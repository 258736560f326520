// JsonInput: typed reads naming the field; malformed bodies are 400 with an empty field.
#include "server/http/json_input.h"

#include <boost/test/unit_test.hpp>

#include "model/error.h"
#include "server/api/citizen_api.h"
#include "server/http/http_error.h"

using motcua::Error;
using motcua::ErrorCategory;
using motcua::server::HttpError;
using motcua::server::JsonInput;

namespace {

// Runs `f`, requires a motcua::Error, returns it for inspection.
template <class F>
Error Catch(F f)
{
    try {
        f();
    } catch (const Error& e) {
        return e;
    }
    BOOST_FAIL("no motcua::Error thrown");
    throw std::logic_error("unreachable");
}

template <class F>
int HttpStatusOf(F f)
{
    try {
        f();
    } catch (const HttpError& e) {
        return e.Status();
    } catch (const Error&) {
        return -1;
    }
    return 0;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(JsonInputUnit)

// Two members of one name (the parser would keep the last) and integers the parser cannot hold (it would wrap
// 18446744073709551617 to 1) are refused as a whole, before any field is read; integers it holds exactly are left to
// the typed reads, which name the field (wrong_types_are_refused).
BOOST_AUTO_TEST_CASE(ambiguous_bodies_are_400_with_the_reason)
{
    struct Case {
        std::string body;
        std::string title;
        std::string detail;
    };
    const std::vector<Case> cases{
        {R"({"count":1,"count":2})", "A member appears twice in the request body", "member \"count\""},
        {R"({"a":{"x":1,"y":{"x":2},"x":3}})", "A member appears twice in the request body", "member \"x\""},
        {R"({"count":18446744073709551617})", "A number in the request body is too large", "18446744073709551617"},
        {R"({"count":18446744073709551616})", "A number in the request body is too large", "18446744073709551616"},
        {R"({"list":[1,-9223372036854775809]})", "A number in the request body is too large", "-9223372036854775809"},
        {R"({"n":99999999999999999999999})", "A number in the request body is too large", "99999999999999999999999"},
    };
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT(c.body)
        {
            BOOST_TEST(HttpStatusOf([&] { JsonInput::Parse(c.body); }) == 400);
            const Error e = Catch([&] { JsonInput::Parse(c.body); });
            BOOST_TEST(std::string(e.what()) == c.title);
            BOOST_TEST(e.Detail() == c.detail);
            BOOST_TEST(e.Field() == "");
        }
    }
    // What stays allowed: the same name in different objects, the extreme integers, digits inside strings, doubles.
    const JsonInput ok = JsonInput::Parse(
        R"({"a":{"x":1},"b":{"x":2},"max":9223372036854775807,"min":-9223372036854775808,)"
        R"("text":"18446744073709551617 \"99999999999999999999\"","d":1e300,"f":123456789012345678901.5})");
    BOOST_TEST(ok.RequiredInt("max", 0, INT64_MAX) == INT64_MAX);
    BOOST_TEST(ok.RequiredInt("min", INT64_MIN, 0) == INT64_MIN);
    BOOST_TEST(ok.RequiredString("text", 100) == "18446744073709551617 \"99999999999999999999\"");
}

BOOST_AUTO_TEST_CASE(malformed_bodies_are_400_without_field)
{
    for (const std::string& body :
         std::vector<std::string>{"", "{", "{\"a\":1,}", "{\"a\":1} trailing", "[1,2]", "\"text\"", "42", "null",
                                  std::string("{\"a\":\"\xC3\x28\"}"), std::string("{\"a\":\"\xE0\x80\xAF\"}")}) {
        BOOST_TEST_CONTEXT(body)
        {
            BOOST_TEST(HttpStatusOf([&] { JsonInput::Parse(body); }) == 400);
            const Error e = Catch([&] { JsonInput::Parse(body); });
            BOOST_TEST(e.Field() == "");
            BOOST_TEST((e.Category() == ErrorCategory::BadInput));
        }
    }
}

BOOST_AUTO_TEST_CASE(reads_typed_fields)
{
    const JsonInput in = JsonInput::Parse(
        R"({"name":"Nguyễn Văn An","count":3,"nested":{"x":"y"},"list":[{"a":1},{"a":2}],"empty":null})");
    BOOST_TEST(in.RequiredString("name", 100) == "Nguyễn Văn An");
    BOOST_TEST(in.RequiredInt("count", 1, 10) == 3);
    BOOST_TEST(in.RequiredObject("nested").RequiredString("x", 5) == "y");
    BOOST_TEST(in.RequiredObject("nested").Path() == "nested");
    const auto list = in.RequiredObjectArray("list", 5);
    BOOST_REQUIRE_EQUAL(list.size(), 2u);
    BOOST_TEST(list[1].RequiredInt("a", 0, 9) == 2);
    BOOST_TEST(!in.OptionalString("empty", 10).has_value());  // null counts as absent
    BOOST_TEST(!in.OptionalInt("absent", 0, 1).has_value());
}

BOOST_AUTO_TEST_CASE(text_is_read_in_normalisation_form_c)
{
    // "Nguyễn Thị Ánh" typed on a keyboard that sends base letters and combining marks (U+0302 U+0303, U+0301).
    const std::string decomposed = "Nguye\xcc\x82\xcc\x83n Thi\xcc\xa3 A\xcc\x81nh";
    const std::string composed = "Nguy\xe1\xbb\x85n Th\xe1\xbb\x8b \xc3\x81nh";
    const JsonInput in = JsonInput::Parse(R"({"name":")" + decomposed + R"(","list":[")" + decomposed + R"("]})");
    BOOST_TEST(in.RequiredString("name", 100) == composed);
    BOOST_TEST(in.RequiredStringArray("list", 5, 100).at(0) == composed);
    BOOST_TEST(JsonInput::ToNfc(composed) == composed);
    BOOST_TEST(JsonInput::ToNfc("ascii only") == "ascii only");
}

BOOST_AUTO_TEST_CASE(missing_field_is_named_by_path)
{
    const JsonInput in = JsonInput::Parse(R"({"applicant":{"fullName":"An"},"documents":[{"name":"x"}]})");
    Error e = Catch([&] { in.RequiredObject("applicant").RequiredString("citizenId", 12); });
    BOOST_TEST(e.Field() == "applicant.citizenId");
    BOOST_TEST(std::string(e.what()) == "This field is required");
    e = Catch([&] { in.RequiredObjectArray("documents", 10)[0].RequiredInt("count", 1, 9); });
    BOOST_TEST(e.Field() == "documents[0].count");
    e = Catch([&] { in.RequiredObject("absent"); });
    BOOST_TEST(e.Field() == "absent");
    BOOST_TEST((e.Category() == ErrorCategory::BadInput));
}

BOOST_AUTO_TEST_CASE(wrong_types_are_refused)
{
    const JsonInput in = JsonInput::Parse(
        R"({"s":1,"i":"1","b":true,"d":1.5,"o":[],"a":{},"items":[1],"big":9223372036854775807,"huge":18446744073709551615})");
    BOOST_TEST(std::string(Catch([&] { in.RequiredString("s", 9); }).what()) == "This field must be text");
    BOOST_TEST(std::string(Catch([&] { in.RequiredInt("i", 0, 9); }).what()) == "This field must be a whole number");
    BOOST_TEST(std::string(Catch([&] { in.RequiredInt("b", 0, 9); }).what()) == "This field must be a whole number");
    BOOST_TEST(std::string(Catch([&] { in.RequiredInt("d", 0, 9); }).what()) == "This field must be a whole number");
    BOOST_TEST(std::string(Catch([&] { in.RequiredObject("o"); }).what()) == "This field must be an object");
    BOOST_TEST(std::string(Catch([&] { in.RequiredObjectArray("a", 9); }).what()) == "This field must be a list");
    const Error item = Catch([&] { in.RequiredObjectArray("items", 9); });
    BOOST_TEST(item.Field() == "items[0]");
    BOOST_TEST(std::string(Catch([&] { in.RequiredInt("big", 0, 9); }).what()) == "This number is out of range");
    BOOST_TEST(std::string(Catch([&] { in.RequiredInt("huge", 0, 9); }).what()) == "This number is out of range");
    BOOST_TEST(Catch([&] { in.RequiredInt("huge", 0, 9); }).Field() == "huge");
}

BOOST_AUTO_TEST_CASE(lengths_count_characters_and_limits_hold)
{
    const JsonInput in = JsonInput::Parse(R"({"v":"Đặng","n":11,"list":[{},{},{}]})");
    BOOST_TEST(in.RequiredString("v", 4) == "Đặng");  // 4 characters, 7 bytes
    const Error e = Catch([&] { in.RequiredString("v", 3); });
    BOOST_TEST(std::string(e.what()) == "This text is too long");
    BOOST_TEST(e.Field() == "v");
    BOOST_TEST(std::string(Catch([&] { in.RequiredInt("n", 1, 10); }).what()) == "This number is out of range");
    BOOST_TEST(std::string(Catch([&] { in.RequiredObjectArray("list", 2); }).what()) == "This list has too many items");
}

BOOST_AUTO_TEST_CASE(control_characters_are_refused)
{
    const JsonInput in = JsonInput::Parse(R"({"nul":"a\u0000b","nl":"a\nb","tab":"a\tb"})");
    for (const char* name : {"nul", "nl", "tab"}) {
        const Error e = Catch([&] { in.RequiredString(name, 100); });
        BOOST_TEST(std::string(e.what()) == "This text contains control characters");
        BOOST_TEST(e.Field() == name);
    }
}

BOOST_AUTO_TEST_CASE(submission_parse_names_mistyped_and_missing_fields)
{
    using motcua::server::CitizenApi;
    const std::string applicant =
        R"("applicant":{"fullName":"An","citizenId":"001090001234","dateOfBirth":"1990-05-12","address":"x","phone":"0912345678"})";
    Error e = Catch([&] {
        CitizenApi::ParseSubmission(JsonInput::Parse(R"({"procedureCode":"1","agencyCode":"a",)" + applicant +
                                                     R"(,"documents":[{"name":"n","form":"copy","count":"1"}]})"));
    });
    BOOST_TEST(e.Field() == "documents[0].count");
    e = Catch([&] {
        CitizenApi::ParseSubmission(JsonInput::Parse(R"({"procedureCode":"1","agencyCode":"a","documents":[]})"));
    });
    BOOST_TEST(e.Field() == "applicant");
    e = Catch([&] {
        CitizenApi::ParseSubmission(JsonInput::Parse(R"({"procedureCode":"1","agencyCode":"a",)" + applicant +
                                                     R"(,"documents":[{"name":"n","form":"photo","count":1}]})"));
    });
    BOOST_TEST(e.Field() == "documents[0].form");
    e = Catch([&] {
        CitizenApi::ParseSubmission(JsonInput::Parse(R"({"procedureCode":"1","agencyCode":"a",)" + applicant +
                                                     R"(,"formData":[1],"documents":[]})"));
    });
    BOOST_TEST(e.Field() == "formData");

    const auto ok = CitizenApi::ParseSubmission(JsonInput::Parse(
        R"({"procedureCode":"1.001193","agencyCode":"000.00.01.H41",)" + applicant +
        R"(,"formData":{"k":"v"},"documents":[{"name":"Tờ khai","form":"certified_copy","count":2}]})"));
    BOOST_TEST(ok.procedureCode == "1.001193");
    BOOST_TEST(ok.dossier.applicant.citizenId == "001090001234");
    BOOST_TEST(ok.dossier.formDataJson == R"({"k":"v"})");
    BOOST_REQUIRE_EQUAL(ok.dossier.documents.size(), 1u);
    BOOST_TEST((ok.dossier.documents[0].form == motcua::DocumentForm::CertifiedCopy));
    BOOST_TEST(ok.dossier.documents[0].count == 2);
    BOOST_TEST(ok.dossier.applicant.email.empty());
}

BOOST_AUTO_TEST_SUITE_END()
