// Attack tests (issue 8) over HTTP: every staff route that names a dossier or a document, tried by the staff of
// another agency; every staff route tried with tokens that must not work; SQL metacharacters, invalid text and very
// long strings in the search and text fields of the staff and citizen APIs. Each refusal checks that nothing changed.
#include <string>
#include <vector>

#include <Poco/URI.h>
#include <boost/test/unit_test.hpp>

#include "model/work_queue.h"
#include "server/api/staff_api.h"
#include "server/usecases/session_service.h"
#include "tests/server/api_fixture.h"
#include "tests/server/raw_connection.h"

using namespace motcua;
using namespace motcua::test;

namespace {

// Rows a request might write, but the sessions (the tests sign in as they go).
RowCounts WithoutSessions(RowCounts counts)
{
    counts.sessions = 0;
    return counts;
}

// Substitutes the path parameters of a route: {id} (a dossier, a document or a staff member), {n}, {name}.
std::string FillPath(std::string path, const std::string& id, const std::string& n = "1",
                     const std::string& name = "mine")
{
    for (const auto& [param, value] : {std::pair<std::string, std::string>{"{id}", id}, {"{n}", n}, {"{name}", name}}) {
        const std::size_t at = path.find(param);
        if (at != std::string::npos)
            path.replace(at, param.size(), value);
    }
    return path;
}

bool EndsWith(const std::string& text, const std::string& end)
{
    return text.size() >= end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0;
}

// A body each action accepts, so that the only reason left to refuse is the scope (or the version, for insiders).
std::string ActionBody(const std::string& action, int version, std::int64_t staffId)
{
    const std::string v = R"({"version":)" + std::to_string(version);
    if (action == "assign")
        return v + R"(,"staffId":)" + std::to_string(staffId) + "}";
    if (action == "forward")
        return v + R"(,"agencyCode":"000.00.12.H41"})";
    if (action == "request_supplement")
        return v + R"(,"missingDocuments":["Giấy chứng sinh"]})";
    if (action == "refuse" || action == "return_for_rework" || action == "stop")
        return v + R"(,"reason":"Thiếu giấy tờ"})";
    if (action == "propose_result")
        return v + R"(,"outcome":"grant"})";
    if (action == "reschedule")
        return v + R"(,"newDueAt":"2026-12-30T17:00:00+07:00","reason":"Chờ xác minh"})";
    return v + "}";
}

// A route of the staff API that names a dossier (/dossiers/{id}…) or one of its documents (/outputs/{id}).
bool NamesADossier(const std::string& path)
{
    return path.rfind("/staff/v1/dossiers/{id}", 0) == 0 || path.rfind("/staff/v1/outputs/{id}", 0) == 0;
}

// The staff of another agency (the department), one of each role, and their counterpart at the commune.
struct Pair {
    const char* attacker;
    const char* insider;
    Role role;
};
// clang-format off
const Pair kPairs[] = {
    {"dept.clerk",   "clerk",   Role::Clerk},
    {"dept.handler", "handler", Role::Handler},
    {"dept.manager", "manager", Role::Manager},
    {"dept.signer",  "signer",  Role::Signer},
};
// clang-format on

// Where a route's contract refuses a role before it looks at the dossier: 403 then, whatever the dossier.
bool RoleRefusedFirst(const std::string& method, const std::string& path, Role role)
{
    if (EndsWith(path, "/audit"))
        return role != Role::Manager && role != Role::Admin && role != Role::Auditor;
    if (method == "PUT")
        return role != Role::Signer && role != Role::Manager;
    return false;
}

// The answer to a dossier or document that is not the caller's: the same as for one that does not exist.
std::string ScopeTitle(const std::string& path)
{
    return path.rfind("/staff/v1/outputs/", 0) == 0 ? "Document not found" : "Dossier not found";
}

struct AttackFixture : ApiFixture {
    // No limit on public lookups: these tests make many, from one address.
    AttackFixture()
        : ApiFixture(MOTCUA_SERVER_TEST_LOCALE_DIR,
                     [](server::ServerConfig& config) { config.publicLookupsPerMinute = 0; })
    {}

    // The dossier every case attacks: submitted at the commune and accepted by its clerk (so it has a receipt).
    std::int64_t dossier = 0;
    std::int64_t receipt = 0;
    std::string code;

