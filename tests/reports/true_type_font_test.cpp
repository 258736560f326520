// The font reader and its subsets: a subset keeps glyph numbers and advances and draws only the glyphs asked for.
#include "reports/true_type_font.h"

#include <set>
#include <string>

#include <boost/test/unit_test.hpp>

#include "reports/embedded_fonts.h"

using namespace motcua::reports;

BOOST_AUTO_TEST_SUITE(true_type_font)

BOOST_AUTO_TEST_CASE(a_subset_keeps_numbers_and_widths_and_is_a_fraction_of_the_font)
{
    const TrueTypeFont font(NotoSansRegularTtf());
    const std::string text = "Ký bởi: Nguyễn Văn An, Thời gian ký";
    const std::vector<std::uint16_t> glyphs = font.Glyphs(text);
    const std::vector<std::uint8_t> bytes = font.Subset({glyphs.begin(), glyphs.end()});
    BOOST_TEST(bytes.size() < font.Bytes().size() / 3, bytes.size() << " of " << font.Bytes().size() << " bytes");

    const TrueTypeFont subset(bytes);  // reads head, hhea, maxp, hmtx, OS/2 and cmap again
    BOOST_TEST(subset.Glyphs(text) == glyphs, boost::test_tools::per_element());
    BOOST_TEST(subset.Width(text, 10) == font.Width(text, 10));
    BOOST_TEST(subset.Ascent() == font.Ascent());
    BOOST_TEST(subset.Descent() == font.Descent());
    BOOST_TEST((subset.BoundingBox() == font.BoundingBox()));
    BOOST_TEST(subset.Subset({glyphs.begin(), glyphs.end()}) == bytes, "a subset of a subset changes nothing");
}

BOOST_AUTO_TEST_CASE(more_glyphs_make_a_larger_subset)
{
    const TrueTypeFont font(NotoSansRegularTtf());
    const auto few = font.Glyphs("An");
    const auto many = font.Glyphs("àáảãạ ằắẳẵặ ầấẩẫậ ÀÁẢÃẠ ẰẮẲẴẶ ẦẤẨẪẬ Đđ Ơơ Ưư");
    BOOST_TEST(font.Subset({few.begin(), few.end()}).size() < font.Subset({many.begin(), many.end()}).size());
}

BOOST_AUTO_TEST_SUITE_END()
