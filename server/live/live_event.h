// One change as the staff's event streams send it (encoded once for every stream), and the scope that decides which
// streams see it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "model/postgres/store.h"
#include "model/staff.h"

namespace motcua::server {

struct LiveEvent {
    std::int64_t id = 0;
    std::vector<std::int64_t> agencyIds;       // whose scope the change touches
    std::shared_ptr<const std::string> frame;  // "id: …\nevent: dossier\ndata: {…}\n\n"
};

// The server-sent event of a change: `data` is {"eventId","dossierId","code","version","what","status","agencies",
// "at"}, `what` the action's name as in kActionNames ("change" when the change wrote no history).
LiveEvent ToLiveEvent(const pg::ChangeEvent& change);

// Which changes a stream is told of. For now the caller's agency (as handling or receiving agency, before or after
// the change); issue 8 widens it here, and only here.
class LiveScope {
public:
    static LiveScope Of(const StaffMember& staff);
    bool Covers(const LiveEvent& event) const;

private:
    std::vector<std::int64_t> m_agencyIds;
};

}  // namespace motcua::server
