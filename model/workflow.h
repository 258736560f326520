// The dossier workflow as an explicit transition table: (status, action, role) → next status, with a history event.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/dossier.h"
#include "model/enum_names.h"

namespace motcua {

enum class Role { Clerk = 1, Handler = 2, Manager = 3, Signer = 4, Admin = 5, Citizen = 6, System = 7, Auditor = 8 };
// clang-format off
inline constexpr EnumName<Role> kRoleNames[] = {
    {Role::Clerk, "clerk"},
    {Role::Handler, "handler"},
    {Role::Manager, "manager"},
    {Role::Signer, "signer"},
    {Role::Admin, "admin"},
    {Role::Citizen, "citizen"},
    {Role::System, "system"},  // the server's own scheduled jobs
    {Role::Auditor, "auditor"},  // reads dossiers and their audit trail, acts on none
};
// clang-format on
const char* ToString(Role role) noexcept;  // "clerk", "handler", …
Role RoleFromString(const std::string& text);

enum class Action {
    Submit = 1,         // citizen app or desk creates the dossier
    Accept,             // intake: complete → receipt (form 01)
    RequestSupplement,  // intake or appraisal: form 02
    Refuse,             // intake: form 03
    Supplement,         // citizen supplies the missing documents
    Assign,             // to a handler
    ProposeResult,
    Approve,
    ReturnResult,
    Stop,
    Withdraw,         // citizen asks to withdraw; the clerk confirms it (→ Stopped)
    RequestFees,      // handler: fees or taxes are due before the result (status 6, clock paused)
    PayFees,          // citizen (online) or clerk (at the desk) records the payment; back to appraisal
    Claim,            // a handler takes an unassigned dossier
    Forward,          // hand the dossier to another competent agency (liên thông)
    ReturnForRework,  // signer or manager sends the proposal back to the handler
    Reschedule,       // apology and new appointment (form 04), once per dossier
    CloseUnsupplied,  // the server closes a dossier whose supplement did not come within 15 days
    // Liên thông in parallel: the lead agency keeps the dossier and asks another agency for its part (the API's
    // `forward` with mode "parallel"); that agency answers, and the lead proposes once every answer is in.
    Consult,
    AnswerConsultation
};
// clang-format off
inline constexpr EnumName<Action> kActionNames[] = {
    {Action::Submit, "submit"},
    {Action::Accept, "accept"},
    {Action::RequestSupplement, "request_supplement"},
    {Action::Refuse, "refuse"},
    {Action::Supplement, "supplement"},
    {Action::Assign, "assign"},
    {Action::ProposeResult, "propose_result"},
    {Action::Approve, "approve"},
    {Action::ReturnResult, "return_result"},
    {Action::Stop, "stop"},
    {Action::Withdraw, "withdraw"},
    {Action::RequestFees, "request_fees"},
    {Action::PayFees, "pay_fees"},
    {Action::Claim, "claim"},
    {Action::Forward, "forward"},
    {Action::ReturnForRework, "return_for_rework"},
    {Action::Reschedule, "reschedule"},
    {Action::CloseUnsupplied, "close_unsupplied"},
    {Action::Consult, "consult"},
    {Action::AnswerConsultation, "answer_consultation"},
};
// clang-format on
const char* ToString(Action action) noexcept;  // snake_case
Action ActionFromString(const std::string& text);

struct WorkflowState {
    NationalStatus status = NationalStatus::New;
    SubState subState = SubState::None;
    bool operator==(const WorkflowState&) const = default;
};

struct Transition {
    WorkflowState from;
    Action action;
    Role role;
    WorkflowState to;
    bool pausesClock = false;   // entering a pause (supplement, fees)
    bool resumesClock = false;  // leaving a pause
};

// Every row the workflow allows. Tests walk it exhaustively.
const std::vector<Transition>& TransitionTable();

// The actions `role` may take from `state` according to the table, in the table's order, each once. What the
// server checks besides (the assigned handler, the agency's settings, deadlines) may still refuse one of them.
std::vector<Action> ActionsAllowed(WorkflowState state, Role role);

// The state a dossier is in before it exists: the `from` of the Submit rows.
inline constexpr WorkflowState kBeforeSubmit{NationalStatus::New, SubState::None};

// The transition for (state, action, role), or throws Error(NotAllowed) with a reason naming state, action and role.
// The error is Error::Formatted: msgid "Action {action} is not allowed for role {role} in status {status}
// ({statusName})" (or "… ({statusName}, {subState})"), e.g. "Action accept is not allowed for role handler in status
// 1 (new, awaiting_intake_check)".
const Transition& NextState(WorkflowState state, Action action, Role role);
// Same lookup without throwing.
const Transition* FindTransition(WorkflowState state, Action action, Role role) noexcept;

// The two-person rule: whoever proposed a dossier's result may neither approve it nor sign it (`proposerId`: who
// made the latest proposal, if anyone did).
inline bool BarredAsProposer(Action action, std::int64_t staffId, std::optional<std::int64_t> proposerId) noexcept
{
    return action == Action::Approve && proposerId && *proposerId == staffId;
}

// One history row: what happened, who did it, from which state to which.
struct HistoryEvent {
    std::int64_t dossierId = 0;
    Action action = Action::Submit;
    std::optional<std::int64_t> staffId;     // empty for the citizen
    std::optional<std::int64_t> onBehalfOf;  // the delegator, when staffId acted under a delegation of approval
    Role role = Role::Citizen;
    WorkflowState from;
    WorkflowState to;
    Instant at{};
    std::string note;
    // The hand-over: which agency held the dossier before and after, who holds it after, and the deadline of the
    // stage the event closed (form 06 reads them; empty where the event is not a hand-over or nothing is known).
    std::optional<std::int64_t> fromAgencyId;
    std::optional<std::int64_t> toAgencyId;
    std::optional<std::int64_t> toStaffId;
    std::optional<Instant> stageDueAt;
};

// Throws Error(Internal) if `before` is not in t.from (the caller applied the wrong row).
HistoryEvent MakeHistoryEvent(const Dossier& before, const Transition& t, std::optional<std::int64_t> staffId,
                              Instant at, std::string note = {});

}  // namespace motcua
