// TOTP (RFC 6238): the codes of the RFC's appendix B, base32 both ways (RFC 4648 section 10), the ±1 step window, a
// used step refused, the otpauth:// URI; and the lock's growing delay after failed sign-ins in a row.
#include "server/usecases/totp.h"

#include <boost/test/unit_test.hpp>

#include "server/usecases/session_service.h"

using motcua::Instant;
using motcua::server::SessionService;
using motcua::server::Totp;

namespace {

Instant At(long long seconds)
{
    return Instant{std::chrono::seconds{seconds}};
}

// The SHA-1 key of RFC 6238 appendix B: the ASCII digits "1234567890" twice.
const std::string kRfcSecret = "12345678901234567890";

}  // namespace

BOOST_AUTO_TEST_SUITE(TotpUnit)

BOOST_AUTO_TEST_CASE(codes_match_rfc_6238_appendix_b)
{
    struct Case {
        long long time;
        std::string code;  // 8 digits, as the appendix prints them
    };
    // clang-format off
    const std::vector<Case> cases = {
        {59,          "94287082"},
        {1111111109,  "07081804"},
        {1111111111,  "14050471"},
        {1234567890,  "89005924"},
        {2000000000,  "69279037"},
        {20000000000, "65353130"},
    };
    // clang-format on
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT("T = " << c.time)
        {
            const std::int64_t step = Totp::StepAt(At(c.time));
            BOOST_TEST(Totp::Code(kRfcSecret, step, 8) == c.code);
            // Six digits are the last six of eight (the same number modulo 10^6).
            BOOST_TEST(Totp::Code(kRfcSecret, step) == c.code.substr(2));
        }
    }
}

BOOST_AUTO_TEST_CASE(base32_follows_rfc_4648)
{
    // clang-format off
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"", ""}, {"f", "MY"}, {"fo", "MZXQ"}, {"foo", "MZXW6"}, {"foob", "MZXW6YQ"}, {"fooba", "MZXW6YTB"},
        {"foobar", "MZXW6YTBOI"},
    };
    // clang-format on
    for (const auto& [bytes, text] : cases) {
        BOOST_TEST(Totp::Base32(bytes) == text);
        BOOST_TEST(Totp::FromBase32(text).value_or("<invalid>") == bytes);
    }
    BOOST_TEST(Totp::FromBase32("mzxw6ytboi======").value_or("<invalid>") == std::string("foobar"));
    BOOST_TEST(!Totp::FromBase32("MZXW1").has_value());  // 1 is not in the alphabet
    const std::string secret = Totp::NewSecret();
    BOOST_TEST(secret.size() == Totp::kSecretBytes);
    BOOST_TEST(Totp::FromBase32(Totp::Base32(secret)).value_or("<invalid>") == secret);
    BOOST_TEST(Totp::NewSecret() != secret);
}

BOOST_AUTO_TEST_CASE(a_code_matches_within_one_step_and_only_after_the_last_used)
{
    const Instant now = At(1111111111);
    const std::int64_t step = Totp::StepAt(now);
    const std::string current = Totp::Code(kRfcSecret, step);
    const std::string previous = Totp::Code(kRfcSecret, step - 1);
    const std::string next = Totp::Code(kRfcSecret, step + 1);
    BOOST_TEST(Totp::Match(kRfcSecret, current, now, 0).value_or(-1) == step);
    BOOST_TEST(Totp::Match(kRfcSecret, previous, now, 0).value_or(-1) == step - 1);
    BOOST_TEST(Totp::Match(kRfcSecret, next, now, 0).value_or(-1) == step + 1);
    BOOST_TEST(!Totp::Match(kRfcSecret, Totp::Code(kRfcSecret, step - 2), now, 0).has_value());
    BOOST_TEST(!Totp::Match(kRfcSecret, Totp::Code(kRfcSecret, step + 2), now, 0).has_value());
    // A step once used, or an earlier one, never matches again: no replay.
    BOOST_TEST(!Totp::Match(kRfcSecret, current, now, step).has_value());
    BOOST_TEST(!Totp::Match(kRfcSecret, previous, now, step).has_value());
    BOOST_TEST(Totp::Match(kRfcSecret, next, now, step).value_or(-1) == step + 1);
    // Only six ASCII digits are a code.
    BOOST_TEST(!Totp::Match(kRfcSecret, "", now, 0).has_value());
    BOOST_TEST(!Totp::Match(kRfcSecret, current.substr(1), now, 0).has_value());
    BOOST_TEST(!Totp::Match(kRfcSecret, current + "0", now, 0).has_value());
    BOOST_TEST(!Totp::Match(kRfcSecret, " " + current.substr(1), now, 0).has_value());
    BOOST_TEST(!Totp::Match("another secret", current, now, 0).has_value());
}

BOOST_AUTO_TEST_CASE(the_uri_names_issuer_account_and_parameters)
{
    BOOST_TEST(Totp::Uri("MotCua", "demo.clerk", "foobar") ==
               "otpauth://totp/MotCua:demo.clerk?secret=MZXW6YTBOI&issuer=MotCua&algorithm=SHA1&digits=6&period=30");
    BOOST_TEST(Totp::Uri("Một Cửa", "a b", "f") ==
               "otpauth://totp/M%E1%BB%99t%20C%E1%BB%ADa:a%20b?secret=MY&issuer=M%E1%BB%99t%20C%E1%BB%ADa"
               "&algorithm=SHA1&digits=6&period=30");
}

BOOST_AUTO_TEST_CASE(the_lock_starts_at_30_s_after_5_failures_doubles_and_stops_at_15_min)
{
    // clang-format off
    const std::vector<std::pair<int, long long>> cases = {
        {0, 0}, {1, 0}, {4, 0}, {5, 30}, {6, 60}, {7, 120}, {8, 240}, {9, 480}, {10, 900}, {11, 900}, {1000, 900},
    };
    // clang-format on
    for (const auto& [failures, seconds] : cases)
        BOOST_TEST(SessionService::LockFor(failures).count() == seconds, failures << " failures");
}

BOOST_AUTO_TEST_SUITE_END()
