// QR code matrices from libqrencode: sizes, finder patterns, and bad input.
#include "reports/qr_code.h"

#include <string>

#include <boost/test/unit_test.hpp>

#include "model/error.h"

using motcua::ErrorCategory;
using motcua::reports::QrCode;

namespace {

void ExpectBadLookupUrl(const std::string& text)
{
    try {
        QrCode::Encode(text);
        BOOST_ERROR("no error for a lookup URL of " << text.size() << " bytes");
    } catch (const motcua::Error& e) {
        BOOST_TEST((e.Category() == ErrorCategory::BadInput));
        BOOST_TEST(e.Field() == "lookupUrl");
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(qr_code)

BOOST_AUTO_TEST_CASE(encodes_a_lookup_url_with_finder_patterns_in_three_corners)
{
    const QrCode code = QrCode::Encode("https://motcua.example.vn/tra-cuu?ma=000.00.00.H41-261127-0001");
    const int n = code.Size();
    BOOST_TEST(n >= 21);
    BOOST_TEST((n - 17) % 4 == 0);  // 17 + 4 × version
    // Each finder: dark 7×7 ring, light ring, dark 3×3 centre.
    for (auto [x, y] : {std::pair{0, 0}, std::pair{n - 7, 0}, std::pair{0, n - 7}}) {
        BOOST_TEST(code.IsDark(x, y));
        BOOST_TEST(code.IsDark(x + 6, y + 6));
        BOOST_TEST(!code.IsDark(x + 1, y + 1));
        BOOST_TEST(code.IsDark(x + 3, y + 3));
    }
    // Timing patterns between the finders: row and column 6 alternate, dark on even indexes.
    for (int i = 8; i < n - 8; ++i) {
        BOOST_TEST(code.IsDark(i, 6) == (i % 2 == 0));
        BOOST_TEST(code.IsDark(6, i) == (i % 2 == 0));
    }
}

BOOST_AUTO_TEST_CASE(longer_text_needs_a_larger_version)
{
    BOOST_TEST(QrCode::Encode("https://a.vn/1").Size() < QrCode::Encode(std::string(300, 'x')).Size());
}

BOOST_AUTO_TEST_CASE(refuses_an_empty_or_oversized_text)
{
    ExpectBadLookupUrl("");
    ExpectBadLookupUrl(std::string(5000, 'x'));  // version 40-M holds 2331 bytes
}

// Found by fuzz_result_template: NUL bytes before the address made libqrencode see an empty string (EINVAL).
BOOST_AUTO_TEST_CASE(refuses_control_characters_before_they_cut_the_address)
{
    ExpectBadLookupUrl(std::string(3, '\0') + "https://motcua.example.vn/verify/H01.2026.7F3K9Q");
    ExpectBadLookupUrl(std::string("https://motcua.example.vn/") + '\0' + "verify");
    ExpectBadLookupUrl("https://motcua.example.vn/\nverify");
    ExpectBadLookupUrl("https://motcua.example.vn/\x7Fverify");
}

BOOST_AUTO_TEST_SUITE_END()
