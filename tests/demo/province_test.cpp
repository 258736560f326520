// The generated province is deterministic, believable and consistent with the model's own rules.
#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include <boost/test/unit_test.hpp>

#include "demo/demo_province.h"
#include "demo/person_generator.h"
#include "model/citizen_id.h"
#include "model/dossier_code.h"
#include "model/error.h"
#include "model/working_calendar.h"
#include "tests/demo/standard_province.h"
#include "tests/support/shipped_calendar.h"

using namespace motcua;
using namespace motcua::demo;
using namespace motcua::demo::test;
using namespace std::chrono;
using motcua::test::ShippedCalendar;

BOOST_AUTO_TEST_SUITE(demo_province)

BOOST_AUTO_TEST_CASE(same_seed_same_province_other_seed_other_people)
{
    const DemoProvince again = GenerateProvince(ProvinceOptions{3000, 20261127, kStandardNow}, ShippedCalendar());
    const DemoProvince& first = StandardProvince();
    BOOST_REQUIRE_EQUAL(first.dossiers.size(), again.dossiers.size());
    for (std::size_t i = 0; i < first.dossiers.size(); ++i) {
        const Dossier& a = first.dossiers[i];
        const Dossier& b = again.dossiers[i];
        BOOST_TEST(a.code == b.code);
        BOOST_TEST(a.applicant.fullName == b.applicant.fullName);
        BOOST_TEST(a.applicant.citizenId == b.applicant.citizenId);
        BOOST_TEST((a.submittedAt == b.submittedAt));
        BOOST_TEST((a.dueAt == b.dueAt));
        BOOST_TEST(static_cast<int>(a.status) == static_cast<int>(b.status));
        BOOST_TEST(first.history[i].size() == again.history[i].size());
    }
    for (std::size_t i = 0; i < first.staff.size(); ++i) {
        BOOST_TEST(first.staff[i].fullName == again.staff[i].fullName);
    }

    const DemoProvince other = GenerateProvince(ProvinceOptions{3000, 7, kStandardNow}, ShippedCalendar());
    int sameName = 0;
    for (std::size_t i = 0; i < other.dossiers.size(); ++i) {
        sameName += other.dossiers[i].applicant.citizenId == first.dossiers[i].applicant.citizenId ? 1 : 0;
    }
    BOOST_TEST(sameName < 10);
}

BOOST_AUTO_TEST_CASE(agencies_form_a_two_tier_province_with_unique_valid_codes)
{
    const DemoProvince& p = StandardProvince();
    std::map<AgencyLevel, int> levels;
    std::set<std::string> codes;
    std::set<std::string> names;
    for (const Agency& a : p.agencies) {
        ++levels[a.level];
        BOOST_CHECK_NO_THROW(ValidateAgencyCode(a.code));
        BOOST_TEST(codes.insert(a.code).second, "duplicate agency code " << a.code);
        BOOST_TEST(names.insert(a.name).second, "duplicate agency name " << a.name);
        BOOST_TEST(a.code.ends_with(".H41"));
    }
    BOOST_TEST(levels[AgencyLevel::Province] == 1);
    BOOST_TEST(levels[AgencyLevel::Department] == 20);
    BOOST_TEST(levels[AgencyLevel::Commune] == 100);
    BOOST_TEST(p.agencies.front().code == "000.00.00.H41");
    BOOST_CHECK_NO_THROW(AgencyTree{p.agencies});  // parents exist, no cycles
    BOOST_TEST(p.AgencyById(p.demoAgencyId).name == "UBND phường Phố Hiến");
}

