// The malformed-input storm: a few thousand generated bad requests (broken JSON, bad bytes, wrong media types, huge
// headers, bad signatures, bad paths, wrong methods, lying Content-Length, garbage request lines). Every one is
// answered with a 4xx (garbage that is not HTTP may be closed instead), nothing is written, and the server still
// answers afterwards.
#include <chrono>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "server/usecases/request_signature.h"
#include "tests/server/api_fixture.h"
#include "tests/server/raw_connection.h"

using motcua::server::ServerConfig;
using motcua::test::ApiFixture;
using motcua::test::RawConnection;
using motcua::test::RawReply;
using motcua::test::RawRequest;
using motcua::test::RowCounts;
using namespace std::chrono_literals;

namespace {

// Sequences no UTF-8 JSON text may hold: a stray byte, an overlong form, a surrogate, NUL, a raw control character.
const std::vector<std::string> kBadBytes{"\xff", "\xc0\x80", "\xed\xa0\x80", std::string(1, '\0'), "\x01", "\x1b"};

struct StormFixture : ApiFixture {
    StormFixture() : ApiFixture(MOTCUA_SERVER_TEST_LOCALE_DIR, [](ServerConfig& c) { c.logRequests = false; }) {}

    std::mt19937 random{20261127};
    int sent = 0;
    std::map<std::string, int> byCategory;

    std::size_t Below(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random); }

    // A body spoiled so that it cannot be valid: cut short, or a bad byte put in.
    std::string Spoiled(const std::string& body)
    {
        if (Below(2) == 0)
            return body.substr(0, Below(body.size()));
        std::string out = body;
        const std::size_t at = Below(out.size());
        return out.insert(at, kBadBytes[Below(kBadBytes.size())]);
    }

    void Count(const std::string& category, int status, const std::string& what)
    {
        ++sent;
        ++byCategory[category];
        BOOST_TEST_CONTEXT(category << ": " << what.substr(0, 200))
        {
            BOOST_TEST(status >= 400);
            BOOST_TEST(status < 500);
        }
    }

    void Http(const std::string& category, const std::string& method, const std::string& path,
              const std::string& body = {}, const std::string& contentType = "application/json")
    {
        int status = 0;
        try {
            status = Call(method, path, body, contentType).status;
        } catch (const std::exception& e) {
            BOOST_TEST_MESSAGE("no answer: " << e.what());
        }
        Count(category, status, method + " " + path + " " + body);
    }

