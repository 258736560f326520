// PasswordHasher: verification, wrong passwords, tampered or hostile encodings.
#include "server/password_hasher.h"

#include <boost/test/unit_test.hpp>

#include "model/error.h"

using motcua::server::PasswordHasher;
using motcua::server::ScryptCost;

namespace {

// Cheap cost for tests; production uses 2^15.
const PasswordHasher& Fast()
{
    static const PasswordHasher hasher(ScryptCost{10, 8, 1});
    return hasher;
}

std::vector<std::string> Split(const std::string& s)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
        auto pos = s.find('$', start);
        parts.push_back(s.substr(start, pos - start));
        if (pos == std::string::npos)
            return parts;
        start = pos + 1;
    }
}

std::string Join(const std::vector<std::string>& parts)
{
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i)
        out += (i ? "$" : "") + parts[i];
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(PasswordHasherUnit)

BOOST_AUTO_TEST_CASE(hash_has_documented_layout_and_verifies)
{
    const std::string hash = Fast().Hash("mật khẩu đúng");
    const auto parts = Split(hash);
    BOOST_REQUIRE_EQUAL(parts.size(), 6u);
    BOOST_TEST(parts[0] == "scrypt");
    BOOST_TEST(parts[1] == "1024");
    BOOST_TEST(parts[2] == "8");
    BOOST_TEST(parts[3] == "1");
    BOOST_TEST(parts[4].size() == 22u);  // 16 bytes, unpadded base64url
    BOOST_TEST(parts[5].size() == 43u);  // 32 bytes
    BOOST_TEST(Fast().Verify("mật khẩu đúng", hash));
}

BOOST_AUTO_TEST_CASE(wrong_password_is_refused)
{
    const std::string hash = Fast().Hash("secret");
    BOOST_TEST(!Fast().Verify("Secret", hash));
    BOOST_TEST(!Fast().Verify("", hash));
    BOOST_TEST(!Fast().Verify("secret ", hash));
}

BOOST_AUTO_TEST_CASE(same_password_gets_a_new_salt_each_time)
{
    const std::string a = Fast().Hash("secret");
    const std::string b = Fast().Hash("secret");
    BOOST_TEST(a != b);
    BOOST_TEST(Fast().Verify("secret", a));
    BOOST_TEST(Fast().Verify("secret", b));
}

BOOST_AUTO_TEST_CASE(tampered_encodings_are_refused_without_throwing)
{
    const std::string hash = Fast().Hash("secret");
    auto parts = Split(hash);

    auto flip = [](std::string s, std::size_t i) {
        s[i] = s[i] == 'A' ? 'B' : 'A';
        return s;
    };
    std::vector<std::string> bad;
    {
        auto p = parts;
        p[5] = flip(p[5], 3);
        bad.push_back(Join(p));
    }  // hash changed
    {
        auto p = parts;
        p[4] = flip(p[4], 0);
        bad.push_back(Join(p));
    }  // salt changed
    {
        auto p = parts;
        p[1] = "2048";
        bad.push_back(Join(p));
    }  // cost changed
    {
        auto p = parts;
        p[2] = "4";
        bad.push_back(Join(p));
    }  // r changed
    {
        auto p = parts;
        p[1] = "1000";
        bad.push_back(Join(p));
    }  // N not a power of two
    {
        auto p = parts;
        p[1] = "1073741824";
        bad.push_back(Join(p));
    }  // N far too large (memory bomb)
    {
        auto p = parts;
        p[2] = "0";
        bad.push_back(Join(p));
    }  // r zero
    {
        auto p = parts;
        p[1] = "01024";
        bad.push_back(Join(p));
    }  // non-canonical number
    {
        auto p = parts;
        p[0] = "bcrypt";
        bad.push_back(Join(p));
    }  // other scheme
    {
        auto p = parts;
        p[5] += "=";
        bad.push_back(Join(p));
    }  // padding
    {
        auto p = parts;
        p[5] = p[5].substr(0, 10);
        bad.push_back(Join(p));
    }  // truncated hash
    {
        auto p = parts;
        p.pop_back();
        bad.push_back(Join(p));
    }  // field missing
    {
        auto p = parts;
        p.push_back("x");
        bad.push_back(Join(p));
    }  // field added
    bad.push_back("");
    bad.push_back("scrypt$$$$$");
    bad.push_back("plain-text-password");
    for (const std::string& encoded : bad) {
        BOOST_TEST_CONTEXT(encoded)
        {
            bool ok = true;
            BOOST_CHECK_NO_THROW(ok = Fast().Verify("secret", encoded));
            BOOST_TEST(!ok);
        }
    }
}

BOOST_AUTO_TEST_CASE(default_cost_is_two_to_the_fifteen)
{
    const PasswordHasher production;
    BOOST_TEST(production.Cost().log2N == 15);
    const std::string hash = production.Hash("secret");
    BOOST_TEST(hash.rfind("scrypt$32768$8$1$", 0) == 0u);
    BOOST_TEST(production.Verify("secret", hash));
    // A hash made with another cost still verifies: the cost travels in the encoding.
    BOOST_TEST(production.Verify("x", Fast().Hash("x")));
}

BOOST_AUTO_TEST_CASE(cost_out_of_range_is_refused)
{
    BOOST_CHECK_THROW(PasswordHasher(ScryptCost{0, 8, 1}), motcua::Error);
    BOOST_CHECK_THROW(PasswordHasher(ScryptCost{25, 8, 1}), motcua::Error);
    BOOST_CHECK_THROW(PasswordHasher(ScryptCost{10, 0, 1}), motcua::Error);
}

BOOST_AUTO_TEST_SUITE_END()
