// One PDF's pages read and rendered to RGB pixels with poppler, without wx, so a headless test can check them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace motcua::desktop {

// A page in PDF points (1/72 inch), as its media box says.
struct PdfPageSize {
    double width = 0;
    double height = 0;
};

// A rendered page: `rgb` holds width × height pixels, three bytes each, rows packed top to bottom.
struct PdfPageImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgb;
};

class PdfPages {
public:
    // Reads the whole file. Throws Error(BadInput) when it is not a PDF, poppler cannot read it, it is locked with a
    // password or has no page; Error(Environment) when the file cannot be read.
    explicit PdfPages(const std::filesystem::path& file);
    ~PdfPages();
    PdfPages(PdfPages&&) noexcept;
    PdfPages& operator=(PdfPages&&) noexcept;

    const std::filesystem::path& File() const noexcept { return m_file; }
    int PageCount() const noexcept;
    // `page` counts from 0; throws Error(BadInput) outside [0, PageCount()).
    PdfPageSize PageSize(int page) const;
    // The page at `dpi` dots per inch (anti-aliased, white paper); throws Error(BadInput) when poppler fails.
    PdfPageImage Render(int page, double dpi) const;

private:
    struct Impl;
    std::filesystem::path m_file;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace motcua::desktop
