// The documents the APIs answer with (inbox item, dossier detail, citizen status, catalogue, issued forms), built in
// one place so the citizen API, the staff API and the OpenAPI documents agree.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "model/agency.h"
#include "model/attachment.h"
#include "model/citizen_rating.h"
#include "model/dossier.h"
#include "model/postgres/store.h"
#include "model/procedure.h"
#include "model/work_queue.h"
#include "model/workflow.h"
#include "server/http/http_response.h"

namespace motcua::server {

class DossierJson {
public:
    // A listed dossier (inbox, queue page, search), with its flags as of `viewer.now`: overdue, and due soon before
    // `viewer.dueSoonUntil` (the server's working calendar, which the desk does not restate).
    static Poco::JSON::Object::Ptr InboxItem(const InboxRow& row, const QueueViewer& viewer);
    // A page of a list: {"items": [InboxItem…], "next": cursor or null}, and "total" (every item of the list, all
    // pages) when given.
    static HttpResponse ListPage(const std::vector<InboxRow>& rows, const QueueViewer& viewer,
                                 const std::optional<std::string>& next,
                                 std::optional<std::int64_t> total = std::nullopt);
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
    // The citizen's view of their dossier: the summary, the public history, what is missing, what they may do now.
    struct CitizenParts {
        Dossier dossier;
        Procedure procedure;
        std::vector<Agency> agencies;
        std::vector<pg::HistoryRow> history;
        bool hasReceipt = false;
        bool hasResult = false;
        std::optional<CitizenRating> rating;
        std::vector<std::string> actions;  // the citizen's routes open now: "supplement", "withdraw", "rating"
    };
    static Poco::JSON::Object::Ptr CitizenStatus(const CitizenParts& parts);
    // What anyone holding the code may read: no personal data (no applicant, no documents, no notes).
    static Poco::JSON::Object::Ptr PublicStatus(const Dossier& dossier, const Procedure& procedure,
                                                const std::vector<Agency>& agencies);
    // A procedure of the catalogue as the citizen app shows it.
    static Poco::JSON::Object::Ptr ProcedureItem(const Procedure& procedure);
    static Poco::JSON::Object::Ptr RatingObject(const std::string& dossierCode, const CitizenRating& rating);
    static std::string ToString(const Poco::JSON::Object::Ptr& object);
    // An issued form as downloaded, inline, named "<code>-<form number><suffix>.pdf" (the staff's by-id route adds
    // "-<output id>" as the suffix).
    static HttpResponse Download(const std::string& dossierCode, const pg::StoredOutput& output,
                                 const std::string& suffix = {});
};

}  // namespace motcua::server
