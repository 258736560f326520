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

// A logged-in user: the bearer token stays inside the API client (EventsTarget lends it to the event stream);
// the desk keeps who it is and until when.
struct Session {
    StaffMember staff;
    Instant expiresAt{};
};

// Where the live event stream connects and with which session token: the stream keeps its own long connection.
struct EventStreamTarget {
    std::string baseUrl;
    std::string token;
    std::string caFile{};  // as the desk's other connections verify the server (ServerEndpoint)
};

struct InboxPage {
    std::vector<InboxRow> items;
    std::optional<std::string> next;  // opaque keyset cursor; empty on the last page
};

// A row of a work queue or of search results: the inbox fields (the handler, `row.assignedTo`, among them) plus the
// flags the server derives for a list item when it answers.
struct DossierListItem {
    InboxRow row;
    // The server's word on "due within 2 working days" (the desk does not restate the working-day rules); empty
    // when it did not say. Items of the `due_soon` queue are due soon whatever the item says.
    std::optional<bool> dueSoon;
    // The server's word on overdue by its clock; empty when it did not say (the desk's clock decides alone).
    std::optional<bool> overdue;
};

// A page of a queue or of search results (keyset paging).
struct DossierPage {
    std::vector<DossierListItem> items;
    std::optional<std::string> next;      // opaque keyset cursor; empty on the last page
    std::optional<std::int64_t> total{};  // every item of the list, when the server says (a KPI's dossiers)
};

// One entry of GET /staff/v1/queues, in the server's order.
struct QueueCount {
    std::string name;  // "mine", "intake", … as the contract names them
    std::int64_t count = 0;
    std::int64_t overdue = 0;
    bool countCapped = false;  // `count` is the cap: there are more
};

enum class ListSort { Due, Received, Code };

// How a queue page is asked for: `after` is the cursor of the page before, in the same sort and order.
struct QueuePageRequest {
    std::string queue;
    ListSort sort = ListSort::Due;
    bool descending = false;
    int limit = 50;
    std::optional<std::string> after;
};

// GET /staff/v1/dossiers: the search box and its filters; empty members are not sent.
struct SearchQuery {
    std::string text;  // code, citizen ID, phone or words of the name
    std::optional<NationalStatus> status;
    std::string procedureCode;
    std::string agencyCode;
    std::string fromDate;  // "YYYY-MM-DD"
    std::string toDate;    // "YYYY-MM-DD"
    bool operator==(const SearchQuery&) const = default;
};

struct AgencyRef {
    std::int64_t id = 0;
    std::string code;
    std::string name;
    std::optional<std::int64_t> parentId{};  // the agency above it, when the server said (GET /staff/v1/agencies)
};

// What GET /staff/v1/kpis is asked: local days, both included, and an agency code ("": the caller's own).
struct KpiQuery {
    std::string from;  // "YYYY-MM-DD"
    std::string to;
    std::string agencyCode;
    bool operator==(const KpiQuery&) const = default;
};

// The dossiers behind one count of a KPI report (GET /staff/v1/kpis/dossiers): the count by its name in the report
// ("pendingOverdue", …), for the report's days and agency, and one procedure's share when a code is given.
struct KpiDrill {
    KpiQuery query;
    std::string figure;
    std::string procedureCode{};
    bool operator==(const KpiDrill&) const = default;
};

struct DocumentInfo {
    std::string name;
    DocumentForm form = DocumentForm::Original;
    int count = 1;
};

struct ProcedureInfo {
    std::int64_t id = 0;
    std::string code;
    std::string name;
    int processingTime = 0;
    DurationUnit processingUnit = DurationUnit::WorkingDays;
    std::int64_t feeVnd = 0;
    std::vector<DocumentInfo> requiredDocuments;  // empty from a server that does not send them
};

struct ApplicantInfo {
    std::string fullName;
    std::string citizenId;
    std::string dateOfBirth;  // "YYYY-MM-DD" as sent
    std::string address;
    std::string phone;
    std::string email;
};

struct HistoryEntry {
    Instant at{};
    Action action = Action::Submit;
    std::optional<Role> role;  // empty when the server did not say
    std::optional<std::string> staffName;
    std::string onBehalfOf;                    // the manager, for a decision under a delegation; "" otherwise
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
    // PEM roots https:// servers are verified against instead of the system's store (empty: the system's), for the
    // addresses set from now on.
    virtual void SetCaFile(const std::string& caFile) = 0;
    // Keeps the token for the calls that follow. `otp`: the 6-digit code of an account with a second factor, empty
    // when none was asked for (the server then answers ApiError with Code() "otp_required" if it wants one).
    virtual Session Login(const std::string& username, const std::string& password, const std::string& otp) = 0;
    Session Login(const std::string& username, const std::string& password) { return Login(username, password, {}); }
    virtual void Logout() = 0;
    virtual InboxPage Inbox(int limit, const std::optional<std::string>& after) = 0;
    virtual DossierDetail Dossier(std::int64_t id) = 0;
    virtual DossierDetail Accept(std::int64_t id, int version) = 0;
    virtual std::vector<std::uint8_t> Receipt(std::int64_t id) = 0;
    // GET /staff/v1/outputs/{id}: any issued form or result, as stored.
    virtual std::vector<std::uint8_t> OutputFile(std::int64_t outputId) = 0;
    // The work queues and their counts; throws ApiError(NotFound) from a server without queues.
    virtual std::vector<QueueCount> Queues() = 0;
    virtual DossierPage QueuePage(const QueuePageRequest& request) = 0;
    virtual DossierPage Search(const SearchQuery& query, int limit, const std::optional<std::string>& after) = 0;
    virtual DossierPage KpiDossiers(const KpiDrill& drill, int limit, const std::optional<std::string>& after) = 0;
    // The address and token for GET /staff/v1/events; safe to call from any thread.
    virtual EventStreamTarget EventsTarget() const = 0;
};

}  // namespace motcua::desktop
