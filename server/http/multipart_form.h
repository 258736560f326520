// A multipart/form-data body (RFC 7578) split into its parts and their headers; knows no API.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace motcua::server {

struct FormPart {
    std::string name;                     // the form field: Content-Disposition's `name`
    std::optional<std::string> fileName;  // its `filename` as sent, when there is one (a file)
    std::string contentType;              // the part's Content-Type header as sent; empty when absent
    std::string body;
};

// Whether `contentType` is multipart/form-data (any parameters).
bool IsMultipartFormData(const std::string& contentType);

// The parts of `body`, in order; a part's body is exactly the bytes between the empty line after its headers and the
// CRLF of the next delimiter. Throws HttpError 400 when the Content-Type has no boundary, the body is not
// multipart with it, a part is not form-data with a name, or the closing delimiter is missing (a cut body), and
// HttpError 413 when there are more than `maxParts` parts.
std::vector<FormPart> ParseMultipartForm(const std::string& contentType, const std::string& body, std::size_t maxParts);

}  // namespace motcua::server
