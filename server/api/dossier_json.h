// The JSON documents the APIs answer with (inbox item, dossier detail, citizen status), built in one place so
// the citizen API, the staff API and the OpenAPI documents agree.
#pragma once

#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "model/agency.h"
#include "model/attachment.h"
#include "model/dossier.h"
#include "model/postgres/store.h"
#include "model/procedure.h"
#include "model/workflow.h"

namespace motcua::server {

class DossierJson {
public:
    static Poco::JSON::Object::Ptr InboxItem(const InboxRow& row);
    // Everything the detail document is made of.
    struct DetailParts {
        Dossier dossier;
        Procedure procedure;
        std::vector<Agency> agencies;
        std::vector<pg::HistoryRow> history;
        std::vector<pg::OutputInfo> outputs;
        std::vector<pg::Consultation> consultations;
        std::vector<Action> allowedActions;  // what the caller's role may do now (the table's view)
        Instant now{};                       // for the derived flags (overdue, intake late)
        std::vector<AttachmentInfo> attachments;
    };
    static Poco::JSON::Object::Ptr Detail(const DetailParts& parts);
    static Poco::JSON::Object::Ptr OutputItem(const pg::OutputInfo& output);
    static Poco::JSON::Object::Ptr AttachmentItem(const AttachmentInfo& attachment);
    // An open question to the caller's agency, as GET /staff/v1/consultations lists it.
    static Poco::JSON::Object::Ptr ConsultationItem(const Dossier& dossier, const Procedure& procedure,
                                                    const std::vector<Agency>& agencies, const pg::Consultation& c);
    static Poco::JSON::Object::Ptr CitizenStatus(const Dossier& dossier);
    static std::string ToString(const Poco::JSON::Object::Ptr& object);
};

}  // namespace motcua::server
