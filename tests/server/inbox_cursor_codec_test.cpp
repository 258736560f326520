// InboxCursorCodec: round trips, and every altered or invented cursor is BadInput on "after".
#include "server/inbox_cursor_codec.h"

#include <boost/test/unit_test.hpp>

#include "model/error.h"
#include "server/base64_url.h"

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
    std::vector<std::string> bad{
        "",
        "x",
        "!!!!",
        good + "A",
        good.substr(0, good.size() - 1),
        good + "=",
        " " + good,
        Base64Url::Encode("hello"),
        Base64Url::Encode("i1:1795000000:0"),  // id must be positive
        Base64Url::Encode("i1:1795000000:-5"),
        Base64Url::Encode("i1:1795000000:0042"),  // not canonical
        Base64Url::Encode("i1:+1795000000:42"),
        Base64Url::Encode("i1:abc:42"),
        Base64Url::Encode("i1:1795000000"),
        Base64Url::Encode("i1:1795000000:42:9"),
        Base64Url::Encode("i2:1795000000:42"),  // unknown layout version
        Base64Url::Encode("i1:1795000000:99999999999999999999"),
        std::string(200, 'A'),
    };
    // Every single-character change of a valid cursor.
    for (std::size_t i = 0; i < good.size(); ++i) {
        std::string t = good;
        t[i] = t[i] == 'Q' ? 'R' : 'Q';
        if (t != good)
            bad.push_back(t);
    }
    for (const std::string& text : bad) {
        BOOST_TEST_CONTEXT("cursor '" << text << "'")
        {
            bool threw = false;
            try {
                const auto decoded = InboxCursorCodec::Decode(text);
                // A change that still decodes must at least not be the original position.
                threw = decoded.id != c.id || decoded.dueAt != c.dueAt;
                if (threw)
                    continue;
            } catch (const motcua::Error& e) {
                threw = true;
                BOOST_TEST((e.Category() == motcua::ErrorCategory::BadInput));
                BOOST_TEST(e.Field() == "after");
                BOOST_TEST(std::string(e.what()) == "The paging cursor is not valid");
            }
            BOOST_TEST(threw);
        }
    }
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
