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
const std::vector<Action> kAllActions{A::Submit,       A::Accept, A::RequestSupplement, A::Refuse,
                                      A::Supplement,   A::Assign, A::ProposeResult,     A::Approve,
                                      A::ReturnResult, A::Stop,   A::Withdraw,          A::RequestFees,
                                      A::PayFees};
const std::vector<Role> kAllRoles{R::Clerk, R::Handler, R::Manager, R::Signer, R::Admin, R::Citizen};

using Key = std::tuple<int, int, int, int>;  // status, subState, action, role
Key KeyOf(WorkflowState s, Action a, Role r)
{
    return {static_cast<int>(s.status), static_cast<int>(s.subState), static_cast<int>(a), static_cast<int>(r)};
}

std::string Name(WorkflowState s)
{
    return std::string(ToString(s.status)) + "/" + ToString(s.subState);
}

constexpr WorkflowState NA{S::New, U::AwaitingIntakeCheck};
constexpr WorkflowState NS{S::New, U::SupplementedAwaitingCheck};
constexpr WorkflowState RA{S::Received, U::AwaitingAssignment};
constexpr WorkflowState PA{S::Processing, U::Appraising};
constexpr WorkflowState PS{S::Processing, U::AwaitingSignature};
constexpr WorkflowState SI{S::SupplementRequested, U::SupplementAtIntake};
constexpr WorkflowState SP{S::SupplementRequested, U::SupplementAfterAppraisal};
constexpr WorkflowState FD{S::FeesDue, U::None};
constexpr WorkflowState WR{S::WithdrawalRequested, U::None};
constexpr WorkflowState ST{S::Stopped, U::None};
constexpr WorkflowState RF{S::RefusedAtIntake, U::None};
constexpr WorkflowState RR{S::ResultReady, U::None};
constexpr WorkflowState RT{S::Returned, U::None};

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
        {kBeforeSubmit, A::Submit, R::Citizen, NA, false, false},
        {kBeforeSubmit, A::Submit, R::Clerk, NA, false, false},
        {NA, A::Accept, R::Clerk, RA, false, false},
        {NS, A::Accept, R::Clerk, RA, false, false},
        {NA, A::RequestSupplement, R::Clerk, SI, true, false},
        {NA, A::Refuse, R::Clerk, RF, false, false},
        {NS, A::Refuse, R::Clerk, RF, false, false},
        {SI, A::Supplement, R::Citizen, NS, false, true},
        {SI, A::Supplement, R::Clerk, NS, false, true},
        {RA, A::Assign, R::Manager, PA, false, false},
        {RA, A::Assign, R::Clerk, PA, false, false},
        {PA, A::Assign, R::Manager, PA, false, false},
        {PA, A::RequestSupplement, R::Handler, SP, true, false},
        {SP, A::Supplement, R::Citizen, PA, false, true},
        {SP, A::Supplement, R::Clerk, PA, false, true},
        {PA, A::RequestFees, R::Handler, FD, true, false},
        {FD, A::PayFees, R::Citizen, PA, false, true},
        {FD, A::PayFees, R::Clerk, PA, false, true},
        {PA, A::ProposeResult, R::Handler, PS, false, false},
        {PS, A::Approve, R::Signer, RR, false, false},
        {PS, A::Approve, R::Manager, RR, false, false},
        {RR, A::ReturnResult, R::Clerk, RT, false, false},
        {WR, A::Stop, R::Manager, ST, false, false},
        {WR, A::Withdraw, R::Clerk, ST, false, false},
    };
    for (WorkflowState from : {NA, NS, RA, PA, PS, SI, SP, FD}) {
        const bool paused = from.status == S::SupplementRequested || from.status == S::FeesDue;
        rows.push_back({from, A::Stop, R::Manager, ST, false, paused});
        rows.push_back({from, A::Withdraw, R::Citizen, WR, false, paused});
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
    BOOST_TEST(refused == 10 * 9 * 13 * 6 - static_cast<int>(TransitionTable().size()));
}

BOOST_AUTO_TEST_CASE(refusal_messages_read_well)
{
    try {
        NextState(NA, A::Accept, R::Handler);
        BOOST_ERROR("not refused");
    } catch (const Error& e) {
        BOOST_TEST(std::string(e.what()) ==
                   "Action accept is not allowed for role handler in status 1 (new, awaiting_intake_check)");
        BOOST_TEST(e.MessageId() ==
                   "Action {action} is not allowed for role {role} in status {status} ({statusName}, {subState})");
        BOOST_TEST(e.Args().size() == 5u);
    }
    try {
        NextState(RT, A::Accept, R::Clerk);
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
    const Transition& accept = NextState(NA, A::Accept, R::Clerk);
    ExpectError([&] { MakeHistoryEvent(DossierIn(PA), accept, 1, Instant{}); }, ErrorCategory::Internal, "");
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
    std::set<std::pair<int, int>> finishing{key(RF), key(ST), key(RT)};
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
        BOOST_TEST(!(t.from == RF || t.from == ST || t.from == RT));
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
                          {A::ReturnResult, R::Clerk}})) == Name(RT));
    // Paper dossier complete at the desk: Submit then Accept by the clerk.
    BOOST_TEST(Name(Walk({{A::Submit, R::Clerk}, {A::Accept, R::Clerk}})) == Name(RA));
    // Supplement at intake, once only.
    const WorkflowState supplemented =
        Walk({{A::Submit, R::Citizen}, {A::RequestSupplement, R::Clerk}, {A::Supplement, R::Citizen}});
    BOOST_TEST(Name(supplemented) == Name(NS));
    BOOST_TEST(FindTransition(supplemented, A::RequestSupplement, R::Clerk) == nullptr);
    BOOST_TEST(Name(NextState(supplemented, A::Accept, R::Clerk).to) == Name(RA));
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
                          {A::Approve, R::Manager}})) == Name(RR));
    // Withdrawal confirmed by the desk; stop by a manager; refusal at intake.
    BOOST_TEST(
        Name(Walk(
            {{A::Submit, R::Citizen}, {A::Accept, R::Clerk}, {A::Withdraw, R::Citizen}, {A::Withdraw, R::Clerk}})) ==
        Name(ST));
    BOOST_TEST(Name(Walk({{A::Submit, R::Citizen}, {A::Stop, R::Manager}})) == Name(ST));
    BOOST_TEST(Name(Walk({{A::Submit, R::Citizen}, {A::Refuse, R::Clerk}})) == Name(RF));
    // Nothing after the result is ready but returning it.
    BOOST_TEST(FindTransition(RR, A::Withdraw, R::Citizen) == nullptr);
    BOOST_TEST(FindTransition(RR, A::Stop, R::Manager) == nullptr);
    // The handler cannot accept, the citizen cannot approve, the clerk cannot approve.
    BOOST_TEST(FindTransition(NA, A::Accept, R::Handler) == nullptr);
    BOOST_TEST(FindTransition(PS, A::Approve, R::Citizen) == nullptr);
    BOOST_TEST(FindTransition(PS, A::Approve, R::Clerk) == nullptr);
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
