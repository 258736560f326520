// The search box's text told apart: codes, citizen IDs, phone numbers in their usual spellings, name words with or
// without diacritics, and the refusals (too short, too long, too many words, digits that are nothing).
#include "model/search_key.h"

#include <boost/test/unit_test.hpp>

#include "test_support.h"

using namespace motcua;
using namespace motcua::test;

BOOST_AUTO_TEST_SUITE(search_key)

BOOST_AUTO_TEST_CASE(each_kind_of_key_is_recognised)
{
    struct Case {
        const char* text;
        SearchKind kind;
        std::vector<std::string> values;
    };
    // clang-format off
    const Case cases[] = {
        {"000.31.21.H41-260302-0001",    SearchKind::Code,      {"000.31.21.H41-260302-0001"}},
        {" 000.31.21.h41-260302-0001 ",  SearchKind::Code,      {"000.31.21.H41-260302-0001"}},
        {"001203004567",                 SearchKind::CitizenId, {"001203004567"}},
        {"0912345678",                   SearchKind::Phone,     {"0912345678", "+84912345678"}},
        {"0912 345 678",                 SearchKind::Phone,     {"0912345678", "+84912345678"}},
        {"+84912345678",                 SearchKind::Phone,     {"0912345678", "+84912345678"}},
        {"02363.822.123",                SearchKind::Phone,     {"02363822123", "+842363822123"}},
        {"nguyen thi anh",               SearchKind::Name,      {"nguyen", "thi", "anh"}},
        {"Nguyễn  Thị Ánh",              SearchKind::Name,      {"Nguyễn", "Thị", "Ánh"}},
        {"dang",                         SearchKind::Name,      {"dang"}},
        {"Lê",                           SearchKind::Name,      {"Lê"}},
        {"o'brien-100%_x",               SearchKind::Name,      {"o", "brien", "100", "x"}},
    };
    // clang-format on
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT(c.text)
        {
            const SearchKey key = ParseSearchKey(c.text);
            BOOST_TEST(static_cast<int>(key.kind) == static_cast<int>(c.kind));
            BOOST_TEST(key.values == c.values, boost::test_tools::per_element());
        }
    }
}

BOOST_AUTO_TEST_CASE(unusable_text_is_refused_on_q)
{
    for (const std::string& text : {std::string(""), std::string("   "), std::string("a"), std::string(" Đ "),
                                    std::string(101, 'a'), std::string("a b c d e f g"), std::string("12345"),
                                    std::string("0012345"), std::string("\xC3\x28x"), std::string("%%")}) {
        BOOST_TEST_CONTEXT("'" << text << "'")
        {
            ExpectError([&] { ParseSearchKey(text); }, ErrorCategory::BadInput, "q");
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
