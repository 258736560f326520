#include "desktop/app/pdf_pages.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iterator>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include "desktop/gettext_macros.h"
#include "model/error.h"

namespace motcua::desktop {

struct PdfPages::Impl {
    std::vector<char> bytes;  // poppler reads from these for the document's whole life
    std::unique_ptr<poppler::document> document;
};

namespace {

std::unique_ptr<poppler::page> OpenPage(const poppler::document& document, int page, const std::string& file)
{
    if (page < 0 || page >= document.pages())
        throw Error(ErrorCategory::BadInput, N_("The document has no such page."), {},
                    file + ": page " + std::to_string(page + 1) + " of " + std::to_string(document.pages()));
    std::unique_ptr<poppler::page> out(document.create_page(page));
    if (!out)
        throw Error(ErrorCategory::BadInput, N_("A page of the document could not be read."), {},
                    file + ": page " + std::to_string(page + 1));
    return out;
}

}  // namespace

PdfPages::PdfPages(const std::filesystem::path& file) : m_file(file), m_impl(std::make_unique<Impl>())
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw Error(ErrorCategory::Environment, N_("The document could not be read from its file."), {}, file.string());
    m_impl->bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    // poppler would try to repair anything; a file that does not start as a PDF is refused with a plain reason.
    static constexpr char kMagic[] = {'%', 'P', 'D', 'F', '-'};
    if (m_impl->bytes.size() < sizeof kMagic ||
        !std::equal(std::begin(kMagic), std::end(kMagic), m_impl->bytes.begin()))
        throw Error(ErrorCategory::BadInput, N_("The document is not a PDF file, so it cannot be printed."), {},
                    file.string() + ": " + std::to_string(m_impl->bytes.size()) + " bytes");
    m_impl->document.reset(
        poppler::document::load_from_raw_data(m_impl->bytes.data(), static_cast<int>(m_impl->bytes.size())));
    if (!m_impl->document)
        throw Error(ErrorCategory::BadInput, N_("The PDF document is damaged and cannot be printed."), {},
                    file.string() + ": poppler could not read it");
    if (m_impl->document->is_locked())
        throw Error(ErrorCategory::BadInput, N_("The PDF document is protected by a password and cannot be printed."),
                    {}, file.string());
    if (m_impl->document->pages() < 1)
        throw Error(ErrorCategory::BadInput, N_("The PDF document has no page to print."), {}, file.string());
}

PdfPages::~PdfPages() = default;
PdfPages::PdfPages(PdfPages&&) noexcept = default;
PdfPages& PdfPages::operator=(PdfPages&&) noexcept = default;

int PdfPages::PageCount() const noexcept
{
    return m_impl->document->pages();
}

PdfPageSize PdfPages::PageSize(int page) const
{
    const std::unique_ptr<poppler::page> p = OpenPage(*m_impl->document, page, m_file.string());
    const poppler::rectf box = p->page_rect(poppler::media_box);
    // A page turned by /Rotate prints turned: its width and height swap.
    const bool turned = p->orientation() == poppler::page::landscape || p->orientation() == poppler::page::seascape;
    return turned ? PdfPageSize{box.height(), box.width()} : PdfPageSize{box.width(), box.height()};
}

PdfPageImage PdfPages::Render(int page, double dpi) const
{
    const std::unique_ptr<poppler::page> p = OpenPage(*m_impl->document, page, m_file.string());
    poppler::page_renderer renderer;
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    renderer.set_paper_color(0xffffffff);
    renderer.set_image_format(poppler::image::format_argb32);
    const poppler::image image = renderer.render_page(p.get(), dpi, dpi);
    if (!image.is_valid() || image.width() <= 0 || image.height() <= 0)
        throw Error(ErrorCategory::BadInput, N_("A page of the document could not be drawn."), {},
                    m_file.string() + ": page " + std::to_string(page + 1) + " at " + std::to_string(dpi) + " dpi");
    PdfPageImage out;
    out.width = image.width();
    out.height = image.height();
    out.rgb.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height) * 3);
    // format_argb32 is one 32-bit word per pixel, 0xAARRGGBB in the machine's byte order; the paper is opaque.
    const char* data = image.const_data();
    std::uint8_t* to = out.rgb.data();
    for (int y = 0; y < out.height; ++y) {
        const char* row = data + static_cast<std::ptrdiff_t>(y) * image.bytes_per_row();
        for (int x = 0; x < out.width; ++x) {
            std::uint32_t pixel = 0;
            std::memcpy(&pixel, row + static_cast<std::ptrdiff_t>(x) * 4, sizeof pixel);
            *to++ = static_cast<std::uint8_t>(pixel >> 16);
            *to++ = static_cast<std::uint8_t>(pixel >> 8);
            *to++ = static_cast<std::uint8_t>(pixel);
        }
    }
    return out;
}

}  // namespace motcua::desktop
