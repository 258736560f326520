// The workflow table: the whole national lifecycle, exhaustive refusal of everything else, history events.
#include "model/workflow.h"

#include <map>
#include <set>
#include <tuple>

#include <boost/test/unit_test.hpp>

#include "test_support.h"

using namespace motcua;
using namespace motcua::test;

namespace {

using S = NationalStatus;
using U = SubState;
using A = Action;
using R = Role;

const std::vector<NationalStatus> kAllStatuses{S::New,
                                               S::Received,
                                               S::RefusedAtIntake,
                                               S::Processing,
                                               S::SupplementRequested,
                                               S::FeesDue,
                                               S::WithdrawalRequested,
                                               S::Stopped,
                                               S::ResultReady,
                                               S::Returned};
const std::vector<SubState> kAllSubStates{U::None,
                                          U::AwaitingIntakeCheck,
                                          U::AwaitingAssignment,
                                          U::Appraising,
                                          U::AwaitingSignature,
                                          U::AwaitingOtherAgency,
                                          U::SupplementedAwaitingCheck,
                                          U::SupplementAtIntake,
                                          U::SupplementAfterAppraisal};
const std::vector<Action> kAllActions{
    A::Submit,          A::Accept,        A::RequestSupplement, A::Refuse,       A::Supplement,
    A::Assign,          A::ProposeResult, A::Approve,           A::ReturnResult, A::Stop,
    A::Withdraw,        A::RequestFees,   A::PayFees,           A::Claim,        A::Forward,
    A::ReturnForRework, A::Reschedule,    A::CloseUnsupplied,   A::Consult,      A::AnswerConsultation};
const std::vector<Role> kAllRoles{R::Clerk, R::Handler, R::Manager, R::Signer, R::Admin, R::Citizen, R::System};

using Key = std::tuple<int, int, int, int>;  // status, subState, action, role
Key KeyOf(WorkflowState s, Action a, Role r)
{
    return {static_cast<int>(s.status), static_cast<int>(s.subState), static_cast<int>(a), static_cast<int>(r)};
}

std::string Name(WorkflowState s)
{
    return std::string(ToString(s.status)) + "/" + ToString(s.subState);
}

constexpr WorkflowState kNA{S::New, U::AwaitingIntakeCheck};
constexpr WorkflowState kNS{S::New, U::SupplementedAwaitingCheck};
constexpr WorkflowState kRA{S::Received, U::AwaitingAssignment};
constexpr WorkflowState kPA{S::Processing, U::Appraising};
constexpr WorkflowState kPF{S::Processing, U::AwaitingAssignment};  // forwarded in, not yet taken up
constexpr WorkflowState kPS{S::Processing, U::AwaitingSignature};
constexpr WorkflowState kSI{S::SupplementRequested, U::SupplementAtIntake};
constexpr WorkflowState kSP{S::SupplementRequested, U::SupplementAfterAppraisal};
constexpr WorkflowState kFD{S::FeesDue, U::None};
constexpr WorkflowState kWR{S::WithdrawalRequested, U::None};
constexpr WorkflowState kST{S::Stopped, U::None};
constexpr WorkflowState kRF{S::RefusedAtIntake, U::None};
constexpr WorkflowState kRR{S::ResultReady, U::None};
constexpr WorkflowState kRT{S::Returned, U::None};

struct Row {
    WorkflowState from;
    Action action;
    Role role;
    WorkflowState to;
    bool pauses;
    bool resumes;
};

// The specification, written out by hand from the brief and one-stop-rules.md.
std::vector<Row> Specification()
{
    std::vector<Row> rows{
        {kBeforeSubmit, A::Submit, R::Citizen, kNA, false, false},
        {kBeforeSubmit, A::Submit, R::Clerk, kNA, false, false},
        {kNA, A::Accept, R::Clerk, kRA, false, false},
        {kNS, A::Accept, R::Clerk, kRA, false, false},
        {kNA, A::RequestSupplement, R::Clerk, kSI, true, false},
        {kNA, A::Refuse, R::Clerk, kRF, false, false},
        {kNS, A::Refuse, R::Clerk, kRF, false, false},
        {kSI, A::Supplement, R::Citizen, kNS, false, true},
        {kSI, A::Supplement, R::Clerk, kNS, false, true},
        {kRA, A::Assign, R::Manager, kPA, false, false},
        {kRA, A::Assign, R::Clerk, kPA, false, false},
        {kRA, A::Claim, R::Handler, kPA, false, false},
        {kPF, A::Assign, R::Manager, kPA, false, false},
        {kPF, A::Assign, R::Clerk, kPA, false, false},
        {kPF, A::Claim, R::Handler, kPA, false, false},
        {kPA, A::Assign, R::Manager, kPA, false, false},
        {kRA, A::Forward, R::Clerk, kPF, false, false},
        {kRA, A::Forward, R::Manager, kPF, false, false},
        {kPA, A::Forward, R::Handler, kPF, false, false},
        {kPA, A::Forward, R::Manager, kPF, false, false},
        // In parallel the lead keeps the dossier: the consultations are records of their own.
        {kPA, A::Consult, R::Handler, kPA, false, false},
        {kPA, A::Consult, R::Manager, kPA, false, false},
        {kPA, A::AnswerConsultation, R::Handler, kPA, false, false},
        {kPA, A::AnswerConsultation, R::Manager, kPA, false, false},
        {kPA, A::RequestSupplement, R::Handler, kSP, true, false},
        {kSP, A::Supplement, R::Citizen, kPA, false, true},
        {kSP, A::Supplement, R::Clerk, kPA, false, true},
        {kPA, A::RequestFees, R::Handler, kFD, true, false},
        {kFD, A::PayFees, R::Citizen, kPA, false, true},
        {kFD, A::PayFees, R::Clerk, kPA, false, true},
        {kPA, A::ProposeResult, R::Handler, kPS, false, false},
        {kPS, A::Approve, R::Signer, kRR, false, false},
        {kPS, A::Approve, R::Manager, kRR, false, false},
        {kPS, A::ReturnForRework, R::Signer, kPA, false, false},
        {kPS, A::ReturnForRework, R::Manager, kPA, false, false},
        {kRR, A::ReturnResult, R::Clerk, kRT, false, false},
        {kWR, A::Stop, R::Manager, kST, false, false},
        {kWR, A::Withdraw, R::Clerk, kST, false, false},
        // No supplement within 15 days: never received → not received; under appraisal → stopped.
        {kSI, A::CloseUnsupplied, R::System, kRF, false, true},
        {kSP, A::CloseUnsupplied, R::System, kST, false, true},
    };
    // The appointment moves (once; the server checks it) while the dossier is being worked on: the state stays.
    for (WorkflowState s : {kRA, kPF, kPA, kPS}) {
        rows.push_back({s, A::Reschedule, R::Handler, s, false, false});
        rows.push_back({s, A::Reschedule, R::Manager, s, false, false});
    }
    for (WorkflowState from : {kNA, kNS, kRA, kPF, kPA, kPS, kSI, kSP, kFD}) {
        const bool paused = from.status == S::SupplementRequested || from.status == S::FeesDue;
        rows.push_back({from, A::Stop, R::Manager, kST, false, paused});
        rows.push_back({from, A::Withdraw, R::Citizen, kWR, false, paused});
        rows.push_back({from, A::Withdraw, R::Clerk, kST, false, paused});  // asked in writing at the desk
    }
    return rows;
}

Dossier DossierIn(WorkflowState s)
{
    Dossier d;
    d.id = 42;
    d.status = s.status;
    d.subState = s.subState;
    return d;
}

// Applies a sequence of (action, role) from kBeforeSubmit and returns the final state; fails the test on a refusal.
WorkflowState Walk(std::initializer_list<std::pair<Action, Role>> steps)
{
    WorkflowState s = kBeforeSubmit;
    for (const auto& [action, role] : steps)
        s = NextState(s, action, role).to;
    return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(workflow)

BOOST_AUTO_TEST_CASE(table_is_exactly_the_specification)
{
    std::map<Key, Row> spec;
    for (const Row& r : Specification())
        BOOST_TEST(spec.emplace(KeyOf(r.from, r.action, r.role), r).second);
    const auto& table = TransitionTable();
    BOOST_TEST(table.size() == spec.size());
    for (const Transition& t : table) {
        BOOST_TEST_CONTEXT(Name(t.from) << " " << ToString(t.action) << " by " << ToString(t.role))
        {
            const auto it = spec.find(KeyOf(t.from, t.action, t.role));
            BOOST_TEST_REQUIRE((it != spec.end()));
            BOOST_TEST(Name(t.to) == Name(it->second.to));
            BOOST_TEST(t.pausesClock == it->second.pauses);
            BOOST_TEST(t.resumesClock == it->second.resumes);
        }
    }
}

BOOST_AUTO_TEST_CASE(keys_are_unique_and_every_row_is_found)
{
    std::set<Key> seen;
    for (const Transition& t : TransitionTable()) {
        BOOST_TEST(seen.insert(KeyOf(t.from, t.action, t.role)).second);
        BOOST_TEST(FindTransition(t.from, t.action, t.role) == &t);
        BOOST_TEST(&NextState(t.from, t.action, t.role) == &t);
    }
}

// Every (state, action, role) combination outside the table is refused with a reason naming all three.
BOOST_AUTO_TEST_CASE(everything_else_is_refused)
{
    std::set<Key> allowed;
    for (const Transition& t : TransitionTable())
        allowed.insert(KeyOf(t.from, t.action, t.role));
    int refused = 0;
    for (S status : kAllStatuses)
        for (U sub : kAllSubStates)
            for (A action : kAllActions)
                for (R role : kAllRoles) {
                    const WorkflowState s{status, sub};
                    if (allowed.contains(KeyOf(s, action, role)))
                        continue;
                    ++refused;
                    BOOST_TEST_CONTEXT(Name(s) << " " << ToString(action) << " by " << ToString(role))
                    {
                        BOOST_TEST(FindTransition(s, action, role) == nullptr);
                        try {
                            NextState(s, action, role);
                            BOOST_ERROR("not refused");
                        } catch (const Error& e) {
                            BOOST_TEST((e.Category() == ErrorCategory::NotAllowed));
                            const std::string m = e.what();
                            BOOST_TEST(m.find(std::string("Action ") + ToString(action) + " ") == 0u);
                            BOOST_TEST(m.find(std::string("role ") + ToString(role)) != std::string::npos);
                            BOOST_TEST(m.find("status " + std::to_string(static_cast<int>(status)) + " (" +
                                              ToString(status)) != std::string::npos);
                            if (sub != U::None)
                                BOOST_TEST(m.find(ToString(sub)) != std::string::npos);
                            BOOST_TEST(e.MessageId().find("{action}") != std::string::npos);
                            BOOST_TEST(e.Field().empty());
                        }
                    }
                }
    BOOST_TEST(refused == 10 * 9 * 20 * 7 - static_cast<int>(TransitionTable().size()));
}

BOOST_AUTO_TEST_CASE(actions_allowed_are_the_table_rows_of_a_state_and_role)
{
    const auto names = [](WorkflowState s, Role r) {
        std::vector<std::string> out;
        for (Action a : ActionsAllowed(s, r))
            out.emplace_back(ToString(a));
        return out;
    };
    using Names = std::vector<std::string>;
    BOOST_TEST(names(kNA, R::Clerk) == (Names{"accept", "request_supplement", "refuse", "withdraw"}),
               boost::test_tools::per_element());
    BOOST_TEST(names(kPA, R::Handler) == (Names{"forward", "consult", "answer_consultation", "request_supplement",
                                                "request_fees", "propose_result", "reschedule"}),
               boost::test_tools::per_element());
    BOOST_TEST(names(kPS, R::Signer) == (Names{"approve", "return_for_rework"}), boost::test_tools::per_element());
    BOOST_TEST(names(kRT, R::Clerk).empty());
    for (WorkflowState s : {kNA, kRA, kPA, kPS, kRR})
        BOOST_TEST(names(s, R::Admin).empty());
}

BOOST_AUTO_TEST_CASE(refusal_messages_read_well)
{
    try {
        NextState(kNA, A::Accept, R::Handler);
        BOOST_ERROR("not refused");
    } catch (const Error& e) {
        BOOST_TEST(std::string(e.what()) ==
                   "Action accept is not allowed for role handler in status 1 (new, awaiting_intake_check)");
        BOOST_TEST(e.MessageId() ==
                   "Action {action} is not allowed for role {role} in status {status} ({statusName}, {subState})");
        BOOST_TEST(e.Args().size() == 5u);
    }
    try {
        NextState(kRT, A::Accept, R::Clerk);
        BOOST_ERROR("not refused");
    } catch (const Error& e) {
        BOOST_TEST(std::string(e.what()) == "Action accept is not allowed for role clerk in status 10 (returned)");
        BOOST_TEST(e.MessageId() == "Action {action} is not allowed for role {role} in status {status} ({statusName})");
        BOOST_TEST(FormatMessage(e.MessageId(), e.Args()) == e.what());
    }
}

BOOST_AUTO_TEST_CASE(every_row_yields_a_history_event)
{
    const Instant at = VnTime(2026, 3, 2, 9, 30);
    for (const Transition& t : TransitionTable()) {
        BOOST_TEST_CONTEXT(Name(t.from) << " " << ToString(t.action) << " by " << ToString(t.role))
        {
            const std::optional<std::int64_t> staff =
                t.role == R::Citizen ? std::nullopt : std::optional<std::int64_t>(7);
            const HistoryEvent e = MakeHistoryEvent(DossierIn(t.from), t, staff, at, "ghi chú");
            BOOST_TEST(e.dossierId == 42);
            BOOST_TEST((e.action == t.action));
            BOOST_TEST((e.role == t.role));
            BOOST_TEST((e.staffId == staff));
            BOOST_TEST((e.from == t.from));
            BOOST_TEST((e.to == t.to));
            BOOST_TEST((e.at == at));
            BOOST_TEST(e.note == "ghi chú");
        }
    }
}

BOOST_AUTO_TEST_CASE(history_event_for_the_wrong_state_is_a_bug)
{
    const Transition& accept = NextState(kNA, A::Accept, R::Clerk);
    ExpectError([&] { MakeHistoryEvent(DossierIn(kPA), accept, 1, Instant{}); }, ErrorCategory::Internal, "");
}

BOOST_AUTO_TEST_CASE(admin_has_no_workflow_powers)
{
    for (const Transition& t : TransitionTable())
        BOOST_TEST((t.role != R::Admin));
}

BOOST_AUTO_TEST_CASE(clock_flags_follow_the_paused_statuses)
{
    const auto paused = [](WorkflowState s) { return s.status == S::SupplementRequested || s.status == S::FeesDue; };
    for (const Transition& t : TransitionTable()) {
        BOOST_TEST_CONTEXT(Name(t.from) << " " << ToString(t.action))
        {
            BOOST_TEST(t.pausesClock == (!paused(t.from) && paused(t.to)));
            BOOST_TEST(t.resumesClock == (paused(t.from) && !paused(t.to)));
        }
    }
}

// From kBeforeSubmit every state of the table can be reached, and from each one a final state (3, 8, 10).
BOOST_AUTO_TEST_CASE(every_state_is_reachable_and_can_finish)
{
    std::set<std::pair<int, int>> states;
    const auto key = [](WorkflowState s) {
        return std::pair{static_cast<int>(s.status), static_cast<int>(s.subState)};
    };
    for (const Transition& t : TransitionTable()) {
        states.insert(key(t.from));
        states.insert(key(t.to));
    }
    std::set<std::pair<int, int>> reached{key(kBeforeSubmit)};
    for (bool grew = true; grew;) {
        grew = false;
        for (const Transition& t : TransitionTable())
            if (reached.contains(key(t.from)) && reached.insert(key(t.to)).second)
                grew = true;
    }
    BOOST_TEST((reached == states));
    std::set<std::pair<int, int>> finishing{key(kRF), key(kST), key(kRT)};
    for (bool grew = true; grew;) {
        grew = false;
        for (const Transition& t : TransitionTable())
            if (finishing.contains(key(t.to)) && finishing.insert(key(t.from)).second)
                grew = true;
    }
    BOOST_TEST((finishing == states));
    // Final states have no way out, and IsOpen agrees with them.
    for (const Transition& t : TransitionTable()) {
        BOOST_TEST(IsOpen(t.from.status));
        BOOST_TEST(!(t.from == kRF || t.from == kST || t.from == kRT));
    }
}

BOOST_AUTO_TEST_CASE(lifecycles)
{
    // Online dossier, happy path.
    BOOST_TEST(Name(Walk({{A::Submit, R::Citizen},
                          {A::Accept, R::Clerk},
                          {A::Assign, R::Manager},
                          {A::ProposeResult, R::Handler},
                          {A::Approve, R::Signer},
                          {A::ReturnResult, R::Clerk}})) == Name(kRT));
    // Paper dossier complete at the desk: Submit then Accept by the clerk.
    BOOST_TEST(Name(Walk({{A::Submit, R::Clerk}, {A::Accept, R::Clerk}})) == Name(kRA));
    // Supplement at intake, once only.
    const WorkflowState supplemented =
        Walk({{A::Submit, R::Citizen}, {A::RequestSupplement, R::Clerk}, {A::Supplement, R::Citizen}});
    BOOST_TEST(Name(supplemented) == Name(kNS));
    BOOST_TEST(FindTransition(supplemented, A::RequestSupplement, R::Clerk) == nullptr);
    BOOST_TEST(Name(NextState(supplemented, A::Accept, R::Clerk).to) == Name(kRA));
    // Supplement after appraisal goes back to appraisal; fees due and paid.
    BOOST_TEST(Name(Walk({{A::Submit, R::Citizen},
                          {A::Accept, R::Clerk},
                          {A::Assign, R::Clerk},
                          {A::RequestSupplement, R::Handler},
                          {A::Supplement, R::Citizen},
                          {A::RequestFees, R::Handler},
                          {A::PayFees, R::Citizen},
                          {A::Assign, R::Manager},
                          {A::ProposeResult, R::Handler},
                          {A::Approve, R::Manager}})) == Name(kRR));
    // Withdrawal confirmed by the desk; stop by a manager; refusal at intake.
    BOOST_TEST(
        Name(Walk(
            {{A::Submit, R::Citizen}, {A::Accept, R::Clerk}, {A::Withdraw, R::Citizen}, {A::Withdraw, R::Clerk}})) ==
        Name(kST));
    BOOST_TEST(Name(Walk({{A::Submit, R::Citizen}, {A::Stop, R::Manager}})) == Name(kST));
    BOOST_TEST(Name(Walk({{A::Submit, R::Citizen}, {A::Refuse, R::Clerk}})) == Name(kRF));
    // Nothing after the result is ready but returning it.
    BOOST_TEST(FindTransition(kRR, A::Withdraw, R::Citizen) == nullptr);
    BOOST_TEST(FindTransition(kRR, A::Stop, R::Manager) == nullptr);
    // The handler cannot accept, the citizen cannot approve, the clerk cannot approve.
    BOOST_TEST(FindTransition(kNA, A::Accept, R::Handler) == nullptr);
    BOOST_TEST(FindTransition(kPS, A::Approve, R::Citizen) == nullptr);
    BOOST_TEST(FindTransition(kPS, A::Approve, R::Clerk) == nullptr);
}

BOOST_AUTO_TEST_CASE(names_round_trip)
{
    std::set<std::string> names;
    for (R r : kAllRoles) {
        BOOST_TEST((RoleFromString(ToString(r)) == r));
        names.insert(ToString(r));
    }
    BOOST_TEST(names.size() == kAllRoles.size());
    names.clear();
    for (A a : kAllActions) {
        BOOST_TEST((ActionFromString(ToString(a)) == a));
        names.insert(ToString(a));
    }
    BOOST_TEST(names.size() == kAllActions.size());
    BOOST_TEST(std::string(ToString(R::Handler)) == "handler");
    BOOST_TEST(std::string(ToString(A::RequestSupplement)) == "request_supplement");
    ExpectBadInput([] { RoleFromString("Clerk"); }, "role");
    ExpectBadInput([] { RoleFromString(""); }, "role");
    ExpectBadInput([] { ActionFromString("approve "); }, "action");
}

BOOST_AUTO_TEST_SUITE_END()
