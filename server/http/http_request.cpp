#include "server/http/http_request.h"

#include "model/error.h"

namespace motcua::server {

std::string HttpRequest::Query(const std::string& name, const std::string& fallback) const
{
    auto it = query.find(name);
    return it == query.end() ? fallback : it->second;
}

const std::string& HttpRequest::PathParam(const std::string& name) const
{
    auto it = pathParams.find(name);
    if (it == pathParams.end())
        throw Error(ErrorCategory::Internal, N_("Internal server error"), {}, "route has no parameter " + name);
    return it->second;
}

}  // namespace motcua::server
