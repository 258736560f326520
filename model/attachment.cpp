#include "model/attachment.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

#include "model/error.h"
#include "model/utf8.h"

namespace motcua {
namespace {

constexpr std::size_t kMaxFileNameBytes = 255;  // what common file systems allow for one name
// Adobe's readers look for the header within the first 1024 bytes and for the end marker within the last 1024.
constexpr std::size_t kPdfWindow = 1024;

std::string_view AsText(std::span<const std::uint8_t> bytes)
{
    return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

std::optional<std::string> SniffPdf(std::string_view text)
{
    const std::size_t header = text.substr(0, kPdfWindow).find("%PDF-");
    if (header == std::string_view::npos || header + 7 > text.size())
        return std::nullopt;
    const char major = text[header + 5];
    if ((major != '1' && major != '2') || text[header + 6] != '.')
        return std::nullopt;
    // Junk before the header is tolerated by readers; markup there is an HTML page that merely quotes a header.
    if (text.substr(0, header).find('<') != std::string_view::npos)
        return std::nullopt;
    const std::size_t tail = std::max(header + 7, text.size() > kPdfWindow ? text.size() - kPdfWindow : 0);
    if (text.find("%%EOF", tail) == std::string_view::npos)
        return std::nullopt;
    return kPdfMediaType;
}

std::string Lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// A media type without its parameters, trimmed, in lower case: "Image/JPEG; name=x" → "image/jpeg".
// Filled into `type` rather than returned: GCC 12 at -O2 warns falsely (-Wrestrict) on moving the result out.
void BareMediaType(const std::string& declared, std::string& type)
{
    type.clear();
    for (const char c : std::string_view(declared).substr(0, declared.find(';')))
        if (std::isspace(static_cast<unsigned char>(c)) == 0)
            type.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (type == "image/jpg" || type == "image/pjpeg")  // what some phones and old browsers send for JPEG
        type = kJpegMediaType;
}

// C0, DEL and C1 controls, and the invisible marks that reorder or hide text ("gnp.exe" shown as "exe.png").
bool IsControlOrBidi(char32_t c) noexcept
{
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069);
}

}  // namespace

std::optional<std::string> SniffMediaType(std::span<const std::uint8_t> bytes)
{
    static constexpr std::array<std::uint8_t, 8> kPngSignature{0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    const std::string_view text = AsText(bytes);
    if (bytes.size() >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        return kJpegMediaType;
    if (bytes.size() >= 16 && std::equal(kPngSignature.begin(), kPngSignature.end(), bytes.begin()) &&
        text.substr(12, 4) == "IHDR")
        return kPngMediaType;
    return SniffPdf(text);
}

std::optional<std::string> MediaTypeOfName(const std::string& fileName)
{
    const std::size_t dot = fileName.rfind('.');
    if (dot == std::string::npos)
        return std::nullopt;
    const std::string extension = Lower(fileName.substr(dot + 1));
    if (extension == "pdf")
        return kPdfMediaType;
    if (extension == "jpg" || extension == "jpeg")
        return kJpegMediaType;
    if (extension == "png")
        return kPngMediaType;
    return std::nullopt;
}

void CheckAttachmentFileName(const std::string& name, const std::string& field)
{
    if (name.empty())
        throw Error(ErrorCategory::BadInput, N_("An attachment must have a file name"), field);
    if (name.size() > kMaxFileNameBytes)
        throw Error(ErrorCategory::BadInput, N_("The file name is too long"), field,
                    "at most " + std::to_string(kMaxFileNameBytes) + " bytes");
    const std::optional<std::vector<char32_t>> codePoints = DecodeUtf8(name);
    if (!codePoints)
        throw Error(ErrorCategory::BadInput, N_("The file name is not valid UTF-8"), field);
    if (std::any_of(codePoints->begin(), codePoints->end(), IsControlOrBidi))
        throw Error(ErrorCategory::BadInput, N_("The file name contains a control character"), field);
    if (name.find("..") != std::string::npos || name.find_first_of("/\\") != std::string::npos)
        throw Error(ErrorCategory::BadInput, N_("The file name must not contain \"..\", \"/\" or \"\\\""), field, name);
}

std::string AttachmentMediaType(const std::string& fileName, const std::string& declaredType,
                                std::span<const std::uint8_t> bytes, const std::string& field)
{
    if (bytes.empty())
        throw Error(ErrorCategory::BadInput, N_("The attachment is empty"), field, fileName);
    const std::optional<std::string> content = SniffMediaType(bytes);
    if (!content)
        throw Error(ErrorCategory::BadInput, N_("Only PDF, JPEG and PNG files are accepted"), field, fileName);
    const std::optional<std::string> named = MediaTypeOfName(fileName);
    if (named != content)
        throw Error(ErrorCategory::BadInput, N_("The file name's extension does not match the file's content"), field,
                    fileName + " is " + *content);
    std::string declared;
    BareMediaType(declaredType, declared);
    if (!declared.empty() && declared != "application/octet-stream" && declared != *content)
        throw Error(ErrorCategory::BadInput, N_("The declared media type does not match the file's content"), field,
                    declared + " declared, " + *content + " sent");
    return *content;
}

}  // namespace motcua
