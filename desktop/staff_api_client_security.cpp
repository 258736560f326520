// StaffApiClient, the security calls: a dossier's audit trail and the second factor's enrolment.
#include <sstream>

#include <Poco/JSON/Object.h>

#include "desktop/json_reader.h"
#include "desktop/staff_api_client.h"

namespace motcua::desktop {
namespace {

std::string StaffPath(std::int64_t staffId, const char* rest)
{
    return "/staff/v1/staff/" + std::to_string(staffId) + rest;
}

}  // namespace

AuditTrail StaffApiClient::DossierAuditTrail(std::int64_t dossierId)
{
    return ParseAuditTrail(
        CheckedAnswer(m_http.Get("/staff/v1/dossiers/" + std::to_string(dossierId) + "/audit")).body);
}

TotpEnrolment StaffApiClient::StartTotp(std::int64_t staffId)
{
    const JsonReader root = JsonReader::Parse(CheckedAnswer(m_http.Post(StaffPath(staffId, "/totp"), nullptr)).body);
    TotpEnrolment enrolment{root.String("secret"), root.String("uri")};
    if (enrolment.secret.empty())
        ThrowBadResponse("secret", "empty");
    return enrolment;
}

void StaffApiClient::ConfirmTotp(std::int64_t staffId, const std::string& code)
{
    Poco::JSON::Object body;
    body.set("otp", code);
    std::ostringstream json;
    body.stringify(json);
    const std::string text = json.str();
    CheckedAnswer(m_http.Post(StaffPath(staffId, "/totp/confirm"), &text));
}

AuditTrail ParseAuditTrail(const std::string& json)
{
    const JsonReader root = JsonReader::Parse(json);
    AuditTrail trail;
    trail.dossierId = root.Int("dossierId");
    trail.code = root.String("code");
    for (const JsonReader& e : root.Objects("entries")) {
        AuditTrailEntry entry;
        entry.at = e.Time("at");
        entry.actor = e.OptionalString("actor");
        entry.staffName = e.OptionalString("staffName");
        entry.onBehalfOf = e.OptionalString("onBehalfOf");
        entry.role = e.OptionalString("role");
        entry.agency = e.OptionalString("agency");
        entry.address = e.OptionalString("address");
        entry.action = e.String("action");
        if (!e.IsNull("documentId"))
            entry.documentId = e.Int("documentId");
        entry.detail = e.OptionalString("detail");
        trail.entries.push_back(std::move(entry));
    }
    return trail;
}

}  // namespace motcua::desktop
