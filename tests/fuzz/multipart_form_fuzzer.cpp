// Fuzz target: the multipart/form-data reader of submissions with attachments. The input is the Content-Type header,
// a line feed, then the body. A body is refused as HttpError 400 or 413 (BadInput) or split into at most kMaxParts
// parts whose contents lie in the body, in order, without overlapping; parts written out again read back the same.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "server/http/http_error.h"
#include "server/http/multipart_form.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using motcua::ErrorCategory;
using motcua::server::FormPart;
using motcua::server::HttpError;
using motcua::server::ParseMultipartForm;
using namespace motcua::fuzz;

constexpr std::size_t kMaxParts = 8;

// Text that goes in quotes as it is.
bool Plain(const std::string& text)
{
    return text.find_first_of("\"\\\r\n") == std::string::npos && text.size() < 1000;
}

// Parts a client could send again as they were read: names in quotes, no header that needs folding or trimming.
bool Rewritable(const std::vector<FormPart>& parts)
{
    for (const FormPart& part : parts) {
        if (!Plain(part.name) || (part.fileName && !Plain(*part.fileName)) || !Plain(part.contentType))
            return false;
        if (!part.contentType.empty() && (part.contentType.front() == ' ' || part.contentType.front() == '\t' ||
                                          part.contentType.back() == ' ' || part.contentType.back() == '\t'))
            return false;
    }
    return true;
}

// The parts as a client writes them, with a boundary found in none of them.
std::string Write(const std::vector<FormPart>& parts, std::string& boundary)
{
    boundary = "fuzz-boundary";
    for (bool clash = true; clash;) {
        clash = false;
        for (const FormPart& part : parts)
            clash = clash || part.body.find(boundary) != std::string::npos;
        if (clash)
            boundary += "x";
    }
    std::string body;
    for (const FormPart& part : parts) {
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name + "\"";
        if (part.fileName)
            body += "; filename=\"" + *part.fileName + "\"";
        body += "\r\n";
        if (!part.contentType.empty())
            body += "Content-Type: " + part.contentType + "\r\n";
        body += "\r\n" + part.body + "\r\n";
    }
    return body + "--" + boundary + "--\r\n";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string input(reinterpret_cast<const char*>(data), size);
    const std::size_t newline = input.find('\n');
    if (newline == std::string::npos)
        return 0;
    const std::string contentType = input.substr(0, newline);
    const std::string body = input.substr(newline + 1);

    motcua::server::IsMultipartFormData(contentType);  // answers false for what is not a media type, never throws
    std::vector<FormPart> parts;
    try {
        parts = ParseMultipartForm(contentType, body, kMaxParts);
    } catch (const HttpError& e) {
        Require((e.Status() == 400 || e.Status() == 413) && e.Category() == ErrorCategory::BadInput,
                "a body was refused with another status", e.what());
        return 0;
    } catch (const std::exception& e) {
        Fail("ParseMultipartForm threw something else than an HttpError", e.what());
    }

    Require(parts.size() <= kMaxParts, "more parts than allowed");
    std::size_t from = 0;
    for (const FormPart& part : parts) {
        Require(!part.name.empty(), "a part without a name");
        const std::size_t at = body.find(part.body, from);
        Require(at != std::string::npos, "a part's content is not in the body, after the one before it", part.name);
        from = at + part.body.size();
    }

    if (!Rewritable(parts))
        return 0;
    std::string boundary;
    const std::string written = Write(parts, boundary);
    std::vector<FormPart> read;
    try {
        read = ParseMultipartForm("multipart/form-data; boundary=" + boundary, written, kMaxParts);
    } catch (const std::exception& e) {
        Fail("parts written out again are refused", written + " → " + e.what());
    }
    Require(read.size() == parts.size(), "parts written out again read as another number", written);
    for (std::size_t i = 0; i < parts.size(); ++i) {
        Require(read[i].name == parts[i].name && read[i].fileName == parts[i].fileName &&
                    read[i].contentType == parts[i].contentType && read[i].body == parts[i].body,
                "a part written out again reads differently",
                "part " + std::to_string(i + 1) + " of " + written + "\nread as\n" + read[i].name + " | " +
                    read[i].fileName.value_or("(no file name)") + " | " + read[i].contentType + " | " + read[i].body);
    }
    return 0;
}
