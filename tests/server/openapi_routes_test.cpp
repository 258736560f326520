// The OpenAPI documents list exactly the routes the server serves: every (method, path) of docs/openapi/*.yaml is
// registered by its API, and every registered route is documented.
#include <cctype>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "server/api/citizen_api.h"
#include "server/api/staff_api.h"
#include "server/http/router.h"

using motcua::server::ApiRoute;
using motcua::server::CitizenApi;
using motcua::server::RouteKey;
using motcua::server::StaffApi;

namespace {

using KeySet = std::set<std::pair<std::string, std::string>>;  // (METHOD, pattern)

std::string Upper(std::string text)
{
    for (char& c : text)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return text;
}

std::size_t Indent(const std::string& line)
{
    return line.find_first_not_of(' ');
}

// The operations under `paths:` of an OpenAPI document: `  /path:` keys at two spaces, `    get:` and the other
// HTTP methods at four. Enough for our documents, which keep this layout; not a YAML parser.
KeySet DocumentedRoutes(const std::string& file)
{
    static const std::set<std::string> kMethods{"get", "put", "post", "delete", "options", "head", "patch", "trace"};
    std::ifstream in(file);
    BOOST_TEST_REQUIRE(in.good(), "cannot read " << file);
    KeySet routes;
    bool inPaths = false;
    std::string path;
    std::string line;
    while (std::getline(in, line)) {
        const std::size_t indent = Indent(line);
        if (indent == std::string::npos || line[indent] == '#')
            continue;
        if (indent == 0) {
            inPaths = line.rfind("paths:", 0) == 0;
            continue;
        }
        if (!inPaths || line.back() != ':')
            continue;
        const std::string key = line.substr(indent, line.size() - indent - 1);
        if (indent == 2)
            path = key;
        else if (indent == 4 && kMethods.count(key))
            routes.insert({Upper(key), path});
    }
    return routes;
}

template <class Api>
KeySet ServedRoutes(const std::vector<ApiRoute<Api>>& routes)
{
    KeySet keys;
    for (const ApiRoute<Api>& r : routes)
        keys.insert({r.key.method, r.key.pattern});
    return keys;
}

void CheckSameRoutes(const KeySet& served, const std::string& document)
{
    const KeySet documented = DocumentedRoutes(std::string(MOTCUA_OPENAPI_DIR) + "/" + document);
    for (const auto& [method, path] : served)
        BOOST_CHECK_MESSAGE(documented.count({method, path}),
                            method << " " << path << " is served but not documented in " << document);
    for (const auto& [method, path] : documented)
        BOOST_CHECK_MESSAGE(served.count({method, path}),
                            method << " " << path << " is documented in " << document << " but not served");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(OpenApiUnit)

BOOST_AUTO_TEST_CASE(staff_document_lists_every_staff_route)
{
    const KeySet served = ServedRoutes(StaffApi::Routes());
    BOOST_TEST(served.size() == StaffApi::Routes().size(), "a staff route is registered twice");
    BOOST_TEST(served.count({"POST", "/staff/v1/dossiers/{id}/return_for_rework"}) == 1u);
    CheckSameRoutes(served, "staff-api.yaml");
}

BOOST_AUTO_TEST_CASE(citizen_document_lists_every_citizen_route)
{
    const KeySet served = ServedRoutes(CitizenApi::Routes());
    BOOST_TEST(served.size() == CitizenApi::Routes().size(), "a citizen route is registered twice");
    CheckSameRoutes(served, "citizen-api.yaml");
}

BOOST_AUTO_TEST_CASE(the_reader_sees_paths_and_methods_only)
{
    // The reader itself: a path with two methods, a path-level parameter list, nested keys that look like methods.
    const KeySet documented = DocumentedRoutes(std::string(MOTCUA_SERVER_TEST_DATA_DIR) + "/openapi_sample.yaml");
    const KeySet expected{{"GET", "/a/{id}"}, {"POST", "/a/{id}"}, {"POST", "/b"}};
    BOOST_TEST((documented == expected));
}

BOOST_AUTO_TEST_SUITE_END()
