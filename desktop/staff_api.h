// The staff API as the desk sees it: plain structs in the model's vocabulary (enums parsed once at the client
// boundary) and the IStaffApi interface presenters use.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/dossier.h"
#include "model/inbox.h"
#include "model/procedure.h"
#include "model/staff.h"
#include "model/time.h"
#include "model/workflow.h"

namespace motcua::desktop {

// A logged-in user: the bearer token stays inside the API client; the desk keeps who it is and until when.
struct Session {
    StaffMember staff;
    Instant expiresAt{};
};

struct InboxPage {
    std::vector<InboxRow> items;
    std::optional<std::string> next;  // opaque keyset cursor; empty on the last page
};

struct AgencyRef {
    std::int64_t id = 0;
    std::string code;
    std::string name;
};

struct ProcedureInfo {
    std::int64_t id = 0;
    std::string code;
    std::string name;
    int processingTime = 0;
    DurationUnit processingUnit = DurationUnit::WorkingDays;
    std::int64_t feeVnd = 0;
};

struct ApplicantInfo {
    std::string fullName;
    std::string citizenId;
    std::string dateOfBirth;  // "YYYY-MM-DD" as sent
    std::string address;
    std::string phone;
    std::string email;
};

struct DocumentInfo {
    std::string name;
    DocumentForm form = DocumentForm::Original;
    int count = 1;
};

struct HistoryEntry {
    Instant at{};
    Action action = Action::Submit;
    std::optional<Role> role;  // empty when the server did not say
    std::optional<std::string> staffName;
    std::optional<NationalStatus> fromStatus;  // empty for the submission itself
    NationalStatus toStatus = NationalStatus::New;
    std::string note;
};

// A form the server issued for a dossier (receipt, supplement request, refusal, …), kept as a PDF.
struct OutputRef {
    std::int64_t id = 0;
    std::string kind;  // "receipt", "supplement_request", … (words of a newer server are kept as they are)
    std::string form;  // the one-stop form's number, "01" … "06"
    Instant createdAt{};
};

// GET /staff/v1/dossiers/{id}: the inbox fields plus everything the detail pane shows.
struct DossierDetail {
    InboxRow summary;
    std::optional<Channel> channel;  // empty when the server did not say
    ProcedureInfo procedure;
    ApplicantInfo applicant;
    std::string formDataJson = "{}";
    std::vector<DocumentInfo> documents;
    AgencyRef receivingAgency;
    AgencyRef handlingAgency;
    std::vector<HistoryEntry> history;
    bool hasReceipt = false;
    std::vector<OutputRef> outputs;  // oldest first
    std::optional<std::int64_t> assignedStaffId;
    // What the server says the caller may do now; the desk offers exactly these (words it does not know, from a
    // newer server, are left out).
    std::vector<Action> allowedActions;
};

// What presenters need from the server. StaffApiClient talks HTTP; tests use a fake. Every call throws ApiError
// (a motcua::Error) on a problem answer and Error(Environment) when the server cannot be reached.
class IStaffApi {
public:
    virtual ~IStaffApi() = default;
    // Throws Error(BadInput, field "server") for an address the client cannot use.
    virtual void SetServerUrl(const std::string& url) = 0;
    virtual std::string ServerUrl() const = 0;
    // Keeps the token for the calls that follow.
    virtual Session Login(const std::string& username, const std::string& password) = 0;
    virtual void Logout() = 0;
    virtual InboxPage Inbox(int limit, const std::optional<std::string>& after) = 0;
    virtual DossierDetail Dossier(std::int64_t id) = 0;
    virtual DossierDetail Accept(std::int64_t id, int version) = 0;
    virtual std::vector<std::uint8_t> Receipt(std::int64_t id) = 0;
};

}  // namespace motcua::desktop
