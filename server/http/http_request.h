// One HTTP request as the handlers see it: already routed, body already read and size-checked, no Poco types.
#pragma once

#include <map>
#include <string>

namespace motcua::server {

struct HttpRequest {
    std::string method;                             // "GET", "POST", …
    std::string target;                             // the request-target as sent: path and query, not decoded
    std::string path;                               // decoded path without the query
    std::string route;                              // the route pattern the path matched; empty when none did
    std::map<std::string, std::string> pathParams;  // from "{name}" segments of the route pattern
    std::map<std::string, std::string> query;       // decoded; the last value wins for a repeated name
    std::string authorization;                      // the raw Authorization header, empty when absent
    std::map<std::string, std::string> headers;     // names in lower case; the last value wins for a repeated name
    std::string contentType;                        // the Content-Type header as sent
    std::string clientAddress;                      // the peer's IP address (no proxy is trusted)
    std::string body;

    // The query parameter, or `fallback` when absent.
    std::string Query(const std::string& name, const std::string& fallback = {}) const;
    // The header (name in any case), or an empty string when absent.
    std::string Header(const std::string& name) const;
    // The path parameter named in the route pattern (always present once routed).
    const std::string& PathParam(const std::string& name) const;
};

// "application/pdf", with or without parameters, in any case: a signed document sent back to the server.
bool IsPdfMediaType(const std::string& contentType);

}  // namespace motcua::server
