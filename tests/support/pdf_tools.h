// Test helpers: temporary files and the command-line PDF tools (poppler-utils, zbarimg, qpdf, pdfsig, certutil).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace motcua::test {

// A unique path in the temporary folder, deleted (with `path`.* siblings made by pdftoppm) when destroyed.
class TempPath {
public:
    explicit TempPath(const std::string& suffix);
    ~TempPath();
    TempPath(const TempPath&) = delete;
    TempPath& operator=(const TempPath&) = delete;
    const std::filesystem::path& Path() const noexcept { return m_path; }

private:
    std::filesystem::path m_path;
};

void WriteFile(const std::filesystem::path& path, const std::vector<std::uint8_t>& bytes);

struct CommandResult {
    int exitCode = -1;
    std::string output;  // standard output only
};

// Runs `program` with `arguments` (each single-quoted for the shell) and captures its standard output.
CommandResult Run(const std::string& program, const std::vector<std::string>& arguments);

// What the readers print on their standard error about a PDF (pdftotext and pdffonts: poppler's syntax warnings and
// errors), "" for a clean file.
std::string ReaderWarnings(const std::filesystem::path& pdf);

// Path of a reader found at configure time, or nullopt.
std::optional<std::string> Tool(const std::string& name);

// The text of a PDF as pdftotext prints it; mode is "-raw" (drawing order) or "-layout"; "" for the default.
std::string ExtractText(const std::filesystem::path& pdf, const std::string& mode, int firstPage = 0, int lastPage = 0);
// The same for a PDF held in memory (e.g. an HTTP response body), through a temporary file.
std::string ExtractTextOfBytes(const std::string& pdfBytes, const std::string& mode);
int PageCount(const std::filesystem::path& pdf);

std::string WithoutWhitespace(const std::string& text);
std::string CollapseWhitespace(const std::string& text);

}  // namespace motcua::test
