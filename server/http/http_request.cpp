#include "server/http/http_request.h"

#include <algorithm>
#include <cctype>

#include <Poco/Net/MediaType.h>

#include "model/error.h"

namespace motcua::server {

std::string HttpRequest::Query(const std::string& name, const std::string& fallback) const
{
    auto it = query.find(name);
    return it == query.end() ? fallback : it->second;
}

std::string HttpRequest::Header(const std::string& name) const
{
    std::string key = name;
    std::transform(key.begin(), key.end(), key.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    auto it = headers.find(key);
    return it == headers.end() ? std::string() : it->second;
}

const std::string& HttpRequest::PathParam(const std::string& name) const
{
    auto it = pathParams.find(name);
    if (it == pathParams.end())
        throw Error(ErrorCategory::Internal, N_("Internal server error"), {}, "route has no parameter " + name);
    return it->second;
}

bool IsPdfMediaType(const std::string& contentType)
{
    try {
        return Poco::Net::MediaType(contentType).matches("application", "pdf");
    } catch (const Poco::Exception&) {
        return false;
    }
}

}  // namespace motcua::server
