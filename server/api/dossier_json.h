// The JSON documents the APIs answer with (inbox item, dossier detail, citizen status), built in one place so
// the citizen API, the staff API and the OpenAPI documents agree.
#pragma once

#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "model/agency.h"
#include "model/dossier.h"
#include "model/postgres/store.h"
#include "model/procedure.h"

namespace motcua::server {

class DossierJson {
public:
    static Poco::JSON::Object::Ptr InboxItem(const InboxRow& row);
    static Poco::JSON::Object::Ptr Detail(const Dossier& dossier, const Procedure& procedure,
                                          const std::vector<Agency>& agencies,
                                          const std::vector<pg::HistoryRow>& history, bool hasReceipt);
    static Poco::JSON::Object::Ptr CitizenStatus(const Dossier& dossier);
    static std::string ToString(const Poco::JSON::Object::Ptr& object);
};

}  // namespace motcua::server
