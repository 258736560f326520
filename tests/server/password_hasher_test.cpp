// PasswordHasher: verification, wrong passwords, tampered or hostile encodings.
#include "server/usecases/password_hasher.h"

#include <boost/test/unit_test.hpp>

#include "model/error.h"
#include "model/text.h"
#include "server/usecases/base64_url.h"

using motcua::server::Base64Url;
using motcua::server::PasswordHasher;
using motcua::server::ScryptCost;

namespace {

// Cheap cost for tests; production uses 2^15.
const PasswordHasher& Fast()
{
    static const PasswordHasher kHasher(ScryptCost{10, 8, 1});
    return kHasher;
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

std::string Hex(const std::string& bytes)
{
    return motcua::ToHex({reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()});
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
        p.emplace_back("x");
        bad.push_back(Join(p));
    }  // field added
    bad.emplace_back("");
    bad.emplace_back("scrypt$$$$$");
    bad.emplace_back("plain-text-password");
    for (const std::string& encoded : bad) {
        BOOST_TEST_CONTEXT(encoded)
        {
            bool ok = true;
            BOOST_CHECK_NO_THROW(ok = Fast().Verify("secret", encoded));
            BOOST_TEST(!ok);
        }
    }
}

BOOST_AUTO_TEST_CASE(derive_matches_the_rfc_7914_vectors)
{
    struct Case {
        const char* name;
        const char* password;
        const char* salt;
        std::uint64_t n, r, p;
        const char* key;  // 64 bytes, hex
    };
    // RFC 7914 §12; the fourth vector (N = 2^20) is left out for its 1 GiB of memory.
    // clang-format off
    const Case cases[] = {
        {"empty", "", "", 16, 1, 1,
         "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
         "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906"},
        {"password/NaCl", "password", "NaCl", 1024, 8, 16,
         "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
         "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640"},
        {"pleaseletmein/SodiumChloride", "pleaseletmein", "SodiumChloride", 16384, 8, 1,
         "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2"
         "d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887"},
    };
    // clang-format on
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT(c.name)
        {
            BOOST_TEST(Hex(PasswordHasher::Derive(c.password, c.salt, c.n, c.r, c.p, 64)) == c.key);
        }
    }
}

BOOST_AUTO_TEST_CASE(stored_format_is_plain_scrypt_of_its_fields)
{
    // RFC 7914's third vector written in the stored format: Verify must run exactly scrypt with the encoded
    // N, r, p and salt, and compare all 64 bytes.
    const auto key = motcua::FromHex(
        "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2"
        "d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887");
    BOOST_REQUIRE(key.has_value());
    const std::string encoded = "scrypt$16384$8$1$" + Base64Url::Encode("SodiumChloride") + "$" +
                                Base64Url::Encode(std::string(key->begin(), key->end()));
    BOOST_TEST(Fast().Verify("pleaseletmein", encoded));
    BOOST_TEST(!Fast().Verify("pleaseletmeIn", encoded));
    BOOST_TEST(!Fast().Verify("pleaseletmein", "scrypt$16384$8$2$" + Split(encoded)[4] + "$" + Split(encoded)[5]));
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