    void PrepareDossier()
    {
        dossier = SubmitDossier();
        const HttpReply accepted =
            Post("/staff/v1/dossiers/" + std::to_string(dossier) + "/accept", R"({"version":1})", Login("clerk"));
        BOOST_TEST_REQUIRE(accepted.status == 200, accepted.body);
        code = accepted.json->getValue<std::string>("code");
        receipt = Scalar("SELECT id FROM dossier_output WHERE dossier_id = " + std::to_string(dossier));
    }

    // Everything a request could change about the attacked dossier, its papers, documents, history and trail.
    std::string State() const
    {
        return std::to_string(Scalar("SELECT CAST(hashtext(string_agg(t, '|' ORDER BY t)) AS bigint) FROM ("
                                     " SELECT CAST(d AS text) AS t FROM dossier d"
                                     " UNION ALL SELECT CAST(e AS text) FROM dossier_event e"
                                     " UNION ALL SELECT id || ':' || encode(sha256, 'hex') FROM dossier_output"
                                     " UNION ALL SELECT CAST(c AS text) FROM dossier_consultation c) rows")) +
               " audit " + std::to_string(Scalar("SELECT count(*) FROM audit_event"));
    }

    // GET `path`; a request line longer than the HTTP layer reads (16 KB) goes over a plain socket, since the
    // server answers 400 and closes before the client library has sent it all.
    HttpReply GetAny(const std::string& path, const std::string& token = {})
    {
        if (path.size() < 16000)
            return Get(path, token);
        RawConnection raw(server->Port());
        raw.Send("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
                 (token.empty() ? std::string() : "Authorization: Bearer " + token + "\r\n") + "\r\n");
        const RawReply answer = raw.Read(std::chrono::seconds{10});
        HttpReply reply;
        reply.status = answer.status;
        reply.body = answer.body;
        if (answer.headers.count("content-type"))
            reply.contentType = answer.headers.at("content-type");
        return reply;
    }

    // The call `route` makes with `token`: the dossier's or the receipt's id, a body fit for the route.
    HttpReply Try(const server::ApiRoute<server::StaffApi>& route, const std::string& token, int version)
    {
        const std::string& path = route.key.pattern;
        const bool output = path.rfind("/staff/v1/outputs/", 0) == 0;
        const std::string filled = FillPath(path, std::to_string(output ? receipt : dossier));
        if (route.key.method == "GET")
            return Get(filled, token);
        if (route.key.method == "PUT")
            return Call("PUT", filled, "%PDF-1.7\n%%EOF\n", "application/pdf", token);
        const std::string action = filled.substr(filled.rfind('/') + 1);
        return Post(filled, ActionBody(action, version, catalogue.handler.id), token);
    }

    // Every route naming a dossier or a document, tried by each of the department's staff on the commune's dossier:
    // 404 as for a dossier that does not exist (403 where the route refuses the role first), and nothing changed.
    void AttackEveryDossierRoute()
    {
        const std::string before = State();
        const RowCounts counts = WithoutSessions(Counts());
        int routes = 0;
        for (const Pair& pair : kPairs) {
            const std::string attacker = Login(pair.attacker);
            for (const server::ApiRoute<server::StaffApi>& route : server::StaffApi::Routes()) {
                if (!NamesADossier(route.key.pattern))
                    continue;
                ++routes;
                BOOST_TEST_CONTEXT(pair.attacker << " " << route.key.method << " " << route.key.pattern)
                {
                    const HttpReply reply = Try(route, attacker, 2);
                    if (RoleRefusedFirst(route.key.method, route.key.pattern, pair.role))
                        BOOST_TEST(reply.status == 403, reply.body);
                    else
                        CheckProblem(reply, 404, "", ScopeTitle(route.key.pattern));
                    BOOST_TEST(State() == before);
                }
            }
        }
        // Every dossier and document route: 17 actions, detail, receipt, audit, attachment, outputs, and a document
        // read and signed; four roles each.
        BOOST_TEST(routes == 4 * 24);
        BOOST_TEST(WithoutSessions(Counts()) == counts);
        BOOST_TEST(State() == before);
    }
};

std::string Encode(const std::string& value)
{
    std::string out;
    Poco::URI::encode(value, "!#$&'()*+,/:;=?@[]%\"<>\\^`{|} ", out);
    return out;
}

// Text no field should fear: SQL and LIKE metacharacters, a NUL, invalid UTF-8, control characters, Vietnamese
// decomposed (combining marks) and composed, and a megabyte.
struct Hostile {
    const char* name;
    std::string text;
};
std::vector<Hostile> HostileTexts()
{
    return {
        {"quote", "Nguyễn' OR '1'='1"},
        {"double quote and semicolon", "\"; DROP TABLE dossier; --"},
        {"backslash", R"(a\'b\\c\)"},
        {"like wildcards", "%_%"},
        {"percent only", "%%%%"},
        {"underscore only", "____"},
        {"nul byte", std::string("an\0b", 4)},
        {"invalid utf-8", "Nguy\xff\xfe n"},
        {"truncated utf-8", "Nguy\xe1\xbb"},
        {"overlong utf-8", "\xc0\xaf\xc0\xaf"},
        {"control characters", "a\x01\x1b[31mb\r\nc"},
        {"combining marks", "Nguye\xcc\x82\xcc\x83n Va\xcc\x86n"},  // Nguyễn Văn, decomposed
        {"composed vietnamese", "Nguyễn Văn Hùng"},
        {"dollar quoting", "$$; SELECT 1; $$"},
        {"one megabyte", std::string(1 << 20, 'x')},
    };
}

// `text` as a JSON string: quotes, backslashes and control characters escaped, every other byte as it is (invalid
// UTF-8 stays invalid, for the server to refuse).
std::string JsonString(const std::string& text)
{
    std::string out = "\"";
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20) {
            static const char kHex[] = "0123456789abcdef";
            out += "\\u00";
            out += kHex[byte >> 4];
            out += kHex[byte & 15];
        } else {
            out += c;
        }
    }
    return out + "\"";
}

