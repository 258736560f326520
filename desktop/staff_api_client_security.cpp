// StaffApiClient, the security calls: a dossier's audit trail, the second factor's enrolment, delegation of approval
// and an administrator's acts on staff accounts.
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

std::string AdminStaffPath(std::int64_t staffId, const char* rest)
{
    return "/staff/v1/admin/staff/" + std::to_string(staffId) + rest;
}

std::string JsonText(const Poco::JSON::Object& body)
{
    std::ostringstream json;
    body.stringify(json);
    return json.str();
}

Date DateOf(const JsonReader& object, const std::string& key)
{
    return object.Word(key, [&key](const std::string& text) { return ParseDate(text, key); });
}

Delegation DelegationOf(const JsonReader& d)
{
    Delegation out;
    out.id = d.Int("id");
    out.delegatorId = d.Int("delegatorId");
    out.delegatorName = d.OptionalString("delegatorName");
    out.delegateId = d.Int("delegateId");
    out.delegateName = d.OptionalString("delegateName");
    out.from = DateOf(d, "from");
    out.to = DateOf(d, "to");
    out.note = d.OptionalString("note");
    out.createdAt = d.Time("createdAt");
    out.revokedAt = d.OptionalTime("revokedAt");
    return out;
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
    const std::string text = JsonText(body);
    CheckedAnswer(m_http.Post(StaffPath(staffId, "/totp/confirm"), &text));
}

std::vector<Delegation> StaffApiClient::Delegations()
{
    return ParseDelegations(CheckedAnswer(m_http.Get("/staff/v1/delegations")).body);
}

Delegation StaffApiClient::Delegate(const NewDelegation& delegation)
{
    Poco::JSON::Object body;
    body.set("delegateId", delegation.delegateId);
    body.set("from", FormatDate(delegation.from));
    body.set("to", FormatDate(delegation.to));
    if (!delegation.note.empty())
        body.set("note", delegation.note);
    const std::string text = JsonText(body);
    return DelegationOf(JsonReader::Parse(CheckedAnswer(m_http.Post("/staff/v1/delegations", &text)).body));
}

void StaffApiClient::RevokeDelegation(std::int64_t id)
{
    CheckedAnswer(m_http.Delete("/staff/v1/delegations/" + std::to_string(id)));
}

void StaffApiClient::UnlockStaff(std::int64_t staffId)
{
    CheckedAnswer(m_http.Post(AdminStaffPath(staffId, "/unlock"), nullptr));
}

long long StaffApiClient::RevokeStaffSessions(std::int64_t staffId)
{
    return JsonReader::Parse(CheckedAnswer(m_http.Post(AdminStaffPath(staffId, "/sessions/revoke"), nullptr)).body)
        .Int("revoked");
}

void StaffApiClient::RemoveStaffTotp(std::int64_t staffId)
{
    CheckedAnswer(m_http.Delete(AdminStaffPath(staffId, "/totp")));
}

std::vector<Delegation> ParseDelegations(const std::string& json)
{
    std::vector<Delegation> out;
    for (const JsonReader& d : JsonReader::Parse(json).Objects("items"))
        out.push_back(DelegationOf(d));
    return out;
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
