#include "tests/server/workflow_driver.h"

#include <Poco/JSON/Array.h>
#include <boost/test/unit_test.hpp>

#include "tests/support/pdf_tools.h"

namespace motcua::test {

const std::string& WorkflowDriver::Token(const std::string& username)
{
    auto it = m_tokens.find(username);
    if (it == m_tokens.end())
        it = m_tokens.emplace(username, m_api.Login(username)).first;
    return it->second;
}

HttpReply WorkflowDriver::Signed(const std::string& username, const std::function<HttpReply(const std::string&)>& call)
{
    HttpReply reply = call(Token(username));
    if (reply.status == 401) {
        // The tests move the clock by days: a session of the morning has expired by then. Sign in again, once.
        m_tokens.erase(username);
        reply = call(Token(username));
    }
    return reply;
}

HttpReply WorkflowDriver::Get(const std::string& path, const std::string& username)
{
    return Signed(username, [&](const std::string& token) { return m_api.Get(path, token); });
}

void WorkflowDriver::SignInAll(const std::vector<std::string>& usernames)
{
    for (const std::string& name : usernames)
        Token(name);
}

int WorkflowDriver::Version(std::int64_t id) const
{
    return static_cast<int>(m_api.Scalar("SELECT version FROM dossier WHERE id = " + std::to_string(id)));
}

HttpReply WorkflowDriver::Act(std::int64_t id, const std::string& action, const std::string& username,
                              const std::string& fields)
{
    const std::string body = "{\"version\":" + std::to_string(Version(id)) + (fields.empty() ? "" : "," + fields) + "}";
    return Signed(username, [&](const std::string& token) {
        return m_api.Post("/staff/v1/dossiers/" + std::to_string(id) + "/" + action, body, token);
    });
}

HttpReply WorkflowDriver::Do(std::int64_t id, const std::string& action, const std::string& username,
                             const std::string& fields)
{
    HttpReply reply = Act(id, action, username, fields);
    BOOST_REQUIRE_MESSAGE(reply.status == 200, action << " by " << username << ": " << reply.body);
    return reply;
}

std::string WorkflowDriver::State(std::int64_t id) const
{
    const std::string where = " FROM dossier WHERE id = " + std::to_string(id);
    return std::to_string(m_api.Scalar("SELECT status" + where)) + "/" +
           std::to_string(m_api.Scalar("SELECT sub_state" + where));
}

std::vector<std::string> WorkflowDriver::Actions(std::int64_t id) const
{
    std::vector<std::string> names;
    const long long count = m_api.Scalar("SELECT count(*) FROM dossier_event WHERE dossier_id = " + std::to_string(id));
    for (long long i = 0; i < count; ++i) {
        const long long code =
            m_api.Scalar("SELECT action FROM dossier_event WHERE dossier_id = " + std::to_string(id) +
                         " ORDER BY at, id OFFSET " + std::to_string(i) + " LIMIT 1");
        names.emplace_back(ToString(static_cast<Action>(code)));
    }
    return names;
}

std::vector<std::string> WorkflowDriver::OutputKinds(std::int64_t id, const std::string& username)
{
    const HttpReply reply = Get("/staff/v1/dossiers/" + std::to_string(id) + "/outputs", username);
    BOOST_REQUIRE_MESSAGE(reply.status == 200, reply.body);
    std::vector<std::string> kinds;
    const Poco::JSON::Array::Ptr items = reply.json->getArray("items");
    for (std::size_t i = 0; i < items->size(); ++i)
        kinds.push_back(items->getObject(static_cast<unsigned>(i))->getValue<std::string>("kind"));
    return kinds;
}

std::string WorkflowDriver::OutputText(std::int64_t id, const std::string& kind, const std::string& username)
{
    return WithoutWhitespace(ExtractTextOfBytes(OutputBytes(id, kind, username), "-raw"));
}

std::string WorkflowDriver::OutputBytes(std::int64_t id, const std::string& kind, const std::string& username)
{
    const HttpReply list = Get("/staff/v1/dossiers/" + std::to_string(id) + "/outputs", username);
    BOOST_REQUIRE_MESSAGE(list.status == 200, list.body);
    const Poco::JSON::Array::Ptr items = list.json->getArray("items");
    std::string href;
    for (std::size_t i = 0; i < items->size(); ++i) {
        const auto item = items->getObject(static_cast<unsigned>(i));
        if (item->getValue<std::string>("kind") == kind)
            href = item->getValue<std::string>("href");
    }
    BOOST_REQUIRE_MESSAGE(!href.empty(), "no output of kind " << kind << ": " << list.body);
    const HttpReply pdf = Get(href, username);
    BOOST_REQUIRE_MESSAGE(pdf.status == 200 && pdf.contentType == "application/pdf", href << ": " << pdf.status);
    return pdf.body;
}

}  // namespace motcua::test