BOOST_AUTO_TEST_CASE(catalogue_has_fifty_valid_procedures_with_handling_departments)
{
    const DemoProvince& p = StandardProvince();
    BOOST_REQUIRE_EQUAL(p.procedures.size(), 50U);
    std::set<std::string> codes;
    int online = 0;
    int commune = 0;
    std::set<int> times;
    bool calendarDays = false;
    for (const Procedure& proc : p.procedures) {
        BOOST_CHECK_NO_THROW(Validate(proc));
        BOOST_TEST(codes.insert(proc.code).second, "duplicate procedure code " << proc.code);
        BOOST_TEST(!proc.documents.empty(), proc.code);
        online += proc.online ? 1 : 0;
        times.insert(proc.processingTime);
        calendarDays = calendarDays || proc.processingUnit == DurationUnit::CalendarDays;
        const std::int64_t department = p.DepartmentOf(proc.id);
        if (proc.competentLevel == AgencyLevel::Commune) {
            ++commune;
            BOOST_TEST(department == 0);
        } else {
            BOOST_REQUIRE(department > 0);
            BOOST_TEST((p.AgencyById(department).level == AgencyLevel::Department));
        }
    }
    BOOST_TEST(online * 100 >= 80 * 50);  // KPI 3.1: at least 80 % offered online
    BOOST_TEST(commune > 20);
    BOOST_TEST(calendarDays);
    for (int t : {0, 3, 5, 10, 15, 20}) {
        BOOST_TEST(times.count(t) == 1U, "no procedure takes " << t << " days");
    }
    BOOST_TEST(p.ProcedureById(1).code == "1.001193");
}

