// The API tests' fixture: a throwaway migrated database, the seeded test catalogue, the whole service running
// in-process on a free port with a settable clock, and a small HTTP client (Poco HTTPClientSession).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "model/postgres/store.h"
#include "server/server.h"
#include "tests/support/fixture_catalogue.h"
#include "tests/support/settable_clock.h"
#include "tests/support/test_database.h"

namespace motcua::test {

struct HttpReply {
    int status = 0;
    std::string contentType;
    std::string body;
    std::map<std::string, std::string> headers;
    Poco::JSON::Object::Ptr json;  // null unless the body is a JSON object
};

// The ids of a list's items ({"items":[{"id":…},…]}), in the order listed.
std::vector<std::int64_t> ItemIds(const HttpReply& reply);

// Rows of every table a request might write, to show that a refused request wrote nothing.
struct RowCounts {
    long long dossiers = 0, forms = 0, documents = 0, events = 0, outputs = 0, counters = 0, counterTotal = 0;
    long long sessions = 0;
    bool operator==(const RowCounts&) const = default;
};
std::ostream& operator<<(std::ostream& out, const RowCounts& c);

class ApiFixture {
public:
    // Friday 27 November 2026, 09:30 in Vietnam: a working day, before the 15:00 cutoff.
    static constexpr const char* kStart = "2026-11-27T09:30:00+07:00";
    static constexpr const char* kPublicUrl = "https://dichvucong.test";
    // The citizen-app client the fixture registers, and the key that seals its secret.
    static constexpr const char* kClient = "test-app";
    static constexpr const char* kClientSecret = "test-app-secret";
    static constexpr const char* kClientKeyHex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

    // `localeDir`: where the server finds its Vietnamese catalogue (by default the tests' own small one); `tune`
    // changes the test configuration before the server is made.
    explicit ApiFixture(const std::string& localeDir = MOTCUA_SERVER_TEST_LOCALE_DIR,
                        const std::function<void(server::ServerConfig&)>& tune = {});
    ~ApiFixture();

    // Calls on /citizen/v1/ are signed as a service call of kClient (see `signing`), other paths are not.
    HttpReply Call(const std::string& method, const std::string& path, const std::string& body = {},
                   const std::string& contentType = "application/json", const std::string& token = {});
    // How Call signs citizen requests: `citizen` goes in the citizen header; `extraHeaders` are added as they are
    // (an Idempotency-Key, or a spoiled signature header that replaces the computed one).
    struct Signing {
        bool sign = true;
        std::string client = kClient;
        std::string secret = kClientSecret;
        std::string citizen;
        std::map<std::string, std::string> extraHeaders;
    };
    Signing signing;
    // The headers Call would send to sign `method path body` now with `signing`; each call gives a signature never
    // given before (an identical request in the same second moves its timestamp back by one second).
    std::map<std::string, std::string> SignatureHeaders(const std::string& method, const std::string& path,
                                                        const std::string& body);
    HttpReply Post(const std::string& path, const std::string& body, const std::string& token = {});
    HttpReply Get(const std::string& path, const std::string& token = {});

    // Signs in and returns the token (requires 200).
    std::string Login(const std::string& username, const std::string& password = FixtureCatalogue::kPassword);
    // A valid submission body for the commune; `applicantJson` replaces the applicant object when given.
    std::string Submission(const std::string& procedureCode = "1.001193",
                           const std::string& agencyCode = "000.31.21.H41",
                           const std::string& applicantJson = {}) const;
    // Submits a valid dossier over HTTP (requires 201) and returns its id.
    std::int64_t SubmitDossier(const std::string& agencyCode = "000.31.21.H41", int serial = 1);

    // Stops the server and starts a new one over the same database and clock (e.g. to load keys registered since).
    void Restart();

    RowCounts Counts() const;
    long long Scalar(const std::string& sql) const { return db.AdminCount(sql); }
    // Connections of the application role to this database: all of them, and those waiting for a lock.
    long long AppConnections(bool waitingForLock = false) const;
    // Waits up to 10 s for `count` requests to be blocked on a lock in the database (requires it).
    void WaitForLockWaiters(long long count) const;
    // Polls `done` until it holds; after 10 s the test stops with "`what` after 10 s".
    static void WaitUntil(const std::function<bool()>& done, const std::string& what);

    // Checks the problem+json shape: status, type prefix, field, English title, and a non-empty title_vi.
    static void CheckProblem(const HttpReply& reply, int status, const std::string& field, const std::string& title);

    TestDatabase db;
    pg::Store store;
    test::SettableClock clock;
    std::unique_ptr<server::Server> server;
    FixtureCatalogue catalogue;
    std::int64_t clientId = 0;  // kClient's id

private:
    std::string m_localeDir;
    std::function<void(server::ServerConfig&)> m_tune;
    std::set<std::string> m_signatures;
};

}  // namespace motcua::test
