// StaffApiClient, what staff do to a dossier: the action routes, issued forms and the directory lists.
#include <sstream>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "desktop/json_reader.h"
#include "desktop/staff_api_client.h"

namespace motcua::desktop {
std::string ActionBody(const ActionInput& input)
{
    Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
    body.set("version", input.version);
    if (!input.note.empty())
        body.set("note", input.note);
    if (!input.reason.empty())
        body.set("reason", input.reason);
    if (!input.missingDocuments.empty()) {
        Poco::JSON::Array missing;
        for (const std::string& name : input.missingDocuments)
            missing.add(name);
        body.set("missingDocuments", missing);
    }
    if (input.staffId)
        body.set("staffId", *input.staffId);
    if (!input.agencyCode.empty())
        body.set("agencyCode", input.agencyCode);
    if (input.outcome)
        body.set("outcome", std::string(ToString(*input.outcome)));
    if (input.newDueAt)
        body.set("newDueAt", FormatIso8601(*input.newDueAt));
    std::ostringstream text;
    body.stringify(text);
    return text.str();
}

DossierDetail StaffApiClient::Act(std::int64_t dossierId, const ActionInput& input)
{
    const std::string json = ActionBody(input);
    const std::string path = "/staff/v1/dossiers/" + std::to_string(dossierId) + "/" + ToString(input.action);
    return ParseDossierDetail(CheckedAnswer(m_http.Post(path, &json)).body);
}

std::vector<std::uint8_t> StaffApiClient::OutputFile(std::int64_t outputId)
{
    const HttpResponse response = CheckedAnswer(m_http.Get("/staff/v1/outputs/" + std::to_string(outputId)));
    if (response.contentType.rfind("application/pdf", 0) != 0)
        ThrowBadResponse("(output)", "content type '" + response.contentType + "', expected application/pdf");
    return std::vector<std::uint8_t>(response.body.begin(), response.body.end());
}

SignedOutput StaffApiClient::PutSignedOutput(std::int64_t outputId, const std::vector<std::uint8_t>& pdf)
{
    const std::string body(pdf.begin(), pdf.end());
    const JsonReader root = JsonReader::Parse(
        CheckedAnswer(m_http.Put("/staff/v1/outputs/" + std::to_string(outputId), body, "application/pdf")).body);
    return SignedOutput{root.Int("id"), root.String("kind"), root.String("sha256"), root.String("signer")};
}

std::vector<AgencyRef> StaffApiClient::Agencies()
{
    std::vector<AgencyRef> out;
    const JsonReader root = JsonReader::Parse(CheckedAnswer(m_http.Get("/staff/v1/agencies")).body);
    for (const JsonReader& a : root.Objects("items"))
        out.push_back(AgencyRef{a.Int("id"), a.String("code"), a.String("name"),
                                a.IsNull("parentId") ? std::nullopt : std::optional(a.Int("parentId"))});
    return out;
}

std::vector<StaffRef> StaffApiClient::Staff(const std::vector<Role>& roles, const std::string& agencyCode)
{
    std::string query;
    for (std::size_t i = 0; i < roles.size(); ++i)
        query += (i == 0 ? "&role=" : ",") + std::string(ToString(roles[i]));
    query += QueryParam("agency", agencyCode);
    const std::string path = "/staff/v1/staff" + (query.empty() ? query : "?" + query.substr(1));
    std::vector<StaffRef> out;
    const JsonReader root = JsonReader::Parse(CheckedAnswer(m_http.Get(path)).body);
    for (const JsonReader& s : root.Objects("items"))
        out.push_back(
            StaffRef{s.Int("id"), s.String("username"), s.String("fullName"), s.Word("role", RoleFromString)});
    return out;
}

}  // namespace motcua::desktop