BOOST_AUTO_TEST_CASE(staff_usernames_are_unique_ascii_and_every_agency_has_every_role)
{
    const DemoProvince& p = StandardProvince();
    std::set<std::string> usernames;
    std::map<std::int64_t, std::set<Role>> roles;
    for (const DemoStaff& s : p.staff) {
        BOOST_TEST(usernames.insert(s.username).second, "duplicate username " << s.username);
        BOOST_TEST(std::all_of(s.username.begin(), s.username.end(),
                               [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.'; }),
                   s.username);
        BOOST_TEST(s.fullName.find(' ') != std::string::npos);
        roles[s.agencyId].insert(s.role);
    }
    for (const Agency& a : p.agencies) {
        for (Role r : {Role::Clerk, Role::Handler, Role::Manager, Role::Signer}) {
            BOOST_TEST(roles[a.id].count(r) == 1U, a.name << " lacks " << ToString(r));
        }
    }
    const std::map<std::string, Role> fixed = {{"demo.clerk", Role::Clerk},
                                               {"demo.handler", Role::Handler},
                                               {"demo.manager", Role::Manager},
                                               {"demo.signer", Role::Signer},
                                               {"demo.admin", Role::Admin}};
    for (const auto& [name, role] : fixed) {
        auto it = std::find_if(p.staff.begin(), p.staff.end(),
                               [&wanted = name](const DemoStaff& s) { return s.username == wanted; });
        BOOST_REQUIRE_MESSAGE(it != p.staff.end(), name);
        BOOST_TEST((it->role == role));
        BOOST_TEST(it->agencyId == (role == Role::Admin ? 1 : p.demoAgencyId));
    }
    BOOST_TEST(usernames.count("clerk.phohien") == 1U);
    BOOST_TEST(usernames.count("handler.sotuphap") == 1U);
}

BOOST_AUTO_TEST_CASE(every_applicant_passes_the_models_validation)
{
    const DemoProvince& p = StandardProvince();
    const Date today = LocalDate(kStandardNow);
    for (const Dossier& d : p.dossiers) {
        BOOST_CHECK_NO_THROW(ValidateCitizenId(d.applicant.citizenId, d.applicant.dateOfBirth));
        try {
            ValidateNewDossier(d, today);
        } catch (const Error& e) {
            BOOST_ERROR(d.code << ": " << e.what() << " [" << e.Field() << "]");
        }
    }
}

BOOST_AUTO_TEST_CASE(every_national_status_is_present)
{
    std::map<int, int> count;
    for (const Dossier& d : StandardProvince().dossiers) {
        ++count[static_cast<int>(d.status)];
    }
    for (int s = 1; s <= 10; ++s) {
        BOOST_TEST(count[s] > 0, "no dossier in status " << s);
    }
    BOOST_TEST(count[10] > count[4]);  // most dossiers of the last 90 days are finished
    // Even a tiny demo has one of each.
    const DemoProvince tiny = GenerateProvince(ProvinceOptions{12, 1, kStandardNow}, ShippedCalendar());
    std::set<int> statuses;
    for (const Dossier& d : tiny.dossiers) {
        statuses.insert(static_cast<int>(d.status));
    }
    BOOST_TEST(statuses.size() == 10U);
}

BOOST_AUTO_TEST_CASE(codes_are_unique_and_gap_free_per_agency_and_day)
{
    const DemoProvince& p = StandardProvince();
    const DossierCodeFormat format;
    std::set<std::string> codes;
    std::map<std::pair<std::int64_t, int>, std::vector<int>> sequences;
    for (const Dossier& d : p.dossiers) {
        BOOST_TEST(codes.insert(d.code).second, "duplicate code " << d.code);
        const Agency& receiving = p.AgencyById(d.receivingAgencyId);
        const Date day = LocalDate(d.submittedAt);
        const int seq = std::stoi(d.code.substr(d.code.size() - 4));
        BOOST_TEST(d.code == format.Format(receiving.code, day, seq));
        sequences[{d.receivingAgencyId, static_cast<int>(sys_days{day}.time_since_epoch().count())}].push_back(seq);
    }
    for (auto& [key, seqs] : sequences) {
        std::sort(seqs.begin(), seqs.end());
        for (std::size_t i = 0; i < seqs.size(); ++i) {
            BOOST_TEST(seqs[i] == static_cast<int>(i) + 1);
        }
    }
}

BOOST_AUTO_TEST_CASE(times_are_ordered_and_inside_the_last_ninety_days)
{
    const DemoProvince& p = StandardProvince();
    const WorkingCalendar& calendar = ShippedCalendar();
    for (std::size_t i = 0; i < p.dossiers.size(); ++i) {
        const Dossier& d = p.dossiers[i];
        const auto& events = p.history[i];
        BOOST_REQUIRE(!events.empty());
        BOOST_TEST((events.front().at == d.submittedAt));
        BOOST_TEST((d.submittedAt >= kStandardNow - days{100}), d.code);
        for (std::size_t k = 1; k < events.size(); ++k) {
            BOOST_TEST((events[k - 1].at <= events[k].at), d.code);
        }
        BOOST_TEST((events.back().at < kStandardNow), d.code);
        const bool accepted =
            std::any_of(events.begin(), events.end(), [](const HistoryEvent& e) { return e.action == Action::Accept; });
        BOOST_TEST(d.receivedAt.has_value() == accepted, d.code);
        if (d.receivedAt) {
            BOOST_TEST((d.submittedAt <= *d.receivedAt), d.code);
            const bool paused = d.status == NationalStatus::SupplementRequested || d.status == NationalStatus::FeesDue;
            BOOST_TEST((d.dueAt.has_value() || paused), d.code);
            if (d.dueAt) {
                const Procedure& proc = p.ProcedureById(d.procedureId);
                BOOST_TEST((*d.dueAt >= *d.receivedAt), d.code);
                if (proc.processingTime > 0) {
                    BOOST_TEST((*d.dueAt > *d.receivedAt), d.code);
                }
            }
        } else {
            // Not received: the provisional appointment given at submission (what the citizen API answers).
            BOOST_TEST((d.dueAt == calendar.ProvisionalAppointment(d.submittedAt, p.ProcedureById(d.procedureId))),
                       d.code);
        }
        // A pause is open exactly while the clock is stopped.
        const auto open =
            std::count_if(d.pauses.begin(), d.pauses.end(), [](const PauseInterval& x) { return !x.end; });
        const bool stopped = d.status == NationalStatus::SupplementRequested || d.status == NationalStatus::FeesDue;
        BOOST_TEST(open == (stopped ? 1 : 0), d.code);
        for (const auto& pause : d.pauses) {
            BOOST_TEST((!pause.end || *pause.end >= pause.start), d.code);
        }
    }
}

BOOST_AUTO_TEST_CASE(history_walks_the_transition_table)
{
    const DemoProvince& p = StandardProvince();
    for (std::size_t i = 0; i < p.dossiers.size(); ++i) {
        const Dossier& d = p.dossiers[i];
        const auto& events = p.history[i];
        BOOST_TEST((events.front().action == Action::Submit));
        BOOST_TEST((events.front().from == kBeforeSubmit));
        for (std::size_t k = 0; k < events.size(); ++k) {
            const HistoryEvent& e = events[k];
            const Transition* t = FindTransition(e.from, e.action, e.role);
            BOOST_REQUIRE_MESSAGE(t != nullptr, d.code << " step " << k << " " << ToString(e.action));
            BOOST_TEST((t->to == e.to), d.code);
            if (k > 0) {
                BOOST_TEST((events[k - 1].to == e.from), d.code);
            }
            // The citizen and the server's own job act without a staff account, and the server names no one on a
            // submission (as CreateDossier stores it); staff act where the dossier is.
            const std::string step = d.code + " step " + std::to_string(k) + " " + ToString(e.action);
            const bool named = e.role != Role::Citizen && e.role != Role::System && e.action != Action::Submit;
            BOOST_TEST(e.staffId.has_value() == named, step);
            if (e.staffId) {
                const DemoStaff& s = p.staff.at(static_cast<std::size_t>(*e.staffId - 1));
                BOOST_TEST((s.role == e.role), step);
                BOOST_TEST((s.agencyId == e.fromAgencyId), step);
            }
            if (e.toStaffId) {
                BOOST_TEST((p.staff.at(static_cast<std::size_t>(*e.toStaffId - 1)).role == Role::Handler), step);
            }
        }
        BOOST_TEST((events.back().to == WorkflowState{d.status, d.subState}), d.code);
        BOOST_TEST(d.version == static_cast<int>(events.size()), d.code);
        BOOST_TEST((d.assignedStaffId == events.back().toStaffId), d.code);
        const HistoryEvent& last = events.back();  // an open question leaves the dossier with the lead
        BOOST_TEST((d.handlingAgencyId == (last.action == Action::Consult ? last.fromAgencyId : last.toAgencyId)),
                   d.code);
    }
}

BOOST_AUTO_TEST_CASE(the_demo_clerk_has_a_good_inbox_and_some_dossiers_are_overdue)
{
    const DemoProvince& p = StandardProvince();
    int open = 0;
    int awaitingIntake = 0;
    int overdue = 0;
    int openWithDue = 0;
    for (const Dossier& d : p.dossiers) {
        if (!IsOpen(d.status)) {
            continue;
        }
        if (d.receivedAt && d.dueAt && d.status != NationalStatus::ResultReady) {
            ++openWithDue;
            overdue += *d.dueAt < kStandardNow ? 1 : 0;
        }
        if (d.handlingAgencyId == p.demoAgencyId) {
            ++open;
            awaitingIntake += d.status == NationalStatus::New ? 1 : 0;
        }
    }
    BOOST_TEST(open >= 40);
    BOOST_TEST(open <= 80);
    BOOST_TEST(awaitingIntake >= 10);
    BOOST_TEST(awaitingIntake <= 25);
    BOOST_TEST(overdue > 0);
    BOOST_TEST(overdue * 4 < openWithDue);  // late is the exception
}

BOOST_AUTO_TEST_CASE(bad_options_are_refused)
{
    try {
        GenerateProvince(ProvinceOptions{-1, 1, kStandardNow}, ShippedCalendar());
        BOOST_ERROR("a negative count was accepted");
    } catch (const Error& e) {
        BOOST_TEST((e.Category() == ErrorCategory::BadInput));
        BOOST_TEST(e.Field() == "dossiers");
    }
    BOOST_CHECK_THROW(GenerateProvince(ProvinceOptions{10, 1, Instant{}}, ShippedCalendar()), Error);
    BOOST_TEST(GenerateProvince(ProvinceOptions{0, 1, kStandardNow}, ShippedCalendar()).dossiers.empty());
}

BOOST_AUTO_TEST_CASE(ascii_folding_for_usernames)
{
    BOOST_TEST(AsciiFold("Nguyễn Văn Ánh, Đặng Thị Hường") == "Nguyen Van Anh, Dang Thi Huong");
    BOOST_TEST(Slug("Phường Phố Hiến") == "phuongphohien");
    BOOST_TEST(Slug("Xã Ái Quốc") == "xaaiquoc");
    BOOST_TEST(Slug("ỲỴỶỸ ỳỵỷỹ") == "yyyyyyyy");
}

BOOST_AUTO_TEST_SUITE_END()
