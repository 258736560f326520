// Drives dossiers along the workflow through the staff API, as scripts of other systems would: one call per step.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "tests/server/api_fixture.h"

namespace motcua::test {

// The fixture catalogue's agencies the roads go through: the ward where the staff work, the department it forwards to.
inline constexpr const char* kCommune = "000.31.21.H41";
inline constexpr const char* kDepartment = "000.00.12.H41";

class WorkflowDriver {
public:
    explicit WorkflowDriver(ApiFixture& api) : m_api(api) {}

    // The session token of `username` (signed in once).
    const std::string& Token(const std::string& username);
    // Signs everyone in at once, so that later row counts do not see new sessions.
    void SignInAll(const std::vector<std::string>& usernames);
    // The dossier's current version, read from the database (the caller may no longer see the dossier).
    int Version(std::int64_t id) const;
    // The body member `"name":"value"` for Act's `fields`, e.g. To("agencyCode", kDepartment).
    static std::string To(const std::string& name, const std::string& value)
    {
        return R"(")" + name + R"(":")" + value + R"(")";
    }

    // POST /staff/v1/dossiers/{id}/{action} as `username` with the current version and `fields` ("" or
    // "\"reason\":\"…\"", JSON members without braces); signs in again when the session has expired.
    HttpReply Act(std::int64_t id, const std::string& action, const std::string& username,
                  const std::string& fields = {});
    // As Act, and requires 200.
    HttpReply Do(std::int64_t id, const std::string& action, const std::string& username,
                 const std::string& fields = {});
    // "status/sub_state" in the database, e.g. "4/3".
    std::string State(std::int64_t id) const;
    // The history's action names in order.
    std::vector<std::string> Actions(std::int64_t id) const;
    // The output kinds stored for the dossier, in order ("receipt", "refusal", …), as listed by the API.
    std::vector<std::string> OutputKinds(std::int64_t id, const std::string& username);
    // The bytes of the latest output of `kind`, through GET /staff/v1/outputs/{id}.
    std::string OutputBytes(std::int64_t id, const std::string& kind, const std::string& username);
    // The text of the latest output of `kind`, through GET /staff/v1/outputs/{id} and pdftotext (whitespace removed).
    std::string OutputText(std::int64_t id, const std::string& kind, const std::string& username);

    // GET as `username`, signing in again when the session has expired.
    HttpReply Get(const std::string& path, const std::string& username);

private:
    HttpReply Signed(const std::string& username, const std::function<HttpReply(const std::string&)>& call);

    ApiFixture& m_api;
    std::map<std::string, std::string> m_tokens;
};

}  // namespace motcua::test
