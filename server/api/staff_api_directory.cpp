// StaffApi, the directory the desk's action dialogs choose from: the agencies a dossier can be forwarded to and the
// staff of the caller's agency a dossier can be assigned to, or of an agency below it for those who oversee a subtree
// (an administrator's staff accounts screen).
#include <algorithm>
#include <sstream>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "model/agency.h"
#include "model/error.h"
#include "model/workflow.h"
#include "server/api/dossier_json.h"
#include "server/api/staff_api.h"
#include "server/http/http_error.h"

namespace motcua::server {

namespace {

constexpr std::size_t kMaxRoles = 8;

// "handler" or "handler,manager": the roles asked for, or every role when the parameter is absent.
std::vector<Role> RolesAskedFor(const HttpRequest& request)
{
    std::vector<Role> roles;
    if (!request.query.count("role"))
        return roles;
    std::istringstream words(request.Query("role"));
    std::string word;
    while (std::getline(words, word, ',')) {
        if (roles.size() == kMaxRoles)
            throw Error(ErrorCategory::BadInput, N_("Too many items"), "role");
        try {
            roles.push_back(RoleFromString(word));
        } catch (const Error&) {
            throw Error(ErrorCategory::BadInput, N_("Unknown role"), "role", word);
        }
    }
    if (roles.empty())
        throw Error(ErrorCategory::BadInput, N_("Unknown role"), "role");
    return roles;
}

// The agency `code` names (`agency=CODE`) whose staff are listed. A code no agency has is bad input (400); one
// outside the caller's reach (their agency, and for those who oversee a subtree, the agencies below it) is not allowed
// (403): the agencies themselves are no secret, GET /staff/v1/agencies lists them all.
std::int64_t ListedAgency(const std::string& code, const StaffMember& caller, const std::vector<Agency>& agencies)
{
    const AgencyTree tree(agencies);
    const Agency* agency = tree.FindByCode(code);
    if (!agency)
        throw HttpError(400, ErrorCategory::BadInput, N_("Unknown agency"), "agency", code);
    if (agency->id != caller.agencyId &&
        !(OverseesSubtree(caller.role) && tree.IsInSubtree(agency->id, caller.agencyId)))
        throw Error(ErrorCategory::NotAllowed, N_("You may list the staff of your agency and of those below it only"),
                    "agency", code);
    return agency->id;
}

HttpResponse ItemsResponse(const Poco::JSON::Array::Ptr& items)
{
    Poco::JSON::Object::Ptr out = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    out->set("items", items);
    return HttpResponse::Json(200, DossierJson::ToString(out));
}

}  // namespace

HttpResponse StaffApi::Agencies(const HttpRequest& request)
{
    Authenticate(request);
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const Agency& agency : m_store.LoadAgencies()) {
        Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        o->set("id", agency.id);
        o->set("code", agency.code);
        o->set("name", agency.name);
        o->set("level", std::string(ToString(agency.level)));
        o->set("parentId", agency.parentId ? Poco::Dynamic::Var(*agency.parentId) : Poco::Dynamic::Var());
        items->add(o);
    }
    return ItemsResponse(items);
}

HttpResponse StaffApi::Staff(const HttpRequest& request)
{
    const StaffMember caller = Authenticate(request);
    const std::vector<Role> roles = RolesAskedFor(request);
    const std::int64_t agencyId = request.query.count("agency")
                                      ? ListedAgency(request.Query("agency"), caller, m_store.LoadAgencies())
                                      : caller.agencyId;
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const StaffMember& member : m_store.ActiveStaffOfAgency(agencyId)) {
        if (!roles.empty() && std::find(roles.begin(), roles.end(), member.role) == roles.end())
            continue;
        Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        o->set("id", member.id);
        o->set("username", member.username);
        o->set("fullName", member.fullName);
        o->set("role", std::string(ToString(member.role)));
        items->add(o);
    }
    return ItemsResponse(items);
}

}  // namespace motcua::server
