// The text of a PDF as pdftotext reads it, whitespace collapsed to single spaces, for the GUI test's receipt check.
#pragma once

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include <boost/test/unit_test.hpp>

namespace motcua::test {

inline std::string PdfTextOneLine(const std::filesystem::path& pdf)
{
    // The receipt path is made by the test (temporary folder, process id, dossier code): nothing to quote.
    const std::string command = "pdftotext -q '" + pdf.string() + "' - 2>/dev/null";
    struct Closer {
        void operator()(FILE* f) const { ::pclose(f); }
    };
    std::unique_ptr<FILE, Closer> pipe(::popen(command.c_str(), "r"));
    BOOST_REQUIRE_MESSAGE(pipe, "pdftotext could not be started");
    std::string raw;
    char buffer[4096];
    while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe.get()))
        raw.append(buffer, n);
    std::string text;
    for (const char c : raw) {
        const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f';
        if (!space)
            text += c;
        else if (!text.empty() && text.back() != ' ')
            text += ' ';
    }
    BOOST_REQUIRE_MESSAGE(!text.empty(), "pdftotext read no text from " << pdf.string());
    return text;
}

}  // namespace motcua::test
