// The drawing helper on its own: page flow, orientation, tables split across pages, size fitting, libharu errors.
#include "reports/pdf_document.h"

#include <cctype>
#include <cmath>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "model/error.h"
#include "tests/support/pdf_tools.h"

using motcua::ErrorCategory;
using motcua::reports::Align;
using motcua::reports::FontFace;
using motcua::reports::PdfDocument;
using motcua::reports::TableColumn;
using namespace motcua::test;

BOOST_AUTO_TEST_SUITE(pdf_document)

BOOST_AUTO_TEST_CASE(measures_with_the_embedded_fonts)
{
    PdfDocument pdf;
    BOOST_TEST(pdf.Width() > 450.0);  // A4 less 2 × 20 mm
    BOOST_TEST(pdf.TextWidth("Độc lập", FontFace::Regular, 10) > 0.0);
    BOOST_TEST(pdf.TextWidth("Độc lập", FontFace::Bold, 10) > pdf.TextWidth("Độc lập", FontFace::Regular, 10));
    BOOST_TEST(pdf.TextWidth("Độc lập", FontFace::Regular, 20) == 2 * pdf.TextWidth("Độc lập", FontFace::Regular, 10),
               boost::test_tools::tolerance(1e-9));
    // Decomposed input is measured as the composed letters it is drawn as.
    BOOST_TEST(pdf.TextWidth("Đô\xCC\xA3"
                             "c",
                             FontFace::Regular, 10) == pdf.TextWidth("Độc", FontFace::Regular, 10),
               boost::test_tools::tolerance(1e-9));
    const double size = pdf.FitSize("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", FontFace::Bold, 12, 100);
    BOOST_TEST(size < 12.0);
    BOOST_TEST(pdf.TextWidth("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", FontFace::Bold, size) <= 100.0 + 1e-9);
    BOOST_TEST(pdf.FitSize("Ngắn", FontFace::Bold, 12, 100) == 12.0);
}

BOOST_AUTO_TEST_CASE(landscape_pages_are_wider_than_tall_on_every_page)
{
    const double margin = 10 * PdfDocument::kPointsPerMillimetre;
    PdfDocument pdf(margin, motcua::reports::PageOrientation::Landscape);
    BOOST_TEST(pdf.Right() + margin == 841.89, boost::test_tools::tolerance(0.01));
    BOOST_TEST(pdf.PageHeight() == 595.276, boost::test_tools::tolerance(0.01));
    pdf.NewPage();
    BOOST_TEST(pdf.Width() > pdf.Top() - pdf.Bottom());
    BOOST_TEST(PdfDocument().Width() < PdfDocument().Top() - PdfDocument().Bottom());  // portrait stays the default
}

BOOST_AUTO_TEST_CASE(balanced_lines_keep_the_count_and_even_out_the_widths)
{
    PdfDocument pdf;
    const std::vector<motcua::reports::TextRun> heading{
        {"TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG HOÀN KIẾM", FontFace::Bold}};
    const auto greedy = pdf.Layout(heading, 280, 11);
    const auto balanced = pdf.BalancedLayout(heading, 280, 11);
    BOOST_TEST_REQUIRE(greedy.size() == 2u);
    BOOST_TEST_REQUIRE(balanced.size() == 2u);
    const auto spread = [](const auto& lines) { return std::abs(lines[0].width - lines[1].width); };
    BOOST_TEST(spread(balanced) < spread(greedy));
}

BOOST_AUTO_TEST_CASE(paragraphs_and_tall_table_rows_flow_onto_new_pages)
{
    PdfDocument pdf;
    std::string text;
    for (int i = 0; i < 120; ++i)
        text += "Dòng chữ số " + std::to_string(i) + "\n";
    pdf.Paragraph({{text}});
    BOOST_TEST(pdf.PageCount() == 3);  // 120 lines of 15.4 pt on pages holding 47
    BOOST_TEST(pdf.Remaining() >= 0.0);

    // One cell of 200 lines: taller than any page, so it is sliced under a repeated header.
    std::string tall;
    for (int i = 0; i < 200; ++i)
        tall += "Phần " + std::to_string(i) + "\n";
    pdf.Table({{"STT", 40, Align::Center}, {"Nội dung", 300, Align::Left}}, {{"1", tall}, {"2", "Ngắn"}});
    BOOST_TEST(pdf.PageCount() >= 7);
    BOOST_TEST(pdf.Remaining() >= 0.0);

    const TempPath file(".pdf");
    WriteFile(file.Path(), pdf.Save());
    // Every line once, in order, across all the pages.
    const std::string all = CollapseWhitespace(ExtractText(file.Path(), "-raw"));
    const auto expectInOrder = [&all](const std::string& prefix, int count) {
        std::size_t at = 0;
        for (int i = 0; i < count; ++i) {
            const std::string token = prefix + std::to_string(i);
            std::size_t found = all.find(token, at);
            // "Phần 1" must not be satisfied by "Phần 10".
            while (found != std::string::npos && found + token.size() < all.size() &&
                   std::isdigit(static_cast<unsigned char>(all[found + token.size()])))
                found = all.find(token, found + 1);
            BOOST_TEST(found != std::string::npos, token);
            if (found == std::string::npos)
                return;
            at = found + token.size();
        }
    };
    expectInOrder("Dòng chữ số ", 120);
    expectInOrder("Phần ", 200);
    BOOST_TEST(PageCount(file.Path()) == pdf.PageCount());
}

BOOST_AUTO_TEST_CASE(a_libharu_error_becomes_an_internal_error)
{
    PdfDocument pdf;
    try {
        pdf.DrawRule(10, 20, 30, -1);  // a negative line width is out of range for libharu
        BOOST_ERROR("no error for a negative line width");
    } catch (const motcua::Error& e) {
        BOOST_TEST((e.Category() == ErrorCategory::Internal));
        BOOST_TEST(e.Detail().find("libharu error 0x") != std::string::npos, e.Detail());
    }
}

BOOST_AUTO_TEST_SUITE_END()
