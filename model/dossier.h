// A dossier (hồ sơ): the applicant, what was asked, its documents, and where it stands in the national status scheme.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/enum_names.h"
#include "model/error.h"
#include "model/procedure.h"
#include "model/time.h"

namespace motcua {

// Status codes synchronised with the national public-service portal (one-stop-rules.md).
enum class NationalStatus {
    New = 1,                  // Mới đăng ký
    Received = 2,             // Được tiếp nhận
    RefusedAtIntake = 3,      // Không được tiếp nhận
    Processing = 4,           // Đang xử lý
    SupplementRequested = 5,  // Yêu cầu bổ sung giấy tờ
    FeesDue = 6,              // Yêu cầu thực hiện nghĩa vụ tài chính
    WithdrawalRequested = 7,  // Công dân yêu cầu rút hồ sơ
    Stopped = 8,              // Dừng xử lý
    ResultReady = 9,          // Đã xử lý xong
    Returned = 10             // Đã trả kết quả
};
// The key, the portal's Vietnamese name and the English msgid shown on screens.
// clang-format off
inline constexpr EnumName<NationalStatus> kNationalStatusNames[] = {
    {NationalStatus::New, "new", "Mới đăng ký", N_("Newly submitted")},
    {NationalStatus::Received, "received", "Được tiếp nhận", N_("Received")},
    {NationalStatus::RefusedAtIntake, "refused_at_intake", "Không được tiếp nhận", N_("Refused at intake")},
    {NationalStatus::Processing, "processing", "Đang xử lý", N_("Being processed")},
    {NationalStatus::SupplementRequested, "supplement_requested", "Yêu cầu bổ sung giấy tờ", N_("Supplement requested")},
    {NationalStatus::FeesDue, "fees_due", "Yêu cầu thực hiện nghĩa vụ tài chính", N_("Fees due")},
    {NationalStatus::WithdrawalRequested, "withdrawal_requested", "Công dân yêu cầu rút hồ sơ", N_("Withdrawal requested")},
    {NationalStatus::Stopped, "stopped", "Dừng xử lý", N_("Processing stopped")},
    {NationalStatus::ResultReady, "result_ready", "Đã xử lý xong", N_("Result ready")},
    {NationalStatus::Returned, "returned", "Đã trả kết quả", N_("Result returned")},
};
// clang-format on
const char* VietnameseName(NationalStatus status) noexcept;  // the portal's name, e.g. "Mới đăng ký"
const char* EnglishName(NationalStatus status) noexcept;     // a gettext msgid for screens, e.g. "Newly submitted"
const char* ToString(NationalStatus status) noexcept;        // snake_case key, e.g. "new", "supplement_requested"
NationalStatus NationalStatusFromInt(int code);              // throws BadInput outside 1..10
bool IsOpen(NationalStatus status) noexcept;                 // still in some work queue (not 3, 8, 10)

// Internal refinements under a national status; None where the national status says it all.
enum class SubState {
    None = 0,
    AwaitingIntakeCheck = 1,        // online dossier waiting for the desk (under New)
    AwaitingAssignment = 2,         // accepted, not yet assigned to a handler (under Received)
    Appraising = 3,                 // under Processing
    AwaitingSignature = 4,          // chờ ký duyệt
    AwaitingOtherAgency = 5,        // chờ thực hiện liên thông
    SupplementedAwaitingCheck = 6,  // đã bổ sung – chờ tiếp nhận
    // Under SupplementRequested: which supplement it is decides where the supplied dossier goes back to.
    SupplementAtIntake = 7,       // asked by the desk (once only, Decree 118 art. 17.2.a) → back to the desk
    SupplementAfterAppraisal = 8  // asked by the handler (art. 19.5) → back to appraisal, processing time restarts
};
// clang-format off
inline constexpr EnumName<SubState> kSubStateNames[] = {
    {SubState::None, "none"},
    {SubState::AwaitingIntakeCheck, "awaiting_intake_check"},
    {SubState::AwaitingAssignment, "awaiting_assignment"},
    {SubState::Appraising, "appraising"},
    {SubState::AwaitingSignature, "awaiting_signature"},
    {SubState::AwaitingOtherAgency, "awaiting_other_agency"},
    {SubState::SupplementedAwaitingCheck, "supplemented_awaiting_check"},
    {SubState::SupplementAtIntake, "supplement_at_intake"},
    {SubState::SupplementAfterAppraisal, "supplement_after_appraisal"},
};
// clang-format on
const char* ToString(SubState s) noexcept;  // snake_case
SubState SubStateFromString(const std::string& text);

// Channels as the national portal numbers them.
enum class Channel { InPerson = 1, Online = 2, Post = 3 };
// clang-format off
inline constexpr EnumName<Channel> kChannelNames[] = {
    {Channel::InPerson, "in_person"},
    {Channel::Online, "online"},
    {Channel::Post, "post"},
};
// clang-format on
const char* ToString(Channel c) noexcept;  // "in_person", "online", "post"
Channel ChannelFromString(const std::string& text, const std::string& field);

// What the handler proposed and the signer approved; a refusal after appraisal is a result too (art. 19.3).
enum class Outcome { None = 0, Grant = 1, Refuse = 2 };
// clang-format off
inline constexpr EnumName<Outcome> kOutcomeNames[] = {
    {Outcome::None, "none"},
    {Outcome::Grant, "grant"},
    {Outcome::Refuse, "refuse"},
};
// clang-format on
const char* ToString(Outcome o) noexcept;  // "none", "grant", "refuse"
Outcome OutcomeFromString(const std::string& text, const std::string& field);
// A proposal's history note as the control sheet (form 06) prints it: "Đề xuất giải quyết" or "Đề xuất từ chối", then
// ": " and the handler's note when there is one.
std::string ProposalNote(Outcome outcome, const std::string& note);
// A supplement request's history note: "Thiếu: " and every missing document, "; "-separated, then ". " and the note
// when there is one.
std::string SupplementRequestNote(const std::vector<std::string>& missing, const std::string& note);

// Documents the system issues for a dossier, numbered as the one-stop forms are (01 receipt … 06 control sheet).
enum class OutputKind {
    Receipt = 1,
    SupplementRequest = 2,
    Refusal = 3,
    Apology = 4,
    StopNotice = 5,
    ControlSheet = 6,
    Result = 7  // the result document issued from the procedure's template (not a one-stop form)
};
// clang-format off
inline constexpr EnumName<OutputKind> kOutputKindNames[] = {
    {OutputKind::Receipt, "receipt"},
    {OutputKind::SupplementRequest, "supplement_request"},
    {OutputKind::Refusal, "refusal"},
    {OutputKind::Apology, "apology"},
    {OutputKind::StopNotice, "stop_notice"},
    {OutputKind::ControlSheet, "control_sheet"},
    {OutputKind::Result, "result"},
};
// clang-format on
const char* ToString(OutputKind k) noexcept;  // "receipt", "supplement_request", …
std::string FormNumber(OutputKind k);         // the one-stop form's number: "01" … "06"; "" for a result

struct Applicant {
    std::string fullName;
    std::string citizenId;  // 12 digits (CCCD)
    Date dateOfBirth{};
    std::string address;
    std::string phone;
    std::string email;  // optional
};

struct SubmittedDocument {
    std::string name;
    DocumentForm form = DocumentForm::Copy;
    int count = 1;
};
// A supplement's history note: "Bổ sung: " and every supplied document, "; "-separated, then ". " and the note when
// there is one; only the note when nothing is listed (papers brought to the desk).
std::string SupplementNote(const std::vector<SubmittedDocument>& supplied, const std::string& note);

// A span during which the clock does not run (supplement requested, fees due); open while `end` is empty.
struct PauseInterval {
    Instant start{};
    std::optional<Instant> end;
    std::string reason;
};

struct Dossier {
    std::int64_t id = 0;
    std::string code;                    // mã hồ sơ, for life
    std::int64_t receivingAgencyId = 0;  // where it was taken in (its code is in `code`)
    std::int64_t handlingAgencyId = 0;   // who currently holds it
    std::int64_t procedureId = 0;
    Channel channel = Channel::Online;
    Applicant applicant;
    std::string formDataJson = "{}";  // the procedure's form, stored in its own table
    std::vector<SubmittedDocument> documents;
    NationalStatus status = NationalStatus::New;
    SubState subState = SubState::None;
    Instant submittedAt{};
    std::optional<Instant> receivedAt;  // validly received (accepted at intake)
    std::optional<Instant> dueAt;       // appointment for the result
    std::vector<PauseInterval> pauses;
    std::optional<std::int64_t> assignedStaffId;
    int version = 1;  // optimistic concurrency: every change increments it
    // Deadlines of stages, each stored when its stage starts: the desk's answer to an online submission (8 working
    // hours, art. 17.2), the desk's hand-over after receipt (same day, or next morning after 15:00, art. 18.2).
    std::optional<Instant> intakeDueAt;
    std::optional<Instant> forwardDueAt;
    // Where the processing time is counted from: receipt, or the supplement after appraisal that restarts it.
    std::optional<Instant> clockStartedAt;
    std::optional<Instant> originalDueAt;  // set by the one reschedule; the KPIs judge against it
    int supplementRequestsAfterAppraisal = 0;
    Outcome outcome = Outcome::None;
    std::string outcomeNote;  // the reasons of a refusal after appraisal
    // The entry in the receiving agency's register (form 07) for the year of receipt; set at acceptance.
    std::optional<int> registerYear;
    std::optional<int> registerNumber;
    // The citizen-app client (api_client) whose service filed it online; empty for paper intake.
    std::optional<std::int64_t> clientId;
};

// Input validation for a new dossier before any I/O; throws Error(BadInput) naming the first bad field
// (e.g. "applicant.citizenId"). `today` is used for date-of-birth plausibility.
// Fields are checked in this order: applicant.fullName, applicant.citizenId (layout), applicant.dateOfBirth,
// applicant.citizenId (against the date of birth), applicant.address, applicant.phone, applicant.email,
// documents, documents[i].name/.form/.count, formData.
void ValidateNewDossier(const Dossier& dossier, Date today);

// The single checks ValidateNewDossier is made of, for the desk's forms (each throws BadInput naming `field`).
void ValidateFullName(const std::string& fullName, const std::string& field = "applicant.fullName");
void ValidatePhone(const std::string& phone, const std::string& field = "applicant.phone");
void ValidateEmail(const std::string& email, const std::string& field = "applicant.email");  // empty is accepted
// Trims the ends and collapses runs of spaces, tabs and newlines into one space (what a name should be stored as).
std::string NormalizeSpaces(const std::string& text);

}  // namespace motcua