// A refusal in the API's own words (problem+json, 4xx; the public pages /tra-cuu and /verify answer people in HTML),
// or for a request line too long for the HTTP layer, its plain 400: anything but a server error.
void CheckClearAnswer(const HttpReply& reply, bool html = false)
{
    BOOST_TEST((reply.status > 0 && reply.status < 500), reply.status << " " << reply.body.substr(0, 300));
    if (reply.status >= 400 && reply.status < 500 && !reply.body.empty())
        BOOST_TEST(reply.contentType.find(html ? "text/html" : "application/problem+json") == 0, reply.contentType);
}

// A refusal of a bad value: 422 (BadInput), 400 (not JSON at all, e.g. not UTF-8) or, for a body over the limit, 413.
bool RefusedAsBadInput(const HttpReply& reply)
{
    return reply.status == 422 || reply.status == 400 || reply.status == 413;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(AttackIntegration, AttackFixture)

BOOST_AUTO_TEST_CASE(every_dossier_route_refuses_another_agency_s_staff_and_changes_nothing)
{
    PrepareDossier();
    const RowCounts counts = WithoutSessions(Counts());
    AttackEveryDossierRoute();

    // The same routes pass the scope for the commune's own staff: a stale version (409) or a read, nothing changed
    // by the acts; so the 404s above come from the scope and nothing else.
    for (const Pair& pair : kPairs) {
        const std::string insider = Login(pair.insider);
        for (const server::ApiRoute<server::StaffApi>& route : server::StaffApi::Routes()) {
            if (!NamesADossier(route.key.pattern) || RoleRefusedFirst(route.key.method, route.key.pattern, pair.role))
                continue;
            BOOST_TEST_CONTEXT(pair.insider << " " << route.key.method << " " << route.key.pattern)
            {
                const HttpReply reply = Try(route, insider, 99);
                const bool scopeRefusal = reply.status == 404 && reply.json &&
                                          reply.json->getValue<std::string>("title") == ScopeTitle(route.key.pattern);
                BOOST_TEST(!scopeRefusal, reply.body);
                BOOST_TEST(reply.status < 500, reply.body);
            }
        }
    }
    BOOST_TEST(WithoutSessions(Counts()) == counts);
}

BOOST_AUTO_TEST_CASE(the_server_s_own_scope_check_holds_with_row_level_security_off)
{
    // The first wall alone: with the database's policies off, the server's LoadDossierInScope still refuses.
    PrepareDossier();
    db.AdminExecute(
        "DO $$ DECLARE t regclass; BEGIN"
        " FOR t IN SELECT oid FROM pg_class WHERE relrowsecurity AND relkind = 'r' LOOP"
        " EXECUTE format('ALTER TABLE %s DISABLE ROW LEVEL SECURITY', t); END LOOP; END $$");
    BOOST_TEST_REQUIRE(Scalar("SELECT count(*) FROM pg_class WHERE relrowsecurity AND relkind = 'r'") == 0);
    AttackEveryDossierRoute();
}

BOOST_AUTO_TEST_CASE(lists_and_searches_never_show_another_agency_s_dossier)
{
    PrepareDossier();
    std::vector<std::string> lists{"/staff/v1/inbox",
                                   "/staff/v1/queues",
                                   "/staff/v1/consultations",
                                   "/staff/v1/dossiers?q=" + Encode(code),
                                   "/staff/v1/dossiers?q=001090000001",
                                   "/staff/v1/dossiers?q=" + Encode("Thùy Trang"),
                                   "/staff/v1/dossiers?agency=000.31.21.H41"};
    for (const auto& name : kWorkQueueNames)
        lists.push_back("/staff/v1/queues/" + std::string(name.key));
    for (const Pair& pair : kPairs) {
        const std::string attacker = Login(pair.attacker);
        for (const std::string& list : lists) {
            BOOST_TEST_CONTEXT(pair.attacker << " " << list)
            {
                const HttpReply reply = Get(list, attacker);
                BOOST_TEST(reply.status == 200, reply.body);
                BOOST_TEST(reply.body.find(code) == std::string::npos, reply.body);
            }
        }
    }
    // The commune's clerk finds it by the same searches: the lists above could have shown it.
    const std::string clerk = Login("clerk");
    for (const std::string& list : {lists[3], lists[4], lists[5], lists[6]})
        BOOST_TEST(Get(list, clerk).body.find(code) != std::string::npos, list);
}

BOOST_AUTO_TEST_CASE(every_staff_route_answers_401_to_a_token_that_is_not_a_live_session)
{
    const std::string live = Login("clerk");
    const std::string revoked = Login("handler");
    BOOST_TEST_REQUIRE(
        Post("/staff/v1/admin/staff/" + std::to_string(catalogue.handler.id) + "/sessions/revoke", "{}", Login("admin"))
            .status == 200);
    const std::string signedOut = Login("signer");
    BOOST_TEST_REQUIRE(Post("/staff/v1/logout", "{}", signedOut).status == 204);
    // An account switched off (someone who left) keeps no session it had.
    const std::string disabled = Login("dept.clerk");
    db.AdminExecute("UPDATE staff SET active = false WHERE username = 'dept.clerk'");
    // A token with one character changed, one cut short, one too long; what a leaked session table holds (the
    // hash); a well-formed token no server issued (from another server, or made up).
    std::string changed = live;
    changed[10] = changed[10] == 'A' ? 'B' : 'A';
    struct Variant {
        const char* name;
        std::map<std::string, std::string> headers;
    };
    auto bearer = [](const std::string& t) {
        return std::map<std::string, std::string>{{"Authorization", "Bearer " + t}};
    };
    const std::vector<Variant> variants{
        {"no token", {}},
        {"revoked", bearer(revoked)},
        {"signed out", bearer(signedOut)},
        {"account disabled", bearer(disabled)},
        {"one character changed", bearer(changed)},
        {"truncated", bearer(live.substr(0, live.size() - 1))},
        {"extended", bearer(live + "A")},
        {"stored hash", bearer(server::SessionService::HashToken(live))},
        {"well-formed, never issued", bearer(server::SessionService::NewToken())},
        {"empty bearer", {{"Authorization", "Bearer "}}},
        {"another scheme", {{"Authorization", "Basic " + live}}},
        {"two tokens", {{"Authorization", "Bearer " + live + " " + live}}},
        {"sql in the token", bearer("' OR '1'='1' --")},
        {"nul in the token", bearer(std::string("abc\0def", 7))},
    };
    const RowCounts counts = Counts();
    int calls = 0;
    for (const Variant& variant : variants) {
        signing.extraHeaders = variant.headers;
        for (const server::ApiRoute<server::StaffApi>& route : server::StaffApi::Routes()) {
            if (route.key.pattern == "/staff/v1/login")
                continue;
            const std::string path = FillPath(route.key.pattern, "1");
            BOOST_TEST_CONTEXT(variant.name << ": " << route.key.method << " " << path)
            {
                const bool pdf = route.key.method == "PUT";
                const HttpReply reply = Call(route.key.method, path, pdf ? "%PDF-1.7\n" : "{}",
                                             pdf ? "application/pdf" : "application/json");
                BOOST_TEST(reply.status == 401, reply.body);
                ++calls;
            }
        }
    }
    signing.extraHeaders.clear();
    BOOST_TEST(calls == static_cast<int>(variants.size() * (server::StaffApi::Routes().size() - 1)));
    BOOST_TEST(Counts() == counts);
    BOOST_TEST(Get("/staff/v1/inbox", live).status == 200);  // the token the variants came from still works

    // Past its absolute lifetime the live token is refused by every route too.
    clock.Advance(server->Config().sessionLifetime + std::chrono::seconds{1});
    for (const server::ApiRoute<server::StaffApi>& route : server::StaffApi::Routes()) {
        if (route.key.pattern == "/staff/v1/login")
            continue;
        BOOST_TEST_CONTEXT("expired: " << route.key.method << " " << route.key.pattern)
        {
            const bool pdf = route.key.method == "PUT";
            const HttpReply reply = Call(route.key.method, FillPath(route.key.pattern, "1"), pdf ? "%PDF-1.7\n" : "{}",
                                         pdf ? "application/pdf" : "application/json", live);
            CheckProblem(reply, 401, "", "Your session has expired; please sign in again");
        }
    }
}

BOOST_AUTO_TEST_CASE(search_and_list_parameters_take_any_text_without_a_server_error_or_a_change)
{
    PrepareDossier();
    const std::string clerk = Login("clerk");
    const std::string before = State();
    // clang-format off
    const std::vector<std::pair<std::string, std::vector<std::string>>> kParameters{
        {"/staff/v1/dossiers?",        {"q", "status", "procedure", "agency", "from", "to", "limit", "after"}},
        {"/staff/v1/queues/mine?",     {"sort", "order", "limit", "after"}},
        {"/staff/v1/inbox?",           {"limit", "after"}},
        {"/staff/v1/staff?",           {"role"}},
        {"/staff/v1/register?",        {"year", "format"}},
        {"/staff/v1/reports/periodic?from=2026-01-01&to=2026-01-31&", {"agency", "format"}},
    };
    // clang-format on
    int calls = 0;
    for (const Hostile& h : HostileTexts()) {
        std::vector<std::string> paths;
        for (const auto& [route, parameters] : kParameters)
            for (const std::string& parameter : parameters)
                paths.push_back(route + parameter + "=" + Encode(h.text));
        for (const char* pattern : {"/staff/v1/queues/{id}", "/staff/v1/dossiers/{id}", "/staff/v1/outputs/{id}",
                                    "/staff/v1/dossiers/{id}/outputs"})
            paths.push_back(FillPath(pattern, Encode(h.text)));
        paths.push_back("/staff/v1/dossiers/" + std::to_string(dossier) + "/attachments/" + Encode(h.text));
        for (const std::string& path : paths) {
            BOOST_TEST_CONTEXT(h.name << ": " << path.substr(0, 80))
            {
                const HttpReply reply = GetAny(path, clerk);
                CheckClearAnswer(reply);
                // A search for these texts finds nothing: a wildcard or a quote is a character like any other.
                if (reply.status == 200 && path.find("?q=") != std::string::npos)
                    BOOST_TEST(reply.body.find(code) == std::string::npos, reply.body);
                ++calls;
            }
        }
    }
    BOOST_TEST(calls == static_cast<int>(HostileTexts().size()) * 24);
    BOOST_TEST(State() == before);
    BOOST_TEST(Get("/staff/v1/dossiers?q=" + Encode(code), clerk).body.find(code) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(citizen_lookups_take_any_text_without_a_server_error)
{
    PrepareDossier();
    const std::string before = State();
    int calls = 0;
    for (const Hostile& h : HostileTexts()) {
        const std::string e = Encode(h.text);
        for (const std::string& path :
             {"/citizen/v1/procedures/" + e, "/citizen/v1/dossiers/" + e, "/citizen/v1/dossiers/" + e + "/receipt",
              "/citizen/v1/dossiers/" + e + "/result", "/citizen/v1/dossiers/" + e + "/accesses",
              "/public/v1/dossiers/" + e, "/tra-cuu/" + e, "/verify/" + e}) {
            BOOST_TEST_CONTEXT(h.name << ": " << path.substr(0, 80))
            {
                // Signed calls: the raw path is not signed, so a request line too long is only tried unsigned.
                CheckClearAnswer(GetAny(path), path.rfind("/tra-cuu/", 0) == 0 || path.rfind("/verify/", 0) == 0);
                ++calls;
            }
        }
        if (e.size() < 16000) {
            BOOST_TEST_CONTEXT(h.name << ": withdraw")
            {
                CheckClearAnswer(Post("/citizen/v1/dossiers/" + e + "/withdraw", "{}"));
            }
        }
    }
    BOOST_TEST(calls == static_cast<int>(HostileTexts().size()) * 8);
    BOOST_TEST(State() == before);
}

BOOST_AUTO_TEST_CASE(text_fields_store_what_was_sent_or_refuse_it_clearly)
{
    int serial = 10;
    const std::string clerk = Login("clerk");
    for (const Hostile& h : HostileTexts()) {
        BOOST_TEST_CONTEXT(h.name)
        {
            // The citizen's name and address as sent by the citizen app.
            const RowCounts before = Counts();
            const std::string applicant = R"({"fullName":)" + JsonString(h.text) +
                                          R"(,"citizenId":"001090000077","dateOfBirth":"1990-05-12","address":)" +
                                          JsonString(h.text) + R"(,"phone":"0912345678"})";
            const HttpReply submitted =
                Post("/citizen/v1/dossiers", Submission("1.001193", "000.31.21.H41", applicant));
            CheckClearAnswer(submitted);
            if (submitted.status != 201) {
                BOOST_TEST(RefusedAsBadInput(submitted), submitted.body.substr(0, 300));
                BOOST_TEST(Counts() == before);
            }
            // The clerk's note and a paper intake's text as the desk sends them, on a dossier of the commune.
            const std::int64_t id = SubmitDossier("000.31.21.H41", ++serial);
            const std::string path = "/staff/v1/dossiers/" + std::to_string(id);
            const RowCounts beforeAct = Counts();
            const HttpReply accepted =
                Post(path + "/accept", R"({"version":1,"note":)" + JsonString(h.text) + "}", clerk);
            CheckClearAnswer(accepted);
            if (accepted.status == 200) {
                // Stored as sent (the server keeps text in NFC): read back through the history.
                const HttpReply detail = Get(path, clerk);
                BOOST_TEST_REQUIRE(detail.status == 200);
                Poco::JSON::Array::Ptr history = detail.json->getArray("history");
                BOOST_TEST_REQUIRE(history->size() >= 2u);
                const auto note = history->getObject(history->size() - 1)->getValue<std::string>("note");
                if (h.text.find('\xcc') == std::string::npos && h.text.find('\r') == std::string::npos)
                    BOOST_TEST(note == h.text);
            } else {
                BOOST_TEST(RefusedAsBadInput(accepted), accepted.body.substr(0, 300));
                BOOST_TEST(Counts() == beforeAct);
            }
            const HttpReply refused =
                Post(path + "/refuse", R"({"version":99,"reason":)" + JsonString(h.text) + "}", clerk);
            CheckClearAnswer(refused);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_code_cut_by_a_nul_or_not_utf8_names_nothing)
{
    PrepareDossier();
    // The database reads text parameters up to a NUL: "<code>\0x" must not be taken for the code.
    const std::string cut = Encode(code + std::string(1, '\0') + "x");
    BOOST_TEST(Get("/public/v1/dossiers/" + Encode(code)).status == 200);
    CheckProblem(Get("/public/v1/dossiers/" + cut), 404, "", "Dossier not found");
    BOOST_TEST(Get("/citizen/v1/dossiers/" + cut).status == 404);
    const HttpReply page = Get("/tra-cuu/" + cut);
    BOOST_TEST(page.status == 404);
    BOOST_TEST(page.contentType.find("text/html") == 0, page.contentType);
    const std::string clerk = Login("clerk");
    CheckProblem(Get("/staff/v1/dossiers?procedure=" + Encode(std::string("1.001193\0x", 10)), clerk), 400, "procedure",
                 "Unknown procedure");
    CheckProblem(Get("/staff/v1/dossiers?agency=" + Encode(std::string("000.31.21.H41\0x", 15)), clerk), 400, "agency",
                 "Unknown agency");
    // Bytes that are not UTF-8 are no code either: not found, as on the person's page, without asking the database.
    const std::string bytes = Encode("H41\xff\xfe");
    CheckProblem(Get("/public/v1/dossiers/" + bytes), 404, "", "Dossier not found");
    CheckProblem(Get("/citizen/v1/procedures/" + bytes), 404, "", "Procedure not found");
    const HttpReply bytesPage = Get("/tra-cuu/" + bytes);
    BOOST_TEST(bytesPage.status == 404);
    BOOST_TEST(bytesPage.contentType.find("text/html") == 0, bytesPage.contentType);
    CheckProblem(Get("/staff/v1/dossiers?procedure=" + bytes, clerk), 400, "procedure", "Unknown procedure");
}

BOOST_AUTO_TEST_SUITE_END()
