#include "tests/support/pdf_tools.h"

#include <cstdio>
#include <fstream>
#include <map>
#include <random>
#include <stdexcept>
#include <sys/wait.h>

namespace motcua::test {
namespace {

std::string Quote(const std::string& argument)
{
    std::string quoted = "'";
    for (char c : argument) {
        if (c == '\'')
            quoted += "'\\''";
        else
            quoted += c;
    }
    return quoted + "'";
}

bool IsWhitespace(char c) noexcept
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

TempPath::TempPath(const std::string& suffix)
{
    std::random_device random;
    const auto name = "motcua-test-" + std::to_string(random()) + "-" + std::to_string(random()) + suffix;
    m_path = std::filesystem::temp_directory_path() / name;
}

TempPath::~TempPath()
{
    std::error_code ignored;
    std::filesystem::remove(m_path, ignored);
    for (const char* extra : {".png", ".txt"}) {
        std::filesystem::path sibling = m_path;
        sibling += extra;
        std::filesystem::remove(sibling, ignored);
    }
}

void WriteFile(const std::filesystem::path& path, const std::vector<std::uint8_t>& bytes)
{
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    if (!out)
        throw std::runtime_error("cannot write " + path.string());
}

namespace {

// `redirect` chooses which stream the pipe reads: standard output, or standard error with the output dropped.
CommandResult RunShell(const std::string& program, const std::vector<std::string>& arguments, const char* redirect)
{
    std::string command = Quote(program);
    for (const std::string& argument : arguments)
        command += " " + Quote(argument);
    command += redirect;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe)
        throw std::runtime_error("cannot run " + command);
    CommandResult result;
    char buffer[4096];
    std::size_t got = 0;
    while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
        result.output.append(buffer, got);
    const int status = pclose(pipe);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

}  // namespace

CommandResult Run(const std::string& program, const std::vector<std::string>& arguments)
{
    // The text tests read the output; ReaderWarnings reads what poppler says on the side.
    return RunShell(program, arguments, " 2>/dev/null");
}

std::string ReaderWarnings(const std::filesystem::path& pdf)
{
    std::string warnings;
    for (const char* reader : {"pdftotext", "pdffonts"}) {
        const auto path = Tool(reader);
        if (!path)
            throw std::runtime_error(std::string(reader) +
                                     " (poppler-utils) was not found when the tests were configured");
        const std::vector<std::string> arguments = reader == std::string("pdftotext")
                                                       ? std::vector<std::string>{pdf.string(), "/dev/null"}
                                                       : std::vector<std::string>{pdf.string()};
        warnings += RunShell(*path, arguments, " 2>&1 >/dev/null").output;
    }
    return warnings;
}

std::optional<std::string> Tool(const std::string& name)
{
    static const std::map<std::string, std::string> kTools = {
#ifdef MOTCUA_PDFTOTEXT
        {"pdftotext", MOTCUA_PDFTOTEXT},
#endif
#ifdef MOTCUA_PDFINFO
        {"pdfinfo", MOTCUA_PDFINFO},
#endif
#ifdef MOTCUA_PDFFONTS
        {"pdffonts", MOTCUA_PDFFONTS},
#endif
#ifdef MOTCUA_PDFTOPPM
        {"pdftoppm", MOTCUA_PDFTOPPM},
#endif
#ifdef MOTCUA_ZBARIMG
        {"zbarimg", MOTCUA_ZBARIMG},
#endif
#ifdef MOTCUA_QPDF
        {"qpdf", MOTCUA_QPDF},
#endif
#ifdef MOTCUA_PDFSIG
        {"pdfsig", MOTCUA_PDFSIG},
#endif
#ifdef MOTCUA_CERTUTIL
        {"certutil", MOTCUA_CERTUTIL},
#endif
#ifdef MOTCUA_PKCS11_TOOL
        {"pkcs11-tool", MOTCUA_PKCS11_TOOL},
#endif
#ifdef MOTCUA_SOFTHSM2_UTIL
        {"softhsm2-util", MOTCUA_SOFTHSM2_UTIL},
#endif
    };
    const auto found = kTools.find(name);
    if (found == kTools.end())
        return std::nullopt;
    return found->second;
}

std::string ExtractText(const std::filesystem::path& pdf, const std::string& mode, int firstPage, int lastPage)
{
    const auto pdftotext = Tool("pdftotext");
    if (!pdftotext)
        throw std::runtime_error("pdftotext (poppler-utils) was not found when the tests were configured");
    std::vector<std::string> arguments;
    if (!mode.empty())
        arguments.push_back(mode);
    if (firstPage > 0)
        arguments.insert(arguments.end(), {"-f", std::to_string(firstPage)});
    if (lastPage > 0)
        arguments.insert(arguments.end(), {"-l", std::to_string(lastPage)});
    arguments.insert(arguments.end(), {"-enc", "UTF-8", pdf.string(), "-"});
    const CommandResult result = Run(*pdftotext, arguments);
    if (result.exitCode != 0)
        throw std::runtime_error("pdftotext failed on " + pdf.string());
    return result.output;
}

std::string ExtractTextOfBytes(const std::string& pdfBytes, const std::string& mode)
{
    const TempPath pdf(".pdf");
    WriteFile(pdf.Path(), std::vector<std::uint8_t>(pdfBytes.begin(), pdfBytes.end()));
    return ExtractText(pdf.Path(), mode);
}

int PageCount(const std::filesystem::path& pdf)
{
    const auto pdfinfo = Tool("pdfinfo");
    if (!pdfinfo)
        throw std::runtime_error("pdfinfo (poppler-utils) was not found when the tests were configured");
    const CommandResult result = Run(*pdfinfo, {pdf.string()});
    const auto at = result.output.find("Pages:");
    if (result.exitCode != 0 || at == std::string::npos)
        throw std::runtime_error("pdfinfo failed on " + pdf.string());
    return std::stoi(result.output.substr(at + 6));
}

std::string WithoutWhitespace(const std::string& text)
{
    std::string out;
    for (char c : text)
        if (!IsWhitespace(c))
            out += c;
    return out;
}

std::string CollapseWhitespace(const std::string& text)
{
    std::string out;
    bool space = false;
    for (char c : text) {
        if (IsWhitespace(c)) {
            space = !out.empty();
            continue;
        }
        if (space)
            out += ' ';
        space = false;
        out += c;
    }
    return out;
}

}  // namespace motcua::test