    // Raw bytes; `mayClose`: not HTTP at all, so closing without an answer is fine too.
    void Raw(const std::string& category, const std::string& bytes, bool mayClose)
    {
        RawConnection connection(server->Port());
        connection.Send(bytes);
        connection.FinishSending();
        const RawReply reply = connection.Read(5s);
        ++sent;
        ++byCategory[category];
        BOOST_TEST_CONTEXT(category << ": " << bytes.substr(0, 200) << " (answer " << reply.status << ", " << reply.head
                                    << " headers, " << (reply.closed ? "closed)" : "open)"))
        {
            if (reply.status == 0) {
                BOOST_TEST(mayClose);
                BOOST_TEST(reply.closed);  // not left hanging
            } else {
                BOOST_TEST(reply.status >= 400);
                BOOST_TEST(reply.status < 500);
            }
        }
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(MalformedStormIntegration)

BOOST_FIXTURE_TEST_CASE(thousands_of_malformed_requests_are_all_refused_and_write_nothing, StormFixture)
{
    const auto started = std::chrono::steady_clock::now();
    const std::string submission = Submission();
    const std::string login = R"({"username":"clerk","password":"correct horse battery staple"})";
    const RowCounts before = Counts();

    // Broken JSON and bad bytes, signed correctly so that they reach the parser.
    for (int i = 0; i < 500; ++i)
        Http("citizen body", "POST", "/citizen/v1/dossiers", Spoiled(submission));
    for (int i = 0; i < 250; ++i)
        Http("login body", "POST", "/staff/v1/login", Spoiled(login));
    const std::vector<std::string> shapes{
        "[]",
        "null",
        "1",
        "\"x\"",
        "{}",
        "{\"procedureCode\":1}",
        R"({"a":1,"a":2})",
        R"({"procedureCode":"1.001193","procedureCode":"1.001193"})",
        std::string(5000, '[') + std::string(5000, ']'),
        R"({"documents":[{"name":"x","form":"original","count":18446744073709551617}]})",
        R"({"documents":[{"name":"x","form":"original","count":-1}]})",
        "{\"a\":\"\\ud800\"}",
        "{\"a\":1}garbage"};
    for (const std::string& shape : shapes) {
        Http("citizen shape", "POST", "/citizen/v1/dossiers", shape);
        Http("login shape", "POST", "/staff/v1/login", shape);
    }

    // Wrong media types.
    const std::vector<std::string> types{"text/plain",
                                         "application/xml",
                                         "application/x-www-form-urlencoded",
                                         "application/json; charset=latin1",
                                         "multipart/form-data; boundary=x",
                                         "application/jsonx",
                                         "image/png"};
    for (int i = 0; i < 20; ++i)
        for (const std::string& type : types) {
            Http("media type", "POST", "/citizen/v1/dossiers", Spoiled(submission), type);
            Http("media type", "POST", "/staff/v1/login", login, type);
        }

    // Bad signatures: each header spoiled in turn, over a valid body.
    const std::vector<std::map<std::string, std::string>> spoilers{
        {{motcua::server::kSignatureHeader, "00"}},
        {{motcua::server::kSignatureHeader, std::string(64, 'g')}},
        {{motcua::server::kSignatureHeader, std::string(64, 'A')}},
        {{motcua::server::kSignatureHeader, ""}},
        {{motcua::server::kTimestampHeader, "1"}},
        {{motcua::server::kTimestampHeader, "99999999999999999999999"}},
        {{motcua::server::kTimestampHeader, "-5"}},
        {{motcua::server::kTimestampHeader, "soon"}},
        {{motcua::server::kClientHeader, "nobody"}},
        {{motcua::server::kClientHeader, "\xff\xfe"}},
        {{motcua::server::kCitizenHeader, "12345"}},
        {{motcua::server::kCitizenHeader, "\xc0\x80"}},
    };
    for (int i = 0; i < 20; ++i)
        for (const auto& spoiler : spoilers) {
            signing.extraHeaders = spoiler;
            Http("signature", i % 2 ? "GET" : "POST",
                 i % 2 ? "/citizen/v1/dossiers/000.31.21.H41-261127-0001" : "/citizen/v1/dossiers",
                 i % 2 ? "" : submission);
        }
    signing.extraHeaders.clear();
    signing.sign = false;
    for (int i = 0; i < 50; ++i)
        Http("signature", "POST", "/citizen/v1/dossiers", submission);
    signing.sign = true;

    // Bad paths.
    const std::vector<std::string> pieces{"%00",
                                          "..",
                                          "%2e%2e",
                                          "%2F",
                                          "%zz",
                                          "%",
                                          "",
                                          "citizen",
                                          "v1",
                                          "dossiers",
                                          "staff",
                                          "\xff",
                                          "%c0%80",
                                          ";",
                                          "a b",
                                          "~",
                                          std::string(300, 'x')};
    for (int i = 0; i < 300; ++i) {
        std::string path = i % 3 == 0 ? "/citizen/v1/dossiers" : i % 3 == 1 ? "/staff/v1/dossiers" : "";
        for (std::size_t n = 1 + Below(5); n > 0; --n)
            path += "/" + pieces[Below(pieces.size())];
        Http("path", Below(2) ? "GET" : "POST", path, Below(2) ? "" : "{}");
    }
    Http("path", "GET", "/" + std::string(20000, 'a'));
    Http("path", "GET", "/staff/v1/dossiers/99999999999999999999999999");

    // Wrong methods on real routes.
    const std::vector<std::string> routes{"/health",
                                          "/ready",
                                          "/metrics",
                                          "/citizen/v1/dossiers",
                                          "/citizen/v1/dossiers/000.31.21.H41-261127-0001",
                                          "/staff/v1/login",
                                          "/staff/v1/inbox",
                                          "/staff/v1/dossiers/1/accept"};
    for (const std::string method : {"PUT", "DELETE", "PATCH", "OPTIONS", "BREW", "TRACE"})
        for (const std::string& route : routes)
            for (int i = 0; i < 3; ++i)
                Http("method", method, route);

    // Huge and too many headers (a request head has bounds).
    for (int i = 0; i < 20; ++i) {
        Raw("huge header", RawRequest("GET", "/health", "X-Big: " + std::string(9000 + 1000 * i, 'h') + "\r\n"), false);
        std::string many;
        for (int h = 0; h < 150 + i; ++h)
            many += "X-H" + std::to_string(h) + ": v\r\n";
        Raw("many headers", RawRequest("GET", "/health", many), false);
    }

    // Lying, negative, huge or unreadable Content-Length; bad chunks; a body cut short.
    // A length Poco cannot read as a number ends the connection (Poco's session closes it before anyone can answer).
    const std::vector<std::pair<std::string, bool>> lengths{
        {"-1", false}, {"-99999", false}, {"", false},    {"abc", true},
        {"1e3", true}, {"0x10", true},    {"5, 5", true}, {"99999999999999999999", true}};
    for (int i = 0; i < 10; ++i) {
        for (const auto& [length, mayClose] : lengths)
            Raw("content length",
                "POST /staff/v1/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " +
                    length + "\r\n\r\n" + login,
                mayClose);
        Raw("content length",
            "POST /staff/v1/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
            "500\r\n\r\n" +
                login,
            false);
        Raw("chunked",
            "POST /staff/v1/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            "Transfer-Encoding: chunked\r\n\r\nzz\r\n" +
                login + "\r\n0\r\n\r\n",
            false);
    }

    // Garbage instead of a request line.
    const std::vector<std::string> lines{"HELLO",
                                         "GET",
                                         "GET /",
                                         "GET / HTTP/9.9",
                                         "/ GET HTTP/1.1",
                                         "\x16\x03\x01",
                                         std::string(20000, 'G') + " / HTTP/1.1",
                                         "GET " + std::string(20000, '/') + " HTTP/1.1"};
    for (const std::string& line : lines)
        Raw("garbage", line + "\r\n\r\n", true);
    for (int i = 0; i < 600; ++i) {
        std::string bytes(1 + Below(300), '\0');
        for (char& c : bytes)
            c = static_cast<char>(Below(256));
        Raw("garbage", bytes + (Below(2) ? "\r\n\r\n" : ""), true);
    }

    BOOST_TEST_MESSAGE(sent << " malformed requests in "
                            << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()
                            << " s");
    for (const auto& [category, count] : byCategory)
        BOOST_TEST_MESSAGE("  " << category << ": " << count);
    BOOST_TEST(sent >= 2000);
    BOOST_TEST(Counts() == before);
    BOOST_TEST(Get("/health").status == 200);
    BOOST_TEST(Post("/citizen/v1/dossiers", submission).status == 201);  // and still does its work
}

BOOST_AUTO_TEST_SUITE_END()
