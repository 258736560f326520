// InboxCursorCodec: round trips, and every altered or invented cursor is BadInput on "after".
#include "server/api/inbox_cursor_codec.h"

#include <boost/test/unit_test.hpp>

#include "model/error.h"
#include "server/usecases/base64_url.h"

using motcua::Instant;
using motcua::server::Base64Url;
using motcua::server::InboxCursorCodec;

BOOST_AUTO_TEST_SUITE(InboxCursorUnit)

BOOST_AUTO_TEST_CASE(round_trips_with_and_without_due_time)
{
    motcua::pg::InboxCursor withDue;
    withDue.dueAt = Instant{std::chrono::seconds{1795000000}};
    withDue.id = 4711;
    const std::string text = InboxCursorCodec::Encode(withDue);
    for (char c : text)
        BOOST_TEST((std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'));  // URL-safe as is
    const auto back = InboxCursorCodec::Decode(text);
    BOOST_TEST(back.id == 4711);
    BOOST_REQUIRE(back.dueAt.has_value());
    BOOST_TEST(back.dueAt->time_since_epoch().count() == 1795000000);

    motcua::pg::InboxCursor noDue;
    noDue.id = 1;
    const auto back2 = InboxCursorCodec::Decode(InboxCursorCodec::Encode(noDue));
    BOOST_TEST(back2.id == 1);
    BOOST_TEST(!back2.dueAt.has_value());
}

BOOST_AUTO_TEST_CASE(tampered_cursors_are_bad_input_on_after)
{
    motcua::pg::InboxCursor c;
    c.dueAt = Instant{std::chrono::seconds{1795000000}};
    c.id = 4711;
    const std::string good = InboxCursorCodec::Encode(c);
    BOOST_TEST(*Base64Url::Decode(good) == "i1:1795000000:4711");  // the layout the cases below alter
    // Each of these must be refused: none is a cursor the codec could have produced.
    const std::vector<std::string> bad{
        "",
        "x",
        "!!!!",
        good + "A",
        good + "=",
        " " + good,
        Base64Url::Encode("hello"),
        Base64Url::Encode("i1:1795000000:0"),  // id must be positive
        Base64Url::Encode("i1:1795000000:-5"),
        Base64Url::Encode("i1:-:0"),
        Base64Url::Encode("i1:1795000000:0042"),  // not canonical
        Base64Url::Encode("i1:01795000000:42"),
        Base64Url::Encode("i1:+1795000000:42"),
        Base64Url::Encode("i1:1795000000:+42"),
        Base64Url::Encode("i1:1795000000: 42"),
        Base64Url::Encode("i1:abc:42"),
        Base64Url::Encode("i1::42"),
        Base64Url::Encode("i1:--:42"),
        Base64Url::Encode("i1:1795000000"),
        Base64Url::Encode("i1:1795000000:"),
        Base64Url::Encode("i1:1795000000:42:9"),
        Base64Url::Encode("i1:1795000000:42x"),
        Base64Url::Encode("i1:1795000000:4711\n"),
        Base64Url::Encode("i2:1795000000:42"),  // unknown layout version
        Base64Url::Encode("1795000000:42"),
        Base64Url::Encode("i1:1795000000:99999999999999999999"),
        Base64Url::Encode("i1:99999999999999999999:42"),
        std::string(200, 'A'),
    };
    for (const std::string& text : bad) {
        BOOST_TEST_CONTEXT("cursor '" << text << "' (" << Base64Url::Decode(text).value_or("not base64url") << ")")
        {
            try {
                const auto decoded = InboxCursorCodec::Decode(text);
                BOOST_ERROR("accepted as id " << decoded.id << ", due "
                                              << (decoded.dueAt ? decoded.dueAt->time_since_epoch().count() : -1));
            } catch (const motcua::Error& e) {
                BOOST_TEST((e.Category() == motcua::ErrorCategory::BadInput));
                BOOST_TEST(e.Field() == "after");
                BOOST_TEST(std::string(e.what()) == "The paging cursor is not valid");
            }
        }
    }
    // Every single-character change or cut of a valid cursor is refused, unless it spells another canonical cursor
    // (an altered or dropped digit of the id): then it names that other position, never the original one.
    std::vector<std::string> altered;
    for (std::size_t i = 0; i < good.size(); ++i) {
        altered.push_back(good.substr(0, i));
        for (const char replacement : {'Q', 'R', 'z', '-', '0'}) {
            std::string t = good;
            t[i] = replacement;
            if (t != good)
                altered.push_back(t);
        }
    }
    int refused = 0;
    for (const std::string& t : altered) {
        BOOST_TEST_CONTEXT("cursor '" << t << "' (" << Base64Url::Decode(t).value_or("not base64url") << ")")
        {
            try {
                const auto decoded = InboxCursorCodec::Decode(t);
                BOOST_TEST((decoded.id != c.id || decoded.dueAt != c.dueAt));
                BOOST_TEST(decoded.id > 0);
                BOOST_TEST(InboxCursorCodec::Encode(decoded) == t);
            } catch (const motcua::Error& e) {
                ++refused;
                BOOST_TEST((e.Category() == motcua::ErrorCategory::BadInput));
                BOOST_TEST(e.Field() == "after");
            }
        }
    }
    BOOST_TEST(refused > 0);
}

BOOST_AUTO_TEST_CASE(base64url_is_strict)
{
    BOOST_TEST(Base64Url::Encode("\xfb\xff") == "-_8");
    BOOST_TEST(Base64Url::Decode("-_8").value() == "\xfb\xff");
    BOOST_TEST(!Base64Url::Decode("-_9").has_value());  // trailing bits set: not canonical
    BOOST_TEST(!Base64Url::Decode("+/8").has_value());  // standard alphabet refused
    BOOST_TEST(!Base64Url::Decode("-_8=").has_value());
    BOOST_TEST(!Base64Url::Decode("A").has_value());
    BOOST_TEST(Base64Url::Decode("").value() == "");
}

BOOST_AUTO_TEST_SUITE_END()
