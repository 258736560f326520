// Document identifiers: their shape, every random bit in them, and what the verification route accepts.
#include "model/document_identifier.h"

#include <set>

#include <boost/test/unit_test.hpp>

using namespace motcua;

BOOST_AUTO_TEST_SUITE(document_identifier)

BOOST_AUTO_TEST_CASE(year_then_twelve_base32_digits_in_three_groups)
{
    BOOST_TEST(DocumentIdentifier(2026, 0) == "2026-0000-0000-0000");
    BOOST_TEST(DocumentIdentifier(2026, (1ULL << 60) - 1) == "2026-ZZZZ-ZZZZ-ZZZZ");
    BOOST_TEST(DocumentIdentifier(2027, 1) == "2027-0000-0000-0001");
    BOOST_TEST(DocumentIdentifier(2026, 31ULL << 55) == "2026-Z000-0000-0000");
    // Bits above the sixtieth are not used: the identifier has no more room.
    BOOST_TEST(DocumentIdentifier(2026, 1ULL << 60) == "2026-0000-0000-0000");
    // Each of the sixty bits changes the identifier.
    std::set<std::string> seen;
    for (int bit = 0; bit < 60; ++bit)
        seen.insert(DocumentIdentifier(2026, 1ULL << bit));
    BOOST_TEST(seen.size() == 60u);
}

BOOST_AUTO_TEST_CASE(only_that_shape_is_an_identifier)
{
    BOOST_TEST(IsDocumentIdentifier("2026-7F3K-9QX2-M4TD"));
    BOOST_TEST(IsDocumentIdentifier(DocumentIdentifier(2026, 0x0123456789ABCDEULL)));
    for (const char* bad : {"", "2026", "2026-7F3K-9QX2-M4T", "2026-7F3K-9QX2-M4TDX", "2026-7f3k-9qx2-m4td",
                            "2026-7F3K-9QX2-M4TI", "2026-7F3K-9QXO-M4TD", "2026_7F3K-9QX2-M4TD", "20X6-7F3K-9QX2-M4TD",
                            "2026-7F3K-9QX2-M4T/", "../../etc/passwd"})
        BOOST_TEST(!IsDocumentIdentifier(bad), bad);
}

BOOST_AUTO_TEST_SUITE_END()
