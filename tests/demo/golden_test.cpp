// The generated province stated literally: a change to the catalogue table or to the generator's draws shows here.
#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "demo/demo_catalogue.h"
#include "demo/demo_province.h"
#include "model/agency.h"
#include "model/error.h"
#include "model/time.h"
#include "tests/demo/standard_province.h"

using namespace motcua;
using namespace motcua::demo;
using namespace motcua::demo::test;
using namespace std::chrono;

namespace {

struct DocumentCase {
    std::string name;
    DocumentForm form;
    int count;
    bool mandatory;
};

void CheckDocuments(const Procedure& p, const std::vector<DocumentCase>& expected)
{
    BOOST_REQUIRE_EQUAL(p.documents.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        BOOST_TEST_CONTEXT("document " << i)
        {
            BOOST_TEST(p.documents[i].name == expected[i].name);
            BOOST_TEST((p.documents[i].form == expected[i].form));
            BOOST_TEST(p.documents[i].count == expected[i].count);
            BOOST_TEST(p.documents[i].mandatory == expected[i].mandatory);
        }
    }
}

struct DossierCase {
    std::size_t index;  // in submission order; kAnywhere: found by its code (its place moves with the others)
    std::string code;
    std::int64_t receivingAgencyId;
    std::int64_t procedureId;
    Channel channel;
    std::string fullName;
    std::string citizenId;
    NationalStatus status;
    std::string submittedAt;
    std::string dueAt;
    std::size_t historySize;
    std::string lastNote;
    std::int64_t handlingAgencyId;
    int registerNumber;       // 0: not received
    std::string intakeDueAt;  // "": not submitted online
};

constexpr std::size_t kAnywhere = static_cast<std::size_t>(-1);

std::size_t PositionOf(const DemoProvince& province, const std::string& code)
{
    for (std::size_t i = 0; i < province.dossiers.size(); ++i) {
        if (province.dossiers[i].code == code) {
            return i;
        }
    }
    BOOST_FAIL("no dossier " << code);
    return 0;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(demo_golden)

BOOST_AUTO_TEST_CASE(the_catalogue_table_reads_back_as_written)
{
    const DemoProvince& province = StandardProvince();
    BOOST_TEST(province.agencies.size() == 121U);
    // 121 agencies × 4 roles, the 5 fixed demo accounts of the ward and the province, 3 of the demo department.
    BOOST_TEST(province.staff.size() == 121U * 4 + 5 + 3);
    BOOST_REQUIRE_EQUAL(province.procedures.size(), 50U);

    const Procedure& first = province.procedures.front();
    BOOST_TEST(first.id == 1);
    BOOST_TEST(first.code == "1.001193");
    BOOST_TEST(first.name == "Đăng ký khai sinh");
    BOOST_TEST(first.sector == "Hộ tịch");
    BOOST_TEST((first.competentLevel == AgencyLevel::Commune));
    BOOST_TEST(first.processingTime == 0);
    BOOST_TEST((first.processingUnit == DurationUnit::WorkingDays));
    BOOST_TEST(first.feeVnd == 0);
    BOOST_TEST(first.resultType == "Giấy khai sinh");
    BOOST_TEST(first.online);
    BOOST_TEST(province.DepartmentOf(first.id) == 0);
    BOOST_TEST(province.procedurePopularity.front() == 10.0);
    CheckDocuments(first, {{"Tờ khai đăng ký khai sinh", DocumentForm::Original, 1, true},
                           {"Giấy chứng sinh", DocumentForm::Original, 1, true},
                           {"Văn bản ủy quyền (trường hợp ủy quyền đăng ký)", DocumentForm::Original, 1, false}});

    const Procedure& last = province.procedures.back();
    BOOST_TEST(last.id == 50);
    BOOST_TEST(last.code == "1.009645");
    BOOST_TEST(last.name == "Chấp thuận chủ trương đầu tư của Ủy ban nhân dân cấp tỉnh");
    BOOST_TEST(last.sector == "Đầu tư tại Việt Nam");
    BOOST_TEST((last.competentLevel == AgencyLevel::Province));
    BOOST_TEST(last.processingTime == 25);
    BOOST_TEST((last.processingUnit == DurationUnit::WorkingDays));
    BOOST_TEST(last.feeVnd == 0);
    BOOST_TEST(last.resultType == "Quyết định chấp thuận chủ trương đầu tư");
    BOOST_TEST(last.online);
    BOOST_TEST(province.DepartmentOf(last.id) == 6);
    BOOST_TEST(province.agencySlugs.at(5) == "sotaichinh");
    BOOST_TEST(province.procedurePopularity.back() == 0.2);
    CheckDocuments(last, {{"Văn bản đề nghị thực hiện dự án đầu tư", DocumentForm::Original, 1, true},
                          {"Đề xuất dự án đầu tư", DocumentForm::Original, 1, true},
                          {"Tài liệu về tư cách pháp lý của nhà đầu tư", DocumentForm::Copy, 1, true}});
}

BOOST_AUTO_TEST_CASE(the_standard_province_has_these_dossiers)
{
    // clang-format off
    const std::vector<DossierCase> cases = {
        // Procedure 26 (10 working days) accepted Tue 25 Aug 08:57: Wed 26, Thu 27, Fri 28 Aug, then 29 Aug – 2 Sep
        // off (National Day 2026 with Mon 31 Aug), Thu 3, Fri 4, Mon 7 – Fri 11 Sep: the 10th ends Fri 11 Sep 08:57.
        // The first dossier of the 90 days opens its commune's register for 2026 (number 1).
        {0, "000.07.44.H41-260825-0001", 91, 26, Channel::InPerson, "Nguyễn Văn Hưng", "034206951187",
         NationalStatus::Returned, "2026-08-25T08:33:00+07:00", "2026-09-11T08:57:00+07:00", 6,
         "Đã trả kết quả cho công dân", 91, 1, ""},
        // Procedure 30 (3 working days) accepted Tue 13 Oct 07:05 (due Fri 16 Oct 07:05); a supplement asked after
        // appraisal came Tue 20 Oct 13:36 and restarted the clock in full: Wed 21, Thu 22, Fri 23 Oct 13:36.
        {kAnywhere, "000.00.05.H41-261013-0001", 6, 30, Channel::InPerson, "Trần Ngọc Huyền", "033197830347",
         NationalStatus::Returned, "2026-10-13T07:01:00+07:00", "2026-10-23T13:36:00+07:00", 8,
         "Đã trả kết quả cho công dân", 6, 22, ""},
        // Online on Fri 27 Nov 09:04: the desk answers within 8 working hours, by Mon 30 Nov 09:04; the provisional
        // appointment is 10 working days on, Fri 11 Dec 09:04.
        {2999, "000.00.06.H41-261127-0001", 7, 33, Channel::Online, "Nguyễn Thu Loan", "033144839839",
         NationalStatus::New, "2026-11-27T09:04:00+07:00", "2026-12-11T09:04:00+07:00", 1, "", 7, 0,
         "2026-11-30T09:04:00+07:00"},
    };
    // clang-format on
    const DemoProvince& province = StandardProvince();
    BOOST_REQUIRE_EQUAL(province.dossiers.size(), 3000U);
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT("dossier " << c.code)
        {
            const std::size_t at = PositionOf(province, c.code);
            BOOST_TEST((c.index == kAnywhere || at == c.index));
            const Dossier& d = province.dossiers.at(at);
            BOOST_TEST(d.code == c.code);
            BOOST_TEST(d.receivingAgencyId == c.receivingAgencyId);
            BOOST_TEST(d.procedureId == c.procedureId);
            BOOST_TEST((d.channel == c.channel));
            BOOST_TEST(d.applicant.fullName == c.fullName);
            BOOST_TEST(d.applicant.citizenId == c.citizenId);
            BOOST_TEST((d.status == c.status));
            BOOST_TEST(FormatIso8601(d.submittedAt) == c.submittedAt);
            BOOST_REQUIRE(d.dueAt.has_value());
            BOOST_TEST(FormatIso8601(*d.dueAt) == c.dueAt);
            const auto& history = province.history.at(at);
            BOOST_REQUIRE_EQUAL(history.size(), c.historySize);
            BOOST_TEST(history.back().note == c.lastNote);
            BOOST_TEST(d.handlingAgencyId == c.handlingAgencyId);
            BOOST_TEST(d.registerNumber.value_or(0) == c.registerNumber);
            BOOST_TEST((d.intakeDueAt ? FormatIso8601(*d.intakeDueAt) : std::string()) == c.intakeDueAt);
            if (d.receivedAt) {
                // The register number independently: the dossiers its agency accepted up to it that year.
                const auto upTo =
                    std::count_if(province.dossiers.begin(), province.dossiers.end(), [&d](const Dossier& o) {
                        return o.receivingAgencyId == d.receivingAgencyId && o.receivedAt &&
                               *o.receivedAt <= *d.receivedAt &&
                               LocalDate(*o.receivedAt).year() == LocalDate(*d.receivedAt).year();
                    });
                BOOST_TEST(upTo == c.registerNumber);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(a_forwarded_dossier_hands_over_and_comes_back)
{
    struct Step {
        Action action;
        std::int64_t from;
        std::int64_t to;
        std::string stageDueAt;  // "": none
    };
    // Bùi Thị Hồng Yến's land dossier (procedure 49, 20 working days, Sở Nông nghiệp và Môi trường = agency 8),
    // taken in by UBND xã Ái Quốc (105) on Tue 15 Sep 07:15. Before 15:00 on a working day, so the desk hands it over
    // the same day, by 17:00. Due 20 working days on: Sep 16–18, 21–25, 28 Sep – 2 Oct, 5–9, 12, 13 Oct → Tue 13 Oct
    // 07:15, the deadline of every later stage. The signed result goes back to the commune's desk.
    // clang-format off
    const std::vector<Step> expected = {
        {Action::Submit,        0,   105, ""},
        {Action::Accept,        105, 105, ""},
        {Action::Forward,       105, 8,   "2026-09-15T17:00:00+07:00"},
        {Action::Claim,         8,   8,   "2026-10-13T07:15:00+07:00"},
        {Action::ProposeResult, 8,   8,   "2026-10-13T07:15:00+07:00"},
        {Action::Approve,       8,   105, "2026-10-13T07:15:00+07:00"},
        {Action::ReturnResult,  105, 105, "2026-10-13T07:15:00+07:00"},
    };
    // clang-format on
    const DemoProvince& province = StandardProvince();
    const std::size_t at = PositionOf(province, "000.03.46.H41-260915-0001");
    const Dossier& d = province.dossiers.at(at);
    BOOST_TEST(d.code == "000.03.46.H41-260915-0001");
    BOOST_TEST(d.applicant.fullName == "Bùi Thị Hồng Yến");
    BOOST_TEST(d.procedureId == 49);
    BOOST_TEST(province.DepartmentOf(49) == 8);
    BOOST_TEST(FormatIso8601(*d.dueAt) == "2026-10-13T07:15:00+07:00");
    BOOST_TEST(FormatIso8601(*d.forwardDueAt) == "2026-09-15T17:00:00+07:00");
    const auto& history = province.history.at(at);
    BOOST_REQUIRE_EQUAL(history.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        BOOST_TEST_CONTEXT("step " << i)
        {
            BOOST_TEST((history[i].action == expected[i].action));
            BOOST_TEST(history[i].fromAgencyId.value_or(0) == expected[i].from);
            BOOST_TEST(history[i].toAgencyId.value_or(0) == expected[i].to);
            BOOST_TEST((history[i].stageDueAt ? FormatIso8601(*history[i].stageDueAt) : std::string()) ==
                       expected[i].stageDueAt);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_fee_request_names_the_amount_with_grouped_digits)
{
    // Hồ Văn Quang Đức's dossier 000.02.40.H41-260826-0001 (procedure 18, fee 100000: a 100.000 đồng fee request on
    // 27 Aug 2026).
    BOOST_TEST(StandardProvince().ProcedureById(18).feeVnd == 100000);
    const auto& history = StandardProvince().history.at(10);
    bool found = false;
    for (const auto& event : history) {
        if (event.action == Action::RequestFees) {
            BOOST_TEST(event.note == "Đề nghị thực hiện nghĩa vụ tài chính: 100.000 đồng");
            found = true;
        }
    }
    BOOST_TEST(found);
}

BOOST_AUTO_TEST_CASE(a_table_line_reads_into_its_fields)
{
    const auto rows = ParseProcedureTable(
        "# comment\r\n\n"
        "procedure\t9.9\tTên\tLĩnh vực\tdepartment\tsotuphap\t7\tcalendar_days\t"
        "1500\tKết quả\tno\t0.25\r\n"
        "document\tĐơn\tcertified_copy\t2\tno\n");
    BOOST_REQUIRE_EQUAL(rows.size(), 1U);
    const Procedure& p = rows[0].procedure;
    BOOST_TEST(p.code == "9.9");
    BOOST_TEST(p.name == "Tên");
    BOOST_TEST(p.sector == "Lĩnh vực");
    BOOST_TEST((p.competentLevel == AgencyLevel::Department));
    BOOST_TEST(rows[0].department == "sotuphap");
    BOOST_TEST(p.processingTime == 7);
    BOOST_TEST((p.processingUnit == DurationUnit::CalendarDays));
    BOOST_TEST(p.feeVnd == 1500);
    BOOST_TEST(p.resultType == "Kết quả");
    BOOST_TEST(!p.online);
    BOOST_TEST(rows[0].popularity == 0.25);
    CheckDocuments(p, {{"Đơn", DocumentForm::CertifiedCopy, 2, false}});
}

BOOST_AUTO_TEST_CASE(a_malformed_table_line_is_refused_with_its_number)
{
    struct BadTable {
        const char* caseName;
        std::string text;
        std::string detail;  // how the error's detail starts
    };
    const std::string good = "procedure\t1\tA\tB\tcommune\t-\t0\tworking_days\t0\tC\tyes\t1\n";
    // clang-format off
    const std::vector<BadTable> cases = {
        {"document first",      "# x\ndocument\tĐơn\toriginal\t1\tyes\n",                "demo_catalogue.tsv:2:"},
        {"too few fields",      good + "procedure\t2\tA\n",                                "demo_catalogue.tsv:2:"},
        {"unknown record",      "proc\t1\n",                                                "demo_catalogue.tsv:1:"},
        {"not a number",        "procedure\t1\tA\tB\tcommune\t-\t5x\tworking_days\t0\tC\tyes\t1\n",
                                "demo_catalogue.tsv:1: not a number: 5x"},
        {"unknown level",       "procedure\t1\tA\tB\tdistrict\t-\t0\tworking_days\t0\tC\tyes\t1\n",
                                "demo_catalogue.tsv:1:"},
        {"unknown form",        good + "document\tĐơn\tphoto\t1\tyes\n",                  "demo_catalogue.tsv:2:"},
        {"yes or no",           good + "document\tĐơn\toriginal\t1\ttrue\n",              "demo_catalogue.tsv:2: expected yes or no"},
    };
    // clang-format on
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.caseName)
        {
            try {
                ParseProcedureTable(c.text);
                BOOST_ERROR("accepted");
            } catch (const Error& e) {
                BOOST_TEST((e.Category() == ErrorCategory::Internal));
                BOOST_TEST(e.Detail().starts_with(c.detail), e.Detail());
            }
        }
    }
    BOOST_TEST(ParseProcedureTable(good).size() == 1U);
}

BOOST_AUTO_TEST_SUITE_END()
