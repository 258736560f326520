// Method + path pattern → handler. Patterns are literal segments and "{name}" captures, e.g.
// "/staff/v1/dossiers/{id}/accept"; an unknown path is a 404 and a known path with another method a 405.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "server/http/http_request.h"
#include "server/http/http_response.h"

namespace motcua::server {

using Handler = std::function<HttpResponse(const HttpRequest&)>;

class Router {
public:
    // Registration happens before the service starts; Route is then read-only and safe from many threads.
    void Add(const std::string& method, const std::string& pattern, Handler handler);
    // Fills request.pathParams and calls the handler; throws HttpError 404 or 405 when nothing matches.
    HttpResponse Route(HttpRequest& request) const;

private:
    struct Entry {
        std::string method;
        std::vector<std::string> segments;
        Handler handler;
    };
    static std::vector<std::string> Split(const std::string& path);
    static bool Match(const Entry& e, const std::vector<std::string>& segments, HttpRequest* request);
    std::vector<Entry> m_entries;
};

}  // namespace motcua::server
