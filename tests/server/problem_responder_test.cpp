// ProblemResponder and Translator: category → HTTP status and type, Vietnamese titles, nothing internal leaks.
#include "server/http/problem_responder.h"

#include <filesystem>
#include <stdexcept>
#include <unistd.h>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <boost/test/unit_test.hpp>

#include "model/error.h"
#include "server/http/http_error.h"
#include "server/http/translator.h"

using motcua::Error;
using motcua::ErrorCategory;
using motcua::server::HttpError;
using motcua::server::Problem;
using motcua::server::ProblemResponder;
using motcua::server::Translator;

namespace {

const Translator& English()
{
    static const Translator kTranslator("");
    return kTranslator;
}

const Translator& Vietnamese()
{
    static const Translator kTranslator(MOTCUA_SERVER_TEST_LOCALE_DIR);
    return kTranslator;
}

template <class E>
Problem Map(const ProblemResponder& responder, const E& e)
{
    try {
        throw e;
    } catch (...) {
        return responder.FromCurrentException();
    }
}

Poco::JSON::Object::Ptr Body(const std::string& json)
{
    Poco::JSON::Parser parser;
    return parser.parse(json).extract<Poco::JSON::Object::Ptr>();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ProblemMappingUnit)

BOOST_AUTO_TEST_CASE(categories_map_to_the_contract_statuses)
{
    const ProblemResponder responder(English());
    const std::vector<std::tuple<ErrorCategory, int, std::string>> cases{
        {ErrorCategory::BadInput, 422, "urn:motcua:error:bad-input"},
        {ErrorCategory::NotFound, 404, "urn:motcua:error:not-found"},
        {ErrorCategory::Unauthenticated, 401, "urn:motcua:error:unauthenticated"},
        {ErrorCategory::NotAllowed, 403, "urn:motcua:error:not-allowed"},
        {ErrorCategory::Conflict, 409, "urn:motcua:error:conflict"},
        {ErrorCategory::Environment, 503, "urn:motcua:error:environment"},
        {ErrorCategory::Internal, 500, "urn:motcua:error:internal"},
    };
    for (const auto& [category, status, type] : cases) {
        const Problem p = Map(responder, Error(category, "Some message", "some.field"));
        BOOST_TEST(p.status == status);
        BOOST_TEST(p.type == type);
        BOOST_TEST(p.title == "Some message");
        BOOST_TEST(p.field == "some.field");
    }
}

BOOST_AUTO_TEST_CASE(problem_body_is_rfc9457_with_both_titles_and_field)
{
    const ProblemResponder responder(English());
    const auto response = responder.ToResponse(
        responder.FromError(Error(ErrorCategory::BadInput, "Invalid citizen ID", "applicant.citizenId", "digit 4")));
    BOOST_TEST(response.status == 422);
    BOOST_TEST(response.contentType == "application/problem+json");
    const auto body = Body(response.body);
    BOOST_TEST(body->getValue<std::string>("type") == "urn:motcua:error:bad-input");
    BOOST_TEST(body->getValue<int>("status") == 422);
    BOOST_TEST(body->getValue<std::string>("title") == "Invalid citizen ID");
    BOOST_TEST(body->getValue<std::string>("title_vi") == "Invalid citizen ID");  // no catalogue: English fallback
    BOOST_TEST(body->getValue<std::string>("field") == "applicant.citizenId");
    BOOST_TEST(body->getValue<std::string>("detail") == "digit 4");
}

BOOST_AUTO_TEST_CASE(http_errors_keep_their_status)
{
    const ProblemResponder responder(English());
    BOOST_TEST(Map(responder, HttpError(400, ErrorCategory::BadInput, "The request body is not valid JSON")).status ==
               400);
    BOOST_TEST(Map(responder, HttpError(413, ErrorCategory::BadInput, "The request body is too large")).status == 413);
    HttpError notAllowed(405, ErrorCategory::NotAllowed, "Method not allowed");
    notAllowed.headers.emplace_back("Allow", "GET");
    const Problem p = Map(responder, notAllowed);
    BOOST_TEST(p.status == 405);
    BOOST_REQUIRE_EQUAL(p.headers.size(), 1u);
    BOOST_TEST(p.headers[0].second == "GET");
}

BOOST_AUTO_TEST_CASE(unexpected_exceptions_are_500_without_internals)
{
    const ProblemResponder responder(English());
    const Problem p = Map(responder, std::runtime_error("pq: password authentication failed for user x"));
    BOOST_TEST(p.status == 500);
    BOOST_TEST(p.title == "Internal server error");
    BOOST_TEST(p.detail.empty());
    const auto response = responder.ToResponse(p);
    BOOST_TEST(response.body.find("password") == std::string::npos);
    BOOST_TEST(!Body(response.body)->has("detail"));

    const Problem env =
        Map(responder, Error(ErrorCategory::Environment, "Database unavailable", {}, "SQLSTATE 08006 at host db1"));
    BOOST_TEST(env.status == 503);
    BOOST_TEST(env.detail.empty());
}

BOOST_AUTO_TEST_CASE(unauthenticated_announces_bearer)
{
    const ProblemResponder responder(English());
    const Problem p = Map(responder, Error(ErrorCategory::Unauthenticated, "Please sign in"));
    bool found = false;
    for (const auto& [name, value] : p.headers)
        found = found || (name == "WWW-Authenticate" && value == "Bearer");
    BOOST_TEST(found);
}

BOOST_AUTO_TEST_CASE(vietnamese_titles_come_from_the_catalogue)
{
    BOOST_REQUIRE(Vietnamese().HasCatalogue());
    const ProblemResponder responder(Vietnamese());
    const Problem p = Map(responder, Error(ErrorCategory::NotFound, "Dossier not found"));
    BOOST_TEST(p.title == "Dossier not found");
    BOOST_TEST(p.titleVi == "Không tìm thấy hồ sơ");
    // A formatted error is translated as a pattern, then filled in.
    const Problem f =
        Map(responder,
            Error::Formatted(ErrorCategory::NotAllowed,
                             "Action {action} is not allowed for role {role} in status "
                             "{status} ({statusName})",
                             {{"action", "accept"}, {"role", "handler"}, {"status", "1"}, {"statusName", "new"}}));
    BOOST_TEST(f.title == "Action accept is not allowed for role handler in status 1 (new)");
    BOOST_TEST(f.titleVi == "Vai trò handler không được thực hiện accept khi hồ sơ ở trạng thái 1 (new)");
    // An untranslated msgid falls back to English.
    BOOST_TEST(Map(responder, Error(ErrorCategory::NotFound, "Not in the test catalogue")).titleVi ==
               "Not in the test catalogue");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(TranslatorUnit)

BOOST_AUTO_TEST_CASE(missing_catalogue_falls_back_to_english)
{
    const Translator t("/nonexistent/locale");
    BOOST_TEST(!t.HasCatalogue());
    BOOST_TEST(t.Vietnamese("Dossier not found") == "Dossier not found");
}

BOOST_AUTO_TEST_CASE(lookup_order_is_explicit_then_installed_then_build_tree)
{
    namespace fs = std::filesystem;
    const std::string catalogue = MOTCUA_SERVER_TEST_LOCALE_DIR;
    const fs::path root = fs::temp_directory_path() / ("motcua-translator-" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root / "bin");
    fs::create_directories(root / "share" / "locale" / "vi" / "LC_MESSAGES");
    fs::copy_file(fs::path(catalogue) / "vi" / "LC_MESSAGES" / "motcua.mo",
                  root / "share" / "locale" / "vi" / "LC_MESSAGES" / "motcua.mo");
    const std::string exe = (root / "bin" / "motcua-server").string();
    const std::string installed = (root / "share" / "locale").lexically_normal().string();

    BOOST_TEST(Translator::FindLocaleDir(catalogue, exe, "") == catalogue);
    // An explicit folder wins even when it lacks the catalogue, so a wrong --locale-dir is noticed.
    BOOST_TEST(Translator::FindLocaleDir("/nonexistent", exe, catalogue) == "");
    BOOST_TEST(Translator::FindLocaleDir("", exe, catalogue) == installed);
    BOOST_TEST(Translator::FindLocaleDir("", "/nonexistent/bin/motcua-server", catalogue) == catalogue);
    BOOST_TEST(Translator::FindLocaleDir("", "", "") == "");
    // The motcua-server package's copy, share/motcua/locale, when share/locale has none.
    const fs::path packaged = root / "share" / "motcua" / "locale";
    fs::create_directories(packaged / "vi" / "LC_MESSAGES");
    fs::rename(root / "share" / "locale" / "vi" / "LC_MESSAGES" / "motcua.mo",
               packaged / "vi" / "LC_MESSAGES" / "motcua.mo");
    BOOST_TEST(Translator::FindLocaleDir("", exe, catalogue) == packaged.lexically_normal().string());
    fs::remove_all(root);
}

BOOST_AUTO_TEST_CASE(product_catalogue_is_loaded_from_the_build_tree)
{
    // The real locale/vi.po as the build compiles it, found the way motcua-server finds it when run from the build
    // tree: no --locale-dir, nothing installed next to the executable.
    const std::string dir =
        Translator::FindLocaleDir("", "/nonexistent/bin/motcua-server", Translator::BuildTreeLocaleDir());
    BOOST_TEST_REQUIRE(!dir.empty(), "no compiled catalogue under " << Translator::BuildTreeLocaleDir());
    BOOST_TEST(dir != MOTCUA_SERVER_TEST_LOCALE_DIR);
    const Translator product(dir);
    BOOST_TEST_REQUIRE(product.HasCatalogue());
    const ProblemResponder responder(product);
    const std::vector<std::pair<Error, std::string>> cases{
        {Error(ErrorCategory::BadInput, "The paging cursor is not valid", "after"), "Con trỏ phân trang không hợp lệ"},
        // The values go into the translated sentence where Vietnamese wants them.
        {Error::Formatted(ErrorCategory::Conflict, "The dossier was changed by {by} at {at}; reload it and try again",
                          {{"by", "Nguyễn Thị Thu Hà"}, {"at", "09:41 10/03/2026"}}, "version"),
         "Hồ sơ đã được Nguyễn Thị Thu Hà thay đổi lúc 09:41 10/03/2026; vui lòng tải lại hồ sơ và thử lại"},
        {Error(ErrorCategory::Environment, "The database is unavailable; please try again later"),
         "Cơ sở dữ liệu hiện không sẵn sàng; vui lòng thử lại sau"},
    };
    for (const auto& [error, vietnamese] : cases) {
        BOOST_TEST_CONTEXT(error.what())
        {
            const Problem p = Map(responder, error);
            BOOST_TEST(p.titleVi == vietnamese);
            BOOST_TEST(Body(responder.ToResponse(p).body)->getValue<std::string>("title_vi") == vietnamese);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
