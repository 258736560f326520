#include "bench/pdf_baseline.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <type_traits>

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/TemporaryFile.h>
#include <hpdf.h>

#include "bench/measurement.h"

namespace motcua::bench {
namespace {

constexpr long long kMaxIterations = 100000;  // with --seconds, bounds a loop even if rendering became very fast

std::vector<std::string> NonEmptyLines(const std::string& text)
{
    std::vector<std::string> lines;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        line.erase(std::remove(line.begin(), line.end(), '\f'), line.end());
        const auto first = line.find_first_not_of(' ');
        if (first == std::string::npos)
            continue;
        lines.push_back(line.substr(first, line.find_last_not_of(' ') - first + 1));
    }
    return lines;
}

// libharu reports errors through a callback; an exception must not cross its C frames, so the first is recorded.
struct HpdfErrors {
    HPDF_STATUS error = HPDF_OK;
    HPDF_STATUS detail = 0;
    static void OnError(HPDF_STATUS errorNo, HPDF_STATUS detailNo, void* user)
    {
        auto* self = static_cast<HpdfErrors*>(user);
        if (self->error == HPDF_OK) {
            self->error = errorNo;
            self->detail = detailNo;
        }
    }
};

}  // namespace

void WriteFile(const std::string& path, const std::uint8_t* data, std::size_t size)
{
    std::ofstream file(path, std::ios::binary);
    file.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    if (!file)
        throw std::runtime_error("cannot write " + path);
}

int CountPages(const std::vector<std::uint8_t>& pdf)
{
    const std::string_view text(reinterpret_cast<const char*>(pdf.data()), pdf.size());
    constexpr std::string_view kPage = "/Type /Page";
    int pages = 0;
    for (std::size_t at = text.find(kPage); at != std::string_view::npos; at = text.find(kPage, at + 1)) {
        const std::size_t next = at + kPage.size();
        if (next < text.size() && text[next] != 's')
            ++pages;
    }
    return pages;
}

std::vector<std::string> PrintedLines(const std::vector<std::uint8_t>& pdf, std::vector<std::string> fallback,
                                      std::string& source)
{
#if defined(MOTCUA_BENCH_PDFTOTEXT)
    Poco::TemporaryFile file;
    WriteFile(file.path(), pdf.data(), pdf.size());
    Poco::Pipe output;
    Poco::ProcessHandle process = Poco::Process::launch(
        MOTCUA_BENCH_PDFTOTEXT, {"-q", "-enc", "UTF-8", file.path(), "-"}, nullptr, &output, nullptr);
    Poco::PipeInputStream stream(output);
    const std::string text{std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>()};
    if (process.wait() == 0) {
        source = "the document's text read back with pdftotext";
        return NonEmptyLines(text);
    }
#else
    (void)pdf;
#endif
    source = "the document's fields only (pdftotext not found at build time)";
    return fallback;
}

std::vector<std::uint8_t> RenderBarePage(const std::vector<std::string>& lines, const std::string& fontPath)
{
    HpdfErrors errors;
    std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, decltype(&HPDF_Free)> doc(HPDF_New(&HpdfErrors::OnError, &errors),
                                                                               &HPDF_Free);
    if (!doc)
        throw std::runtime_error("HPDF_New failed");
    HPDF_SetCompressionMode(doc.get(), HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(doc.get());
    HPDF_SetCurrentEncoder(doc.get(), "UTF-8");
    const char* fontName = HPDF_LoadTTFontFromFile(doc.get(), fontPath.c_str(), HPDF_TRUE);
    HPDF_Font font = fontName ? HPDF_GetFont(doc.get(), fontName, "UTF-8") : nullptr;
    HPDF_Page page = HPDF_AddPage(doc.get());
    if (!font || !page)
        throw std::runtime_error("libharu could not load the font or add a page, error " +
                                 std::to_string(errors.error));
    HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    const double margin = 56.7;  // 20 mm, as the forms
    const double height = HPDF_Page_GetHeight(page);
    const double size = 10;
    const double step =
        std::min(size * 1.4, (height - 2 * margin) / static_cast<double>(std::max<std::size_t>(1, lines.size())));
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, font, static_cast<HPDF_REAL>(size));
    double y = height - margin - size;
    for (const std::string& line : lines) {
        HPDF_Page_TextOut(page, static_cast<HPDF_REAL>(margin), static_cast<HPDF_REAL>(y), line.c_str());
        y -= step;
    }
    HPDF_Page_EndText(page);
    HPDF_SaveToStream(doc.get());
    HPDF_UINT32 bytes = HPDF_GetStreamSize(doc.get());
    std::vector<std::uint8_t> pdf(bytes);
    if (bytes > 0)
        HPDF_ReadFromStream(doc.get(), pdf.data(), &bytes);
    pdf.resize(bytes);
    if (errors.error != HPDF_OK || pdf.empty())
        throw std::runtime_error("libharu error " + std::to_string(errors.error) + " (detail " +
                                 std::to_string(errors.detail) + ") on the baseline page");
    return pdf;
}

LoopResult TimedLoop(double seconds, const std::function<std::vector<std::uint8_t>()>& render)
{
    LoopResult r;
    r.lastSize = render().size();
    const auto start = SteadyClock::now();
    while (r.documents < kMaxIterations && SecondsSince(start) < seconds) {
        r.lastSize = render().size();
        ++r.documents;
    }
    r.seconds = SecondsSince(start);
    return r;
}

}  // namespace motcua::bench
