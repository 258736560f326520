// Word wrap with a fixed-pitch measure: one unit per code point, so expected lines can be worked out by hand.
#include "reports/text_layout.h"

#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

using motcua::reports::FontFace;
using motcua::reports::LayoutText;
using motcua::reports::TextLine;
using motcua::reports::TextRun;

namespace {

double CodePoints(std::string_view text, FontFace)
{
    double count = 0;
    for (char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++count;
    return count;
}

std::string Text(const TextLine& line)
{
    std::string text;
    for (const auto& fragment : line.fragments)
        text += fragment.text;
    return text;
}

std::vector<std::string> LinesOf(const std::vector<TextRun>& runs, double width)
{
    std::vector<std::string> lines;
    for (const TextLine& line : LayoutText(runs, width, CodePoints))
        lines.push_back(Text(line));
    return lines;
}

std::vector<std::string> Lines(const std::string& text, double width)
{
    return LinesOf({TextRun{text}}, width);
}

bool IsValidUtf8Start(const std::string& text)
{
    return text.empty() || (static_cast<unsigned char>(text[0]) & 0xC0) != 0x80;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(text_layout)

BOOST_AUTO_TEST_CASE(breaks_between_words_and_keeps_a_line_that_fits_exactly)
{
    BOOST_TEST(Lines("aa bb cc", 5) == (std::vector<std::string>{"aa bb", "cc"}));
    BOOST_TEST(Lines("aa bb cc", 8) == (std::vector<std::string>{"aa bb cc"}));
    BOOST_TEST(Lines("aa bb cc", 7.9) == (std::vector<std::string>{"aa bb", "cc"}));
}

BOOST_AUTO_TEST_CASE(collapses_whitespace_and_trims_lines)
{
    const auto lines = LayoutText({{"  a \t  b  "}}, 10, CodePoints);
    BOOST_TEST_REQUIRE(lines.size() == 1u);
    BOOST_TEST(Text(lines[0]) == "a b");
    BOOST_TEST(lines[0].width == 3.0);
    BOOST_TEST(Lines("", 10).empty());
    BOOST_TEST(Lines("   ", 10).empty());
}

BOOST_AUTO_TEST_CASE(newline_forces_a_break_and_keeps_empty_lines)
{
    BOOST_TEST(Lines("a\n\nb c", 10) == (std::vector<std::string>{"a", "", "b c"}));
}

BOOST_AUTO_TEST_CASE(splits_an_overlong_word_between_code_points)
{
    BOOST_TEST(Lines("abcdefghij", 4) == (std::vector<std::string>{"abcd", "efgh", "ij"}));
    BOOST_TEST(Lines("xy ằắẳẵặằ", 2) == (std::vector<std::string>{"xy", "ằắ", "ẳẵ", "ặằ"}));
    for (const auto& line : Lines("ằắẳẵặằ ầấẩẫậ", 1.5))
        BOOST_TEST(IsValidUtf8Start(line));
}

BOOST_AUTO_TEST_CASE(never_separates_a_combining_mark_from_its_letter)
{
    // "ế" decomposed: e + U+0302 + U+0301; the measure counts three code points for each cluster.
    const std::string decomposed = "e\xCC\x82\xCC\x81";
    const auto lines = Lines(decomposed + decomposed + decomposed, 3);
    BOOST_TEST(lines == (std::vector<std::string>{decomposed, decomposed, decomposed}));
}

BOOST_AUTO_TEST_CASE(keeps_faces_and_offsets_of_styled_runs)
{
    const auto lines = LayoutText({{"Ông/Bà: ", FontFace::Regular}, {"Nguyễn Văn An", FontFace::Bold}}, 40, CodePoints);
    BOOST_TEST_REQUIRE(lines.size() == 1u);
    BOOST_TEST_REQUIRE(lines[0].fragments.size() == 2u);
    BOOST_TEST(lines[0].fragments[0].text == "Ông/Bà: ");
    BOOST_TEST((lines[0].fragments[0].face == FontFace::Regular));
    BOOST_TEST(lines[0].fragments[1].text == "Nguyễn Văn An");
    BOOST_TEST((lines[0].fragments[1].face == FontFace::Bold));
    BOOST_TEST(lines[0].fragments[1].x == 8.0);
    BOOST_TEST(lines[0].width == 21.0);
}

BOOST_AUTO_TEST_CASE(runs_written_together_form_one_word)
{
    const auto lines = LayoutText({{"x abc", FontFace::Regular}, {"def", FontFace::Bold}}, 6, CodePoints);
    BOOST_TEST_REQUIRE(lines.size() == 2u);
    BOOST_TEST(Text(lines[0]) == "x");
    BOOST_TEST(Text(lines[1]) == "abcdef");
    BOOST_TEST(lines[1].fragments.size() == 2u);
}

BOOST_AUTO_TEST_CASE(no_line_is_wider_than_the_box_unless_one_character_is)
{
    const std::string text =
        "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất "
        "https://motcua.example.vn/tra-cuu?ma=000.00.00.H41-261127-0001";
    for (double width : {1.0, 3.0, 7.0, 12.0, 25.0}) {
        for (const TextLine& line : LayoutText({{text}}, width, CodePoints)) {
            BOOST_TEST(line.width <= width);
            BOOST_TEST(!Text(line).empty());
        }
    }
    const auto narrow = LayoutText({{"ab"}}, 0.5, CodePoints);
    BOOST_TEST(narrow.size() == 2u);  // one character per line, none dropped
}

BOOST_AUTO_TEST_SUITE_END()
