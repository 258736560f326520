// Staff API, delegation of approval: a manager lends their decisions on proposed results to a colleague for a range
// of days, lists the agency's delegations, and revokes one. The rules are model/delegation.h's.
#include <limits>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "model/delegation.h"
#include "model/error.h"
#include "server/api/dossier_json.h"
#include "server/api/staff_api.h"
#include "server/http/json_input.h"

namespace motcua::server {

namespace {

constexpr std::size_t kMaxDate = 10;
constexpr std::size_t kMaxNote = 500;

[[noreturn]] void ThrowDelegationNotFound(const std::string& detail)
{
    throw Error(ErrorCategory::NotFound, N_("Delegation not found"), {}, detail);
}

Poco::JSON::Object::Ptr DelegationJson(const Delegation& d)
{
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("id", d.id);
    o->set("delegatorId", d.delegatorId);
    o->set("delegatorName", d.delegatorName);
    o->set("delegateId", d.delegateId);
    o->set("delegateName", d.delegateName);
    o->set("from", FormatDate(d.from));
    o->set("to", FormatDate(d.to));
    o->set("note", d.note);
    o->set("createdAt", FormatIso8601(d.createdAt));
    if (d.revokedAt)
        o->set("revokedAt", FormatIso8601(*d.revokedAt));
    return o;
}

}  // namespace

HttpResponse StaffApi::Delegations(const HttpRequest& request)
{
    const StaffMember staff = Authenticate(request);
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const Delegation& d : m_store.CurrentDelegations(staff.agencyId, LocalDate(m_clock.Now())))
        items->add(DelegationJson(d));
    Poco::JSON::Object::Ptr out = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    out->set("items", items);
    return HttpResponse::Json(200, DossierJson::ToString(out));
}

HttpResponse StaffApi::Delegate(const HttpRequest& request)
{
    const StaffMember staff = Authenticate(request);
    const JsonInput body = JsonInput::Parse(request.body);
    const std::int64_t delegateId = body.RequiredInt("delegateId", 1, std::numeric_limits<std::int64_t>::max());
    const Date from = ParseDate(body.RequiredString("from", kMaxDate), "from");
    const Date to = ParseDate(body.RequiredString("to", kMaxDate), "to");
    const std::string note = body.OptionalString("note", kMaxNote).value_or("");
    const std::optional<StaffMember> delegate = m_store.FindActiveStaffById(delegateId);
    if (!delegate)
        throw Error(ErrorCategory::BadInput, N_("Unknown staff member"), "delegateId");
    const Instant now = m_clock.Now();
    CheckNewDelegation(staff, *delegate, from, to, LocalDate(now));
    Delegation delegation;
    delegation.agencyId = staff.agencyId;
    delegation.delegatorId = staff.id;
    delegation.delegateId = delegate->id;
    delegation.from = from;
    delegation.to = to;
    delegation.note = note;
    delegation.createdAt = now;
    return HttpResponse::Json(201, DossierJson::ToString(DelegationJson(m_store.AddDelegation(delegation))));
}

HttpResponse StaffApi::RevokeDelegation(const HttpRequest& request)
{
    const StaffMember staff = Authenticate(request);
    std::int64_t id = 0;
    try {
        id = ParseId(request.PathParam("id"));
    } catch (const Error&) {
        ThrowDelegationNotFound(request.PathParam("id"));
    }
    // Another agency's delegation is not there at all for the caller (the database hides it too).
    const std::optional<Delegation> delegation = m_store.FindDelegation(id);
    if (!delegation || delegation->agencyId != staff.agencyId)
        ThrowDelegationNotFound(request.PathParam("id"));
    if (!MayRevoke(staff, *delegation))
        throw Error(ErrorCategory::NotAllowed,
                    N_("Only the manager who delegated, or a manager or administrator of the agency, may revoke it"));
    if (!m_store.RevokeDelegation(id, staff.id, m_clock.Now()))
        throw Error(ErrorCategory::Conflict, N_("This delegation was revoked already"));
    return HttpResponse::NoContent();
}

}  // namespace motcua::server
