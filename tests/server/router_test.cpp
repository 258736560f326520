// Router: patterns with captures, 404 for unknown paths, 405 with Allow for a known path and another method.
#include "server/http/router.h"

#include <boost/test/unit_test.hpp>

#include "server/http/http_error.h"

using motcua::server::ApiRoute;
using motcua::server::HttpError;
using motcua::server::HttpRequest;
using motcua::server::HttpResponse;
using motcua::server::RouteKey;
using motcua::server::Router;

namespace {

Router MakeRouter()
{
    Router r;
    r.Add("GET", "/staff/v1/dossiers/{id}",
          [](const HttpRequest& q) { return HttpResponse::Json(200, "detail " + q.PathParam("id")); });
    r.Add("POST", "/staff/v1/dossiers/{id}/accept",
          [](const HttpRequest& q) { return HttpResponse::Json(200, "accept " + q.PathParam("id")); });
    r.Add("GET", "/staff/v1/dossiers/{id}/receipt",
          [](const HttpRequest&) { return HttpResponse::Json(200, "receipt"); });
    r.Add("GET", "/staff/v1/inbox", [](const HttpRequest&) { return HttpResponse::Json(200, "inbox"); });
    return r;
}

HttpResponse Call(const Router& router, const std::string& method, const std::string& path)
{
    HttpRequest q;
    q.method = method;
    q.path = path;
    return router.Route(q);
}

int StatusOf(const Router& router, const std::string& method, const std::string& path, std::string* allow = nullptr)
{
    try {
        return Call(router, method, path).status;
    } catch (const HttpError& e) {
        if (allow && !e.headers.empty())
            *allow = e.headers[0].second;
        return e.Status();
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(RouterUnit)

BOOST_AUTO_TEST_CASE(routes_by_method_and_pattern)
{
    const Router router = MakeRouter();
    BOOST_TEST(Call(router, "POST", "/staff/v1/dossiers/42/accept").body == "accept 42");
    BOOST_TEST(Call(router, "GET", "/staff/v1/dossiers/42").body == "detail 42");
    BOOST_TEST(Call(router, "GET", "/staff/v1/inbox/").body == "inbox");
}

BOOST_AUTO_TEST_CASE(unknown_paths_are_404_and_wrong_methods_405)
{
    const Router router = MakeRouter();
    BOOST_TEST(StatusOf(router, "GET", "/") == 404);
    BOOST_TEST(StatusOf(router, "GET", "/staff/v1") == 404);
    BOOST_TEST(StatusOf(router, "GET", "/staff/v1/dossiers/42/other") == 404);
    BOOST_TEST(StatusOf(router, "GET", "/staff/v1/dossiers/42/accept/more") == 404);
    std::string allow;
    BOOST_TEST(StatusOf(router, "DELETE", "/staff/v1/dossiers/42", &allow) == 405);
    BOOST_TEST(allow == "GET");
    BOOST_TEST(StatusOf(router, "GET", "/staff/v1/dossiers/42/accept", &allow) == 405);
    BOOST_TEST(allow == "POST");
}

BOOST_AUTO_TEST_CASE(an_api_registers_its_route_list_and_the_router_lists_it)
{
    struct Api {
        std::string name;
        HttpResponse Get(const HttpRequest& q) { return HttpResponse::Json(200, name + " " + q.PathParam("id")); }
    };
    const std::vector<ApiRoute<Api>> routes{
        {{"GET", "/things/{id}"}, &Api::Get},
        {{"POST", "/things"}, [](Api& api, const HttpRequest&) { return HttpResponse::Json(201, api.name); }},
    };
    Api api{"thing"};
    Router router;
    router.Add(api, routes);
    const std::vector<RouteKey> expected{{"GET", "/things/{id}"}, {"POST", "/things"}};
    BOOST_TEST((router.Routes() == expected));
    BOOST_TEST(Call(router, "GET", "/things/7").body == "thing 7");
    BOOST_TEST(Call(router, "POST", "/things").status == 201);
}

BOOST_AUTO_TEST_SUITE_END()
