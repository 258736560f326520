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

// A route as registered, without its handler: what the OpenAPI documents must list.
struct RouteKey {
    std::string method;
    std::string pattern;
    bool operator==(const RouteKey&) const = default;
};

// A route of an API class: its handler is a call on the API object, so the list can be static and read without one.
template <class Api>
struct ApiRoute {
    RouteKey key;
    std::function<HttpResponse(Api&, const HttpRequest&)> handler;
};

class Router {
public:
    // Registration happens before the service starts; Route is then read-only and safe from many threads.
    void Add(const std::string& method, const std::string& pattern, Handler handler);
    template <class Api>
    void Add(Api& api, const std::vector<ApiRoute<Api>>& routes)
    {
        for (const ApiRoute<Api>& r : routes)
            Add(r.key.method, r.key.pattern, [&api, h = r.handler](const HttpRequest& q) { return h(api, q); });
    }
    // Fills request.route and request.pathParams and calls the handler; throws HttpError 404 or 405 when nothing
    // matches (request.route is the pattern the path matched with another method on 405, empty on 404).
    HttpResponse Route(HttpRequest& request) const;
    // Every route in registration order.
    std::vector<RouteKey> Routes() const;

private:
    struct Entry {
        RouteKey key;
        std::vector<std::string> segments;
        Handler handler;
    };
    static std::vector<std::string> Split(const std::string& path);
    static bool Match(const Entry& e, const std::vector<std::string>& segments, HttpRequest* request);
    std::vector<Entry> m_entries;
};

}  // namespace motcua::server
