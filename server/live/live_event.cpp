#include "server/live/live_event.h"

#include <algorithm>
#include <sstream>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "model/time.h"
#include "model/workflow.h"

namespace motcua::server {

LiveEvent ToLiveEvent(const pg::ChangeEvent& change)
{
    Poco::JSON::Array::Ptr agencies = new Poco::JSON::Array;
    for (const std::string& code : change.agencyCodes)
        agencies->add(code);
    Poco::JSON::Object data(Poco::JSON_PRESERVE_KEY_ORDER);
    data.set("eventId", change.id);
    data.set("dossierId", change.dossierId);
    data.set("code", change.code);
    data.set("version", change.version);
    data.set("what", std::string(change.action ? ToString(*change.action) : "change"));
    data.set("status", static_cast<int>(change.status));
    data.set("agencies", agencies);
    data.set("at", FormatIso8601(change.at));
    std::ostringstream frame;
    frame << "id: " << change.id << "\nevent: dossier\ndata: ";
    data.stringify(frame);
    frame << "\n\n";
    return LiveEvent{change.id, change.agencyIds, std::make_shared<const std::string>(frame.str())};
}

LiveScope LiveScope::Of(const StaffMember& staff)
{
    LiveScope scope;
    scope.m_agencyIds.push_back(staff.agencyId);
    return scope;
}

bool LiveScope::Covers(const LiveEvent& event) const
{
    return std::any_of(event.agencyIds.begin(), event.agencyIds.end(), [this](std::int64_t id) {
        return std::find(m_agencyIds.begin(), m_agencyIds.end(), id) != m_agencyIds.end();
    });
}

}  // namespace motcua::server
