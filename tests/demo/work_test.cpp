// Every step of the workflow is in the demo, each demo account has work, and the road is stored as the server would.
#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <string>

#include <boost/test/unit_test.hpp>

#include "demo/demo_province.h"
#include "model/stage_deadlines.h"
#include "tests/demo/standard_province.h"
#include "tests/support/shipped_calendar.h"

using namespace motcua;
using namespace motcua::demo;
using namespace motcua::demo::test;
using motcua::test::ShippedCalendar;

namespace {

std::int64_t StaffId(const DemoProvince& p, const std::string& username)
{
    for (const DemoStaff& s : p.staff) {
        if (s.username == username) {
            return s.id;
        }
    }
    return 0;
}

// What a demo account finds in its queues: dossiers of one agency in one state (and, for handlers, assigned to it).
struct Queue {
    const char* name;
    std::int64_t agencyId;
    WorkflowState state;
    const char* assignee;  // nullptr: anyone or nobody
    int atLeast;
};

int Count(const DemoProvince& p, const Queue& q)
{
    const std::int64_t assignee = q.assignee ? StaffId(p, q.assignee) : 0;
    return static_cast<int>(std::count_if(p.dossiers.begin(), p.dossiers.end(), [&](const Dossier& d) {
        return d.handlingAgencyId == q.agencyId && WorkflowState{d.status, d.subState} == q.state &&
               (assignee == 0 || d.assignedStaffId == assignee);
    }));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(demo_work)

BOOST_AUTO_TEST_CASE(every_action_of_the_table_is_played)
{
    const DemoProvince& p = StandardProvince();
    std::map<Action, int> actions;
    std::set<Role> roles;
    int forwardedAndBack = 0;
    for (std::size_t i = 0; i < p.dossiers.size(); ++i) {
        bool forwarded = false;
        for (const HistoryEvent& e : p.history[i]) {
            ++actions[e.action];
            roles.insert(e.role);
            forwarded = forwarded || e.action == Action::Forward;
        }
        const Dossier& d = p.dossiers[i];
        forwardedAndBack += forwarded && d.handlingAgencyId == d.receivingAgencyId ? 1 : 0;
    }
    for (const auto& entry : kActionNames) {
        BOOST_TEST(actions[entry.value] > 0, "no " << entry.key << " in the demo");
    }
    for (Role r : {Role::Citizen, Role::Clerk, Role::Handler, Role::Manager, Role::Signer, Role::System}) {
        BOOST_TEST(roles.count(r) == 1U, "no step by " << ToString(r));
    }
    BOOST_TEST(actions[Action::CloseUnsupplied] >= 5);
    BOOST_TEST(actions[Action::Reschedule] >= 20);
    BOOST_TEST(forwardedAndBack >= 20);  // decided by the department, the result back at the receiving desk
}

BOOST_AUTO_TEST_CASE(each_demo_account_has_work)
{
    const DemoProvince& p = StandardProvince();
    const std::int64_t ward = p.demoAgencyId;
    const std::int64_t dept = p.demoDepartmentId;
    BOOST_REQUIRE(dept != 0);
    BOOST_TEST(p.AgencyById(dept).name == "Sở Tư pháp");
    BOOST_TEST(p.AgencyById(ward).clerksMayAssign);
    BOOST_TEST(!p.AgencyById(dept).clerksMayAssign);
    using S = NationalStatus;
    using U = SubState;
    // clang-format off
    const std::vector<Queue> queues = {
        {"awaiting intake (demo.clerk)",            ward, {S::New, U::AwaitingIntakeCheck},           nullptr,             5},
        {"awaiting assignment (demo.manager)",      ward, {S::Received, U::AwaitingAssignment},       nullptr,             3},
        {"appraising (demo.handler)",               ward, {S::Processing, U::Appraising},             kDemoHandler,        3},
        {"awaiting signature (demo.signer)",        ward, {S::Processing, U::AwaitingSignature},      nullptr,             3},
        {"result ready (demo.clerk)",               ward, {S::ResultReady, U::None},                  nullptr,             3},
        {"fees due (demo.clerk)",                   ward, {S::FeesDue, U::None},                      nullptr,             2},
        {"supplement at intake (demo.clerk)",       ward, {S::SupplementRequested, U::SupplementAtIntake}, nullptr,        2},
        {"forwarded in (demo.dept.manager)",        dept, {S::Processing, U::AwaitingAssignment},     nullptr,             5},
        {"appraising (demo.dept.handler)",          dept, {S::Processing, U::Appraising},             kDemoDeptHandler,    3},
        {"awaiting signature (demo.dept.signer)",   dept, {S::Processing, U::AwaitingSignature},      nullptr,             3},
        {"fees due (department)",                   dept, {S::FeesDue, U::None},                      nullptr,             2},
        {"supplement after appraisal (department)", dept, {S::SupplementRequested, U::SupplementAfterAppraisal}, nullptr,  2},
    };
    // The demo ward asks the demo department for its part: some questions wait for demo.dept.handler's answer.
    int openQuestions = 0;
    for (const auto& asked : p.consultations) {
        for (const DemoConsultation& c : asked) {
            openQuestions += c.agencyId == dept && !c.answeredAt ? 1 : 0;
        }
    }
    BOOST_TEST_MESSAGE("open questions to the department: " << openQuestions);
    BOOST_TEST(openQuestions >= 1);
    // clang-format on
    // Every state either agency holds, for the reader of the log (--log_level=message).
    for (std::int64_t agency : {ward, dept}) {
        std::map<std::string, int> states;
        for (const Dossier& d : p.dossiers) {
            if (d.handlingAgencyId == agency) {
                ++states[std::string(ToString(d.status)) + "/" + ToString(d.subState)];
            }
        }
        for (const auto& [state, n] : states) {
            BOOST_TEST_MESSAGE(p.AgencyById(agency).name << "\t" << state << "\t" << n);
        }
    }
    for (const Queue& q : queues) {
        const int n = Count(p, q);
        BOOST_TEST_MESSAGE(q.name << ": " << n);
        BOOST_TEST(n >= q.atLeast, q.name << ": " << n);
    }
}

BOOST_AUTO_TEST_CASE(hand_overs_chain_and_carry_the_stage_deadlines)
{
    const DemoProvince& p = StandardProvince();
    const WorkingCalendar& calendar = ShippedCalendar();
    for (std::size_t i = 0; i < p.dossiers.size(); ++i) {
        const Dossier& d = p.dossiers[i];
        const auto& events = p.history[i];
        BOOST_TEST(!events.front().fromAgencyId.has_value(), d.code);
        BOOST_TEST((events.front().toAgencyId == d.receivingAgencyId), d.code);
        std::optional<Instant> forwardDue;  // the desk's hand-over deadline, from the acceptance's own time
        for (std::size_t k = 0; k < events.size(); ++k) {
            const HistoryEvent& e = events[k];
            const std::string step = d.code + " step " + std::to_string(k) + " " + ToString(e.action);
            if (k > 0) {
                BOOST_TEST((e.fromAgencyId == events[k - 1].toAgencyId), step);
            }
            BOOST_TEST(e.toAgencyId.has_value(), step);
            // The dossier moves by a forward or an approval; a question goes out and its answer comes back.
            const bool moves = e.fromAgencyId != e.toAgencyId;
            const bool mayMove = e.action == Action::Forward || e.action == Action::Approve ||
                                 e.action == Action::Consult || e.action == Action::AnswerConsultation;
            BOOST_TEST((!moves || mayMove || k == 0), step);
            const bool atIntake =
                e.from.status == NationalStatus::New || e.from.subState == SubState::SupplementAtIntake;
            switch (e.action) {
            case Action::Accept:
            case Action::Refuse:
                // The desk's answer to an online submission closes its 8 working hours.
                BOOST_TEST((e.stageDueAt == (d.channel == Channel::Online
                                                 ? std::optional(IntakeDeadline(calendar, d.submittedAt))
                                                 : std::nullopt)),
                           step);
                if (e.action == Action::Accept) {
                    forwardDue = ForwardingDeadline(calendar, e.at);
                }
                break;
            case Action::RequestSupplement:
                if (atIntake) {
                    BOOST_TEST((e.stageDueAt == d.intakeDueAt), step);
                } else {
                    BOOST_TEST(e.stageDueAt.has_value(), step);
                }
                break;
            case Action::Assign:
            case Action::Claim:
            case Action::Forward:
                if (e.from.status == NationalStatus::Received) {
                    BOOST_TEST((e.stageDueAt == forwardDue), step);
                } else {
                    BOOST_TEST(e.stageDueAt.has_value(), step);
                }
                break;
            case Action::ProposeResult:
            case Action::Approve:
            case Action::ReturnResult:
            case Action::Consult:
            case Action::AnswerConsultation: BOOST_TEST(e.stageDueAt.has_value(), step); break;
            default: BOOST_TEST(!e.stageDueAt.has_value(), step);
            }
            if (e.action == Action::Claim) {
                BOOST_TEST((e.toStaffId == e.staffId), step);
            }
            if (e.action == Action::Forward || e.action == Action::Approve) {
                BOOST_TEST(!e.toStaffId.has_value(), step);
            }
            if (e.action == Action::Assign) {
                BOOST_TEST(e.toStaffId.has_value(), step);
            }
        }
        // An open question went to another agency; the dossier itself stayed with the lead.
        const HistoryEvent& last = events.back();
        BOOST_TEST(((last.action == Action::Consult ? last.fromAgencyId : last.toAgencyId) == d.handlingAgencyId),
                   d.code);
        // The consultations as the history tells them: one per question, answered by the agency asked.
        const auto& asked = p.consultations.at(i);
        const auto questions = std::count_if(events.begin(), events.end(),
                                             [](const HistoryEvent& e) { return e.action == Action::Consult; });
        BOOST_TEST(asked.size() == static_cast<std::size_t>(questions), d.code);
        for (const DemoConsultation& c : asked) {
            BOOST_TEST(c.agencyId != c.leadAgencyId, d.code);
            if (c.answeredBy) {
                BOOST_TEST(p.staff.at(static_cast<std::size_t>(*c.answeredBy - 1)).agencyId == c.agencyId, d.code);
                BOOST_TEST(!c.answer.empty(), d.code);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(the_columns_follow_the_history)
{
    const DemoProvince& p = StandardProvince();
    const WorkingCalendar& calendar = ShippedCalendar();
    int refusedAfterAppraisal = 0;
    int restarted = 0;
    for (std::size_t i = 0; i < p.dossiers.size(); ++i) {
        const Dossier& d = p.dossiers[i];
        const auto& events = p.history[i];
        BOOST_TEST(
            (d.intakeDueAt ==
             (d.channel == Channel::Online ? std::optional(IntakeDeadline(calendar, d.submittedAt)) : std::nullopt)),
            d.code);
        std::optional<Instant> clockStart;
        std::optional<Instant> supplementAsked;
        int afterAppraisal = 0;
        bool rescheduled = false;
        for (const HistoryEvent& e : events) {
            if (e.action == Action::Accept) {
                clockStart = e.at;
            }
            if (e.action == Action::Supplement && e.from.subState == SubState::SupplementAfterAppraisal) {
                clockStart = e.at;  // Đ19.5: the processing time starts over
                ++restarted;
            }
            if (e.action == Action::RequestSupplement) {
                supplementAsked = e.at;
                afterAppraisal += e.from.subState == SubState::Appraising ? 1 : 0;
            }
            if (e.action == Action::CloseUnsupplied) {
                BOOST_REQUIRE(supplementAsked.has_value());
                BOOST_TEST((e.at >= *supplementAsked + std::chrono::days{15}), d.code);
            }
            rescheduled = rescheduled || e.action == Action::Reschedule;
        }
        BOOST_TEST((d.clockStartedAt == clockStart), d.code);
        BOOST_TEST((d.forwardDueAt ==
                    (d.receivedAt ? std::optional(ForwardingDeadline(calendar, *d.receivedAt)) : std::nullopt)),
                   d.code);
        BOOST_TEST(d.supplementRequestsAfterAppraisal == afterAppraisal, d.code);
        BOOST_TEST(d.originalDueAt.has_value() == rescheduled, d.code);
        if (d.originalDueAt) {
            BOOST_TEST((d.dueAt && *d.dueAt > *d.originalDueAt), d.code);
        }
        const bool decided = d.status == NationalStatus::ResultReady || d.status == NationalStatus::Returned;
        BOOST_TEST((decided ? d.outcome != Outcome::None : true), d.code);
        BOOST_TEST((d.outcome != Outcome::Refuse || !d.outcomeNote.empty()), d.code);  // a refusal gives reasons
        refusedAfterAppraisal += decided && d.outcome == Outcome::Refuse ? 1 : 0;
    }
    BOOST_TEST(refusedAfterAppraisal >= 20);
    BOOST_TEST(restarted >= 10);
}

BOOST_AUTO_TEST_CASE(register_numbers_run_from_one_per_agency_and_year_in_order_of_receipt)
{
    const DemoProvince& p = StandardProvince();
    std::map<std::pair<std::int64_t, int>, std::vector<std::pair<Instant, int>>> books;
    for (const Dossier& d : p.dossiers) {
        BOOST_TEST(d.registerNumber.has_value() == d.receivedAt.has_value(), d.code);
        BOOST_TEST(d.registerYear.has_value() == d.receivedAt.has_value(), d.code);
        if (d.receivedAt && d.registerYear && d.registerNumber) {
            BOOST_TEST(*d.registerYear == static_cast<int>(LocalDate(*d.receivedAt).year()), d.code);
            books[{d.receivingAgencyId, *d.registerYear}].emplace_back(*d.receivedAt, *d.registerNumber);
        }
    }
    BOOST_TEST(books.size() > 100U);
    for (auto& [key, lines] : books) {
        std::sort(lines.begin(), lines.end());
        for (std::size_t n = 0; n < lines.size(); ++n) {
            BOOST_TEST(lines[n].second == static_cast<int>(n) + 1, "agency " << key.first << " year " << key.second);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
