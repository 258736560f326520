// PdfPages: a PDF's pages counted, measured and rendered by poppler at a resolution; anything else refused plainly.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "desktop/app/pdf_pages.h"
#include "model/error.h"
#include "tests/desktop/desktop_fakes.h"

using namespace motcua;
using namespace motcua::desktop;

namespace {

// A two-page PDF written by hand: an A4 portrait page with a black square 1 inch wide at 1 inch from the top left,
// then an A5 landscape page left blank.
std::string TwoPagePdf()
{
    const std::string square = "0 g 72 698 72 72 re f\n";  // PDF y grows upwards: 842 - 72 - 72 = 698
    const std::vector<std::string> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
        "<< /Length " + std::to_string(square.size()) + " >>\nstream\n" + square + "endstream",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 420] /Resources << >> >>",
    };
    std::string pdf = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const std::size_t o : offsets) {
        const std::string n = std::to_string(o);
        pdf += std::string(10 - n.size(), '0') + n + " 00000 n \n";
    }
    pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

struct PdfFixture {
    PdfFixture() { std::filesystem::create_directories(temp.Path()); }
    motcua::desktop::test::TempFolder temp;
    std::filesystem::path Write(const std::string& name, const std::string& bytes) const
    {
        std::filesystem::path file = temp.Path() / name;
        std::ofstream(file, std::ios::binary) << bytes;
        return file;
    }
};

// Pixels darker than mid-grey in the rectangle [x0, x1) × [y0, y1) of an image.
int DarkPixels(const PdfPageImage& image, int x0, int y0, int x1, int y1)
{
    int dark = 0;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) {
            const std::uint8_t* p = &image.rgb[(static_cast<std::size_t>(y) * image.width + x) * 3];
            dark += (p[0] + p[1] + p[2]) < 3 * 128 ? 1 : 0;
        }
    return dark;
}

void RequireRefused(const std::filesystem::path& file, ErrorCategory category, const std::string& message)
{
    try {
        PdfPages pages(file);
        BOOST_FAIL(file.filename().string() << " was read as a PDF of " << pages.PageCount() << " pages");
    } catch (const Error& e) {
        BOOST_TEST(static_cast<int>(e.Category()) == static_cast<int>(category));
        BOOST_TEST(std::string(e.what()) == message);
        BOOST_TEST(e.Detail().find(file.string()) != std::string::npos, "detail: " << e.Detail());
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pdf_pages)

BOOST_FIXTURE_TEST_CASE(pages_are_counted_and_measured_in_points, PdfFixture)
{
    const PdfPages pages(Write("two.pdf", TwoPagePdf()));
    BOOST_TEST(pages.PageCount() == 2);
    BOOST_TEST(pages.PageSize(0).width == 595.0);
    BOOST_TEST(pages.PageSize(0).height == 842.0);
    BOOST_TEST(pages.PageSize(1).width == 595.0);
    BOOST_TEST(pages.PageSize(1).height == 420.0);
    BOOST_CHECK_THROW(pages.PageSize(2), Error);
    BOOST_CHECK_THROW(pages.Render(-1, 72), Error);
}

BOOST_FIXTURE_TEST_CASE(a_page_renders_at_the_resolution_asked_with_its_marks_where_they_are, PdfFixture)
{
    const PdfPages pages(Write("two.pdf", TwoPagePdf()));
    struct Case {
        double dpi;
        int width;
        int height;
    };
    // clang-format off
    const Case cases[] = {
        {72,  595, 842},
        {150, 1240, 1754},
        {300, 2479, 3508},
    };
    // clang-format on
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT("at " << c.dpi << " dpi")
        {
            const PdfPageImage image = pages.Render(0, c.dpi);
            // poppler rounds the page's size in pixels up or down by one.
            BOOST_TEST(std::abs(image.width - c.width) <= 1, image.width);
            BOOST_TEST(std::abs(image.height - c.height) <= 1, image.height);
            BOOST_REQUIRE(image.rgb.size() == static_cast<std::size_t>(image.width) * image.height * 3);
            // The square fills 1–2 inches from the top left, and the page is white elsewhere.
            const int inch = static_cast<int>(c.dpi);
            const int inside = DarkPixels(image, inch + 2, inch + 2, 2 * inch - 2, 2 * inch - 2);
            BOOST_TEST(inside == (inch - 4) * (inch - 4));
            BOOST_TEST(DarkPixels(image, 0, 0, image.width, inch - 2) == 0);
            BOOST_TEST(DarkPixels(image, 0, 2 * inch + 2, image.width, image.height) == 0);
        }
    }
    const PdfPageImage blank = pages.Render(1, 100);
    BOOST_TEST(std::abs(blank.width - 826) <= 1);
    BOOST_TEST(std::abs(blank.height - 583) <= 1);
    BOOST_TEST(DarkPixels(blank, 0, 0, blank.width, blank.height) == 0);
}

BOOST_FIXTURE_TEST_CASE(what_is_not_a_readable_pdf_is_refused_with_a_plain_reason, PdfFixture)
{
    RequireRefused(Write("proxy.pdf", "<html>502 Bad Gateway</html>"), ErrorCategory::BadInput,
                   "The document is not a PDF file, so it cannot be printed.");
    RequireRefused(Write("empty.pdf", ""), ErrorCategory::BadInput,
                   "The document is not a PDF file, so it cannot be printed.");
    // A PDF header over nothing: poppler finds no document in it.
    RequireRefused(Write("cut.pdf", "%PDF-1.4\n1 0 obj\n<< /Type"), ErrorCategory::BadInput,
                   "The PDF document is damaged and cannot be printed.");
    RequireRefused(temp.Path() / "gone.pdf", ErrorCategory::Environment,
                   "The document could not be read from its file.");
}

BOOST_AUTO_TEST_SUITE_END()
