#include "server/http/multipart_form.h"

#include <map>
#include <string_view>

#include <Poco/Exception.h>
#include <Poco/Net/MediaType.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/String.h>

#include "server/http/http_error.h"

namespace motcua::server {
namespace {

HttpError Malformed(const std::string& detail)
{
    return HttpError(400, ErrorCategory::BadInput, N_("The request body is not valid multipart/form-data"), {}, detail);
}

std::string Boundary(const std::string& contentType)
{
    try {
        const Poco::Net::MediaType type(contentType);
        if (type.hasParameter("boundary") && !type.getParameter("boundary").empty())
            return type.getParameter("boundary");
    } catch (const Poco::Exception& e) {
        throw Malformed(e.displayText());
    }
    throw Malformed("no boundary in the Content-Type");
}

// The header fields of a part, names in lower case; a line starting with a blank continues the one before. Read here
// because Poco's MessageHeader::read decodes "=?" in values as RFC 2047 encoded words, and so read a file name
// "x=?y.pdf" as "xy.pdf" (found by tests/fuzz/multipart_form_fuzzer.cpp).
std::map<std::string, std::string> ReadHeaders(std::string_view text, const std::string& which)
{
    std::map<std::string, std::string> fields;
    std::string* last = nullptr;
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = text.find("\r\n", start);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view line = text.substr(start, end - start);
        start = end + 2;
        if (!line.empty() && (line.front() == ' ' || line.front() == '\t')) {
            if (!last)
                throw Malformed(which + " starts its headers with a continuation line");
            *last += " " + Poco::trim(std::string(line));
            continue;
        }
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos || colon == 0)
            throw Malformed(which + " has a header line without a name");
        last = &fields[Poco::toLower(std::string(line.substr(0, colon)))];
        *last = Poco::trim(std::string(line.substr(colon + 1)));
    }
    return fields;
}

// One part: its headers, an empty line, its content.
FormPart ReadPart(std::string_view text, std::size_t number)
{
    const std::string which = "part " + std::to_string(number);
    std::size_t contentAt = 0;
    std::string_view headers;
    if (text.substr(0, 2) == "\r\n") {
        contentAt = 2;
    } else {
        const std::size_t blank = text.find("\r\n\r\n");
        if (blank == std::string_view::npos)
            throw Malformed(which + " has no empty line after its headers");
        headers = text.substr(0, blank);
        contentAt = blank + 4;
    }
    const std::map<std::string, std::string> fields = ReadHeaders(headers, which);
    const auto field = [&fields](const char* name) {
        const auto found = fields.find(name);
        return found == fields.end() ? std::string() : found->second;
    };
    std::string disposition;
    Poco::Net::NameValueCollection parameters;
    Poco::Net::MessageHeader::splitParameters(field("content-disposition"), disposition, parameters);
    if (Poco::icompare(disposition, "form-data") != 0 || parameters.get("name", "").empty())
        throw Malformed(which + " has no Content-Disposition: form-data with a name");
    FormPart part;
    part.name = parameters.get("name");
    if (parameters.has("filename"))
        part.fileName = parameters.get("filename");
    part.contentType = field("content-type");
    part.body = std::string(text.substr(contentAt));
    return part;
}

}  // namespace

bool IsMultipartFormData(const std::string& contentType)
{
    try {
        return Poco::Net::MediaType(contentType).matches("multipart", "form-data");
    } catch (const Poco::Exception&) {
        return false;
    }
}

std::vector<FormPart> ParseMultipartForm(const std::string& contentType, const std::string& body, std::size_t maxParts)
{
    // Split here rather than by Poco's MultipartReader, which (Poco 1.11) appends a CR to a part ending in "\r\n--"
    // plus the start of the boundary (found by tests/fuzz/multipart_form_fuzzer.cpp), and reads a body cut before its
    // closing delimiter as if it were whole. A
    // delimiter is "--boundary" at the start of a line (RFC 2046 5.1.1): followed by "--" it closes the body, else by
    // optional blanks and CRLF, then a part's headers, an empty line and its content up to the next delimiter.
    const std::string boundary = Boundary(contentType);
    const std::string delimiter = "\r\n--" + boundary;
    const std::string_view text(body);
    std::size_t at = 0;
    if (text.substr(0, delimiter.size() - 2) == std::string_view(delimiter).substr(2)) {
        at = delimiter.size() - 2;
    } else {
        at = text.find(delimiter);
        if (at == std::string_view::npos)
            throw Malformed("no delimiter --" + boundary);
        at += delimiter.size();
    }
    std::vector<FormPart> parts;
    while (text.substr(at, 2) != "--") {
        while (at < text.size() && (text[at] == ' ' || text[at] == '\t'))
            ++at;
        if (text.substr(at, 2) != "\r\n")
            throw Malformed("a delimiter --" + boundary + " is not followed by a line break");
        at += 2;
        const std::size_t end = text.find(delimiter, at);
        if (end == std::string_view::npos)
            throw Malformed("the closing delimiter --" + boundary + "-- is missing");
        if (parts.size() == maxParts)
            throw HttpError(413, ErrorCategory::BadInput, N_("The request body has too many parts"), {},
                            "at most " + std::to_string(maxParts) + " parts");
        parts.push_back(ReadPart(text.substr(at, end - at), parts.size() + 1));
        at = end + delimiter.size();
    }
    if (parts.empty())
        throw Malformed("no part before the closing delimiter");
    return parts;
}

}  // namespace motcua::server
