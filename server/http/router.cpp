#include "server/http/router.h"

#include "server/http/http_error.h"

namespace motcua::server {

void Router::Add(const std::string& method, const std::string& pattern, Handler handler)
{
    m_entries.push_back({{method, pattern}, Split(pattern), std::move(handler)});
}

std::vector<RouteKey> Router::Routes() const
{
    std::vector<RouteKey> keys;
    for (const Entry& e : m_entries)
        keys.push_back(e.key);
    return keys;
}

std::vector<std::string> Router::Split(const std::string& path)
{
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < path.size()) {
        if (path[i] == '/') {
            ++i;
            continue;
        }
        std::size_t j = path.find('/', i);
        if (j == std::string::npos)
            j = path.size();
        out.push_back(path.substr(i, j - i));
        i = j;
    }
    return out;
}

bool Router::Match(const Entry& e, const std::vector<std::string>& segments, HttpRequest* request)
{
    if (e.segments.size() != segments.size())
        return false;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const std::string& p = e.segments[i];
        bool capture = p.size() > 2 && p.front() == '{' && p.back() == '}';
        if (!capture && p != segments[i])
            return false;
        if (capture && segments[i].empty())
            return false;
    }
    if (request) {
        request->pathParams.clear();
        for (std::size_t i = 0; i < segments.size(); ++i) {
            const std::string& p = e.segments[i];
            if (p.size() > 2 && p.front() == '{' && p.back() == '}')
                request->pathParams[p.substr(1, p.size() - 2)] = segments[i];
        }
    }
    return true;
}

HttpResponse Router::Route(HttpRequest& request) const
{
    const std::vector<std::string> segments = Split(request.path);
    std::string allowed;
    for (const Entry& e : m_entries) {
        if (!Match(e, segments, nullptr))
            continue;
        if (request.route.empty())
            request.route = e.key.pattern;  // a label that stays bounded whatever paths clients send
        if (e.key.method == request.method) {
            request.route = e.key.pattern;
            Match(e, segments, &request);
            return e.handler(request);
        }
        if (allowed.find(e.key.method) == std::string::npos)
            allowed += (allowed.empty() ? "" : ", ") + e.key.method;
    }
    if (allowed.empty())
        throw HttpError(404, ErrorCategory::NotFound, N_("No such resource"), {}, request.path);
    HttpError error(405, ErrorCategory::NotAllowed, N_("Method not allowed"), {}, request.method);
    error.headers.emplace_back("Allow", allowed);
    throw error;
}

}  // namespace motcua::server
