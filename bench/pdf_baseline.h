// What the PDF benchmarks share: a bare libharu page of given lines (the baseline), a document's printed lines read
// back with pdftotext, page counts and a timed loop.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace motcua::bench {

void WriteFile(const std::string& path, const std::uint8_t* data, std::size_t size);

// Pages of a PDF written by libharu (its page objects are not compressed).
int CountPages(const std::vector<std::uint8_t>& pdf);

// The document's printed text, line by line, read back with pdftotext (poppler-utils), so the baseline draws the
// same characters; without pdftotext, `fallback`. `source` says which.
std::vector<std::string> PrintedLines(const std::vector<std::uint8_t>& pdf, std::vector<std::string> fallback,
                                      std::string& source);

// The baseline: what any PDF of this text costs at least. One A4 page, one embedded font (from a file: libharu 2.3's
// public API), the lines drawn one under the other with no measuring, wrapping, tables, second face or QR code;
// compressed like PdfDocument. Throws std::runtime_error on a libharu error.
std::vector<std::uint8_t> RenderBarePage(const std::vector<std::string>& lines, const std::string& fontPath);

struct LoopResult {
    long long documents = 0;
    double seconds = 0;
    std::size_t lastSize = 0;

    double MsPerDocument() const { return documents > 0 ? seconds * 1000.0 / static_cast<double>(documents) : 0; }
    double PerSecond() const { return seconds > 0 ? static_cast<double>(documents) / seconds : 0; }
};

// Calls `render` until `seconds` have passed (or 100,000 times), after one untimed call.
LoopResult TimedLoop(double seconds, const std::function<std::vector<std::uint8_t>()>& render);

}  // namespace motcua::bench
