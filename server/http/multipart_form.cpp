#include "server/http/multipart_form.h"

#include <Poco/Exception.h>
#include <Poco/MemoryStream.h>
#include <Poco/Net/MediaType.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/MultipartReader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/StreamCopier.h>
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
    const std::string boundary = Boundary(contentType);
    // Poco reads a body cut before its closing delimiter as if it were whole: the last part would be stored cut.
    const std::string closing = "--" + boundary + "--";
    if (body.rfind(closing, 0) != 0 && body.find("\r\n" + closing) == std::string::npos)
        throw Malformed("the closing delimiter " + closing + " is missing");
    std::vector<FormPart> parts;
    try {
        Poco::MemoryInputStream in(body.data(), static_cast<std::streamsize>(body.size()));
        Poco::Net::MultipartReader reader(in, boundary);
        while (reader.hasNextPart()) {
            if (parts.size() == maxParts)
                throw HttpError(413, ErrorCategory::BadInput, N_("The request body has too many parts"), {},
                                "at most " + std::to_string(maxParts) + " parts");
            Poco::Net::MessageHeader header;
            reader.nextPart(header);
            std::string disposition;
            Poco::Net::NameValueCollection parameters;
            Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition", ""), disposition, parameters);
            if (Poco::icompare(disposition, "form-data") != 0 || parameters.get("name", "").empty())
                throw Malformed("part " + std::to_string(parts.size() + 1) +
                                " has no Content-Disposition: form-data with a name");
            FormPart part;
            part.name = parameters.get("name");
            if (parameters.has("filename"))
                part.fileName = parameters.get("filename");
            part.contentType = header.get("Content-Type", "");
            Poco::StreamCopier::copyToString(reader.stream(), part.body);
            parts.push_back(std::move(part));
        }
    } catch (const Poco::Exception& e) {
        throw Malformed(e.displayText());
    }
    return parts;
}

}  // namespace motcua::server
