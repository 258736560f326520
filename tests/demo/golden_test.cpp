// The generated province stated literally: a change to the catalogue table or to the generator's draws shows here.
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
    std::size_t index;  // in submission order
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
};

}  // namespace

BOOST_AUTO_TEST_SUITE(demo_golden)

BOOST_AUTO_TEST_CASE(the_catalogue_table_reads_back_as_written)
{
    const DemoProvince& province = StandardProvince();
    BOOST_TEST(province.agencies.size() == 121U);
    BOOST_TEST(province.staff.size() == 489U);
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
        // Procedure 42 (10 working days) accepted Tue 25 Aug 07:12: Wed 26, Thu 27, Fri 28 Aug, then 29 Aug – 2 Sep
        // off (National Day 2026 with Mon 31 Aug), Thu 3, Fri 4, Mon 7 – Fri 11 Sep: the 10th ends Fri 11 Sep 07:12.
        {0, "000.00.17.H41-260825-0001", 18, 42, Channel::InPerson, "Nguyễn Ngọc Oanh", "033182426945",
         NationalStatus::Returned, "2026-08-25T07:01:00+07:00", "2026-09-11T07:12:00+07:00", 6,
         "Đã trả kết quả cho công dân"},
        // Procedure 18 (3 working days) accepted Tue 13 Oct 11:06: Wed 14, Thu 15, Fri 16 Oct 11:06.
        {999, "000.04.48.H41-261013-0001", 119, 18, Channel::Online, "Vũ Thị Hạnh", "034168927356",
         NationalStatus::Returned, "2026-10-13T07:58:00+07:00", "2026-10-16T11:06:00+07:00", 6,
         "Đã trả kết quả cho công dân"},
        {2999, "000.00.17.H41-261127-0009", 18, 42, Channel::Online, "Trần Mai Thủy", "033157697731",
         NationalStatus::New, "2026-11-27T09:09:00+07:00", "2026-12-11T09:09:00+07:00", 1, ""},
    };
    // clang-format on
    const DemoProvince& province = StandardProvince();
    BOOST_REQUIRE_EQUAL(province.dossiers.size(), 3000U);
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT("dossier " << c.index)
        {
            const Dossier& d = province.dossiers.at(c.index);
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
            const auto& history = province.history.at(c.index);
            BOOST_REQUIRE_EQUAL(history.size(), c.historySize);
            BOOST_TEST(history.back().note == c.lastNote);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_fee_request_names_the_amount_with_grouped_digits)
{
    // Nguyễn Thu Quỳnh's dossier 000.00.01.H41-260914-0002 (a 150.000 đồng fee request on 21 Sep 2026).
    const auto& history = StandardProvince().history.at(329);
    bool found = false;
    for (const auto& event : history) {
        if (event.action == Action::RequestFees) {
            BOOST_TEST(event.note == "Đề nghị thực hiện nghĩa vụ tài chính: 150.000 đồng");
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
