#include "model/workflow.h"

#include <algorithm>

#include "model/error.h"

namespace motcua {

const char* ToString(Role role) noexcept
{
    return NameOf(kRoleNames, role, "citizen");
}

Role RoleFromString(const std::string& text)
{
    return ValueOf(kRoleNames, text, N_("Unknown role"), "role");
}

const char* ToString(Action action) noexcept
{
    return NameOf(kActionNames, action, "submit");
}

Action ActionFromString(const std::string& text)
{
    return ValueOf(kActionNames, text, N_("Unknown workflow action"), "action");
}

namespace {

using S = NationalStatus;
using U = SubState;

constexpr WorkflowState kAwaitingIntake{S::New, U::AwaitingIntakeCheck};
constexpr WorkflowState kSupplemented{S::New, U::SupplementedAwaitingCheck};
constexpr WorkflowState kAwaitingAssignment{S::Received, U::AwaitingAssignment};
// Handed to another agency (liên thông) and not yet taken up by one of its handlers.
constexpr WorkflowState kForwardedIn{S::Processing, U::AwaitingAssignment};
constexpr WorkflowState kAppraising{S::Processing, U::Appraising};
constexpr WorkflowState kAwaitingSignature{S::Processing, U::AwaitingSignature};
constexpr WorkflowState kSupplementAtIntake{S::SupplementRequested, U::SupplementAtIntake};
constexpr WorkflowState kSupplementAfterAppraisal{S::SupplementRequested, U::SupplementAfterAppraisal};
constexpr WorkflowState kFeesDue{S::FeesDue, U::None};
constexpr WorkflowState kWithdrawalRequested{S::WithdrawalRequested, U::None};
constexpr WorkflowState kStopped{S::Stopped, U::None};
constexpr WorkflowState kRefused{S::RefusedAtIntake, U::None};
constexpr WorkflowState kResultReady{S::ResultReady, U::None};
constexpr WorkflowState kReturned{S::Returned, U::None};

bool IsPaused(const WorkflowState& s) noexcept
{
    return s.status == S::SupplementRequested || s.status == S::FeesDue;
}

std::vector<Transition> BuildTable()
{
    std::vector<Transition> t;
    // The clock flags follow from the states: entering status 5 or 6 pauses it, leaving them resumes it.
    const auto row = [&t](WorkflowState from, Action action, Role role, WorkflowState to) {
        t.push_back({from, action, role, to, !IsPaused(from) && IsPaused(to), IsPaused(from) && !IsPaused(to)});
    };

    // Intake (Decree 118 art. 16-17). A complete paper dossier at the desk is Submit then Accept in one
    // transaction: two history rows, the second one producing the receipt (form 01).
    row(kBeforeSubmit, Action::Submit, Role::Citizen, kAwaitingIntake);
    row(kBeforeSubmit, Action::Submit, Role::Clerk, kAwaitingIntake);
    row(kAwaitingIntake, Action::Accept, Role::Clerk, kAwaitingAssignment);
    row(kSupplemented, Action::Accept, Role::Clerk, kAwaitingAssignment);
    // A supplement may be requested only once at intake (art. 17.2.a): not again from kSupplemented.
    row(kAwaitingIntake, Action::RequestSupplement, Role::Clerk, kSupplementAtIntake);
    row(kAwaitingIntake, Action::Refuse, Role::Clerk, kRefused);
    row(kSupplemented, Action::Refuse, Role::Clerk, kRefused);
    // The citizen supplies online, or brings the papers to the desk where the clerk records them.
    row(kSupplementAtIntake, Action::Supplement, Role::Citizen, kSupplemented);
    row(kSupplementAtIntake, Action::Supplement, Role::Clerk, kSupplemented);

    // Processing: assign or claim, appraise, forward, propose, approve and sign. A clerk assigns only where the
    // agency allows it (the server checks the agency's setting); reassignment is the manager's.
    for (const WorkflowState& from : {kAwaitingAssignment, kForwardedIn}) {
        row(from, Action::Assign, Role::Manager, kAppraising);
        row(from, Action::Assign, Role::Clerk, kAppraising);
        row(from, Action::Claim, Role::Handler, kAppraising);
    }
    row(kAppraising, Action::Assign, Role::Manager, kAppraising);  // reassignment to another handler
    // Liên thông in sequence: the dossier moves to the other agency, whose manager assigns it or whose handler
    // claims it; it comes back by another forward. The desk forwards a dossier it is not competent to decide.
    row(kAwaitingAssignment, Action::Forward, Role::Clerk, kForwardedIn);
    row(kAwaitingAssignment, Action::Forward, Role::Manager, kForwardedIn);
    row(kAppraising, Action::Forward, Role::Handler, kForwardedIn);
    row(kAppraising, Action::Forward, Role::Manager, kForwardedIn);
    // Liên thông in parallel: the state stays; the consultations are the dossier's own records, and the server keeps
    // the lead from proposing while one is open. The answering staff belong to the consulted agency.
    for (Role role : {Role::Handler, Role::Manager}) {
        row(kAppraising, Action::Consult, role, kAppraising);
        row(kAppraising, Action::AnswerConsultation, role, kAppraising);
    }
    // After appraisal (art. 19.5): back to appraisal once supplied; the server restarts the processing time.
    row(kAppraising, Action::RequestSupplement, Role::Handler, kSupplementAfterAppraisal);
    row(kSupplementAfterAppraisal, Action::Supplement, Role::Citizen, kAppraising);
    row(kSupplementAfterAppraisal, Action::Supplement, Role::Clerk, kAppraising);
    row(kAppraising, Action::RequestFees, Role::Handler, kFeesDue);
    row(kFeesDue, Action::PayFees, Role::Citizen, kAppraising);
    row(kFeesDue, Action::PayFees, Role::Clerk, kAppraising);
    // A refusal after appraisal is also a proposed result (art. 19.3): it goes through approval like any other.
    row(kAppraising, Action::ProposeResult, Role::Handler, kAwaitingSignature);
    for (Role approver : {Role::Signer, Role::Manager}) {
        row(kAwaitingSignature, Action::Approve, approver, kResultReady);
        row(kAwaitingSignature, Action::ReturnForRework, approver, kAppraising);
    }
    row(kResultReady, Action::ReturnResult, Role::Clerk, kReturned);
    // Late (art. 19.6): apology and a new appointment, at most once, while the dossier is still being processed.
    for (const WorkflowState& s : {kAwaitingAssignment, kForwardedIn, kAppraising, kAwaitingSignature}) {
        row(s, Action::Reschedule, Role::Handler, s);
        row(s, Action::Reschedule, Role::Manager, s);
    }
    // No supplement within 15 days of the notice (art. 19.5): the server closes the dossier. One never received
    // ends as not received; one already under appraisal stops.
    row(kSupplementAtIntake, Action::CloseUnsupplied, Role::System, kRefused);
    row(kSupplementAfterAppraisal, Action::CloseUnsupplied, Role::System, kStopped);

    // Ending without a result (art. 21): from any open state before the result is ready.
    const WorkflowState beforeResult[] = {
        kAwaitingIntake,    kSupplemented,       kAwaitingAssignment,       kForwardedIn, kAppraising,
        kAwaitingSignature, kSupplementAtIntake, kSupplementAfterAppraisal, kFeesDue};
    for (const WorkflowState& from : beforeResult) {
        row(from, Action::Stop, Role::Manager, kStopped);
        row(from, Action::Withdraw, Role::Citizen, kWithdrawalRequested);
        row(from, Action::Withdraw, Role::Clerk, kStopped);  // the citizen asks at the desk, in writing
    }
    row(kWithdrawalRequested, Action::Stop, Role::Manager, kStopped);
    row(kWithdrawalRequested, Action::Withdraw, Role::Clerk, kStopped);  // the desk confirms the withdrawal
    // Admin has no row on purpose: administrators manage accounts and settings, never dossiers.
    // System has only the closing rows: a scheduled job must not do what a person is accountable for.
    return t;
}

}  // namespace

const std::vector<Transition>& TransitionTable()
{
    static const std::vector<Transition> kTable = BuildTable();
    return kTable;
}

const Transition* FindTransition(WorkflowState state, Action action, Role role) noexcept
{
    for (const Transition& t : TransitionTable())
        if (t.from == state && t.action == action && t.role == role)
            return &t;
    return nullptr;
}

std::vector<Action> ActionsAllowed(WorkflowState state, Role role)
{
    std::vector<Action> actions;
    for (const Transition& t : TransitionTable())
        if (t.from == state && t.role == role && std::find(actions.begin(), actions.end(), t.action) == actions.end())
            actions.push_back(t.action);
    return actions;
}

const Transition& NextState(WorkflowState state, Action action, Role role)
{
    if (const Transition* t = FindTransition(state, action, role))
        return *t;
    MessageArgs args{{"action", ToString(action)},
                     {"role", ToString(role)},
                     {"status", std::to_string(static_cast<int>(state.status))},
                     {"statusName", ToString(state.status)}};
    if (state.subState == SubState::None)
        throw Error::Formatted(ErrorCategory::NotAllowed,
                               N_("Action {action} is not allowed for role {role} in status {status} ({statusName})"),
                               std::move(args));
    args.emplace_back("subState", ToString(state.subState));
    throw Error::Formatted(
        ErrorCategory::NotAllowed,
        N_("Action {action} is not allowed for role {role} in status {status} ({statusName}, {subState})"),
        std::move(args));
}

HistoryEvent MakeHistoryEvent(const Dossier& before, const Transition& t, std::optional<std::int64_t> staffId,
                              Instant at, std::string note)
{
    const WorkflowState from{before.status, before.subState};
    if (!(from == t.from))
        throw Error(ErrorCategory::Internal, N_("The workflow step does not match the dossier's state"), {},
                    std::string("dossier in ") + ToString(before.status) + "/" + ToString(before.subState) +
                        ", step from " + ToString(t.from.status) + "/" + ToString(t.from.subState));
    HistoryEvent e;
    e.dossierId = before.id;
    e.action = t.action;
    e.staffId = staffId;
    e.role = t.role;
    e.from = t.from;
    e.to = t.to;
    e.at = at;
    e.note = std::move(note);
    return e;
}

}  // namespace motcua
