// Form II.06a built from a known KpiSummary and rendered: rows by sector then procedure, subtotals, the total, every
// number read back from the PDF's text and the XLSX's cells; the register as XLSX; bad input.
#include "reports/periodic_report.h"

#include <regex>

#include <boost/test/unit_test.hpp>

#include "model/error.h"
#include "reports/periodic_report_builder.h"
#include "reports/register_book.h"
#include "tests/reports/form_samples.h"
#include "tests/support/report_readback.h"
#include "tests/support/xlsx_reader.h"

using namespace motcua;
using namespace motcua::reports;
using namespace motcua::test;

namespace {

std::vector<ReportLine> Lines(const PeriodicReport& report)
{
    std::vector<ReportLine> lines;
    for (const PeriodicRow& row : report.rows)
        lines.push_back({row.number, row.label, row.figures});
    return lines;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(periodic_report)

BOOST_AUTO_TEST_CASE(rows_go_by_sector_then_procedure_with_subtotals_and_the_engine_s_total)
{
    const KpiSummary summary = SampleKpiSummary();
    const PeriodicReport report = SamplePeriodicReport();
    BOOST_TEST(report.provinceName == "UBND TỈNH NINH BÌNH");
    BOOST_TEST(report.agencyName == "UBND phường Hoa Lư");
    BOOST_TEST(report.period == "Từ ngày 01/10/2026 đến ngày 31/12/2026");
    // clang-format off
    const std::vector<std::tuple<PeriodicRowKind, std::string, std::string>> expected{
        {PeriodicRowKind::Sector, "I", "Hộ tịch"},
        {PeriodicRowKind::Procedure, "1", "Đăng ký kết hôn (1.000656)"},
        {PeriodicRowKind::Procedure, "2", "Đăng ký khai sinh (1.001193)"},
        {PeriodicRowKind::Sector, "II", "Lý lịch tư pháp"},
        {PeriodicRowKind::Procedure, "1", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam (2.000505)"},
        {PeriodicRowKind::Sector, "III", "Lĩnh vực khác"},
        {PeriodicRowKind::Procedure, "1", "Xác nhận tình trạng nhà ở (1.009999)"},
        {PeriodicRowKind::Total, "", "Tổng cộng"},
    };
    // clang-format on
    BOOST_REQUIRE_EQUAL(report.rows.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        BOOST_TEST_CONTEXT("row " << i)
        {
            BOOST_TEST((report.rows[i].kind == std::get<0>(expected[i])));
            BOOST_TEST(report.rows[i].number == std::get<1>(expected[i]));
            BOOST_TEST(report.rows[i].label == std::get<2>(expected[i]));
        }
    }
    BOOST_TEST((report.rows[1].figures == summary.byProcedure.at(12)));
    BOOST_TEST((report.rows[2].figures == summary.byProcedure.at(11)));
    KpiFigures civil = summary.byProcedure.at(11);
    civil += summary.byProcedure.at(12);
    BOOST_TEST((report.rows[0].figures == civil));
    BOOST_TEST((report.rows[3].figures == summary.byProcedure.at(13)));
    BOOST_TEST((report.rows.back().figures == summary.total));
    // The sector rows add up to the total for every column the report shows.
    for (const PeriodicColumn& column : PeriodicColumns()) {
        std::int64_t sum = 0;
        for (const PeriodicRow& row : report.rows)
            if (row.kind == PeriodicRowKind::Sector)
                sum += column.value(row.figures);
        BOOST_TEST(sum == column.value(summary.total), column.group << " / " << column.header);
    }
    BOOST_TEST(PeriodicColumns().size() == 11u);

    // Nothing counted: the total row alone, all zero.
    const PeriodicReport empty = BuildPeriodicReport(SampleAgencies(), 2, Date{}, Date{}, Date{}, {}, {});
    BOOST_REQUIRE_EQUAL(empty.rows.size(), 1u);
    BOOST_TEST(empty.rows[0].figures.Empty());
}

BOOST_AUTO_TEST_CASE(the_pdf_prints_every_number_under_its_heading_on_landscape_pages)
{
    const PeriodicReport report = SamplePeriodicReport();
    const auto pdf = Keep(RenderPeriodicReport(report));
    ExpectPrinted(pdf->file.Path(), {"UBND TỈNH NINH BÌNH", "UBND PHƯỜNG HOA LƯ",
                                     "BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
                                     "Từ ngày 01/10/2026 đến ngày 31/12/2026", "Hoa Lư, ngày 05 tháng 01 năm 2027",
                                     "Số hồ sơ nhận giải quyết", "Số hồ sơ đã giải quyết", "Số hồ sơ đang giải quyết",
                                     "Kỳ trước chuyển qua", "Mới tiếp nhận trực tuyến", "Trước hạn", "Trong hạn"});
    const std::vector<std::string> differences = PdfDifferences(ExtractText(pdf->file.Path(), "-raw"), Lines(report));
    for (const std::string& d : differences)
        BOOST_ERROR(d);
    BOOST_TEST(differences.empty());
    const CommandResult info = Run(*Tool("pdfinfo"), {pdf->file.Path().string()});
    std::smatch size;
    BOOST_TEST_REQUIRE(std::regex_search(info.output, size, std::regex(R"(Page size:\s+([0-9.]+) x ([0-9.]+))")));
    BOOST_TEST(std::stod(size[1]) > std::stod(size[2]), "landscape: " << size[0]);
    ExpectSoundStructure(pdf->file.Path());

    // The read-back can fail: a figure changed after rendering is found.
    std::vector<ReportLine> wrong = Lines(report);
    wrong[2].figures.resolvedLate += 1;
    BOOST_TEST(PdfDifferences(ExtractText(pdf->file.Path(), "-raw"), wrong).size() == 2u);  // late and resolved total
}

BOOST_AUTO_TEST_CASE(many_procedures_run_over_pages_under_the_repeated_two_row_header)
{
    const PeriodicReport report = SampleLongPeriodicReport(120);
    const auto pdf = Keep(RenderPeriodicReport(report));
    BOOST_TEST(ExpectEveryPageHeaded(pdf->file.Path(), "Số hồ sơ đang giải quyết", "") >= 3);
    const std::vector<std::string> differences = PdfDifferences(ExtractText(pdf->file.Path(), "-raw"), Lines(report));
    BOOST_TEST(differences.empty(), differences.size()
                                        << " differences, first: " << (differences.empty() ? "" : differences.front()));
    const std::vector<std::uint8_t> workbook = PeriodicReportWorkbook(report);
    const std::vector<std::string> sheet =
        WorkbookDifferences(ReadXlsxSheet(std::string(workbook.begin(), workbook.end())), Lines(report));
    BOOST_TEST(sheet.empty(), sheet.size() << " differences");
}

BOOST_AUTO_TEST_CASE(the_workbook_holds_the_same_numbers_as_numeric_cells_under_a_frozen_header)
{
    const PeriodicReport report = SamplePeriodicReport();
    const std::vector<std::uint8_t> bytes = PeriodicReportWorkbook(report);
    const std::string workbook(bytes.begin(), bytes.end());
    const XlsxSheet sheet = ReadXlsxSheet(workbook);
    const std::vector<std::string> differences = WorkbookDifferences(sheet, Lines(report));
    for (const std::string& d : differences)
        BOOST_ERROR(d);
    BOOST_TEST(differences.empty());
    BOOST_TEST(sheet.at({1, 0}).text == "BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH");
    BOOST_TEST(sheet.at({2, 0}).text == "Từ ngày 01/10/2026 đến ngày 31/12/2026");
    BOOST_TEST(sheet.at({4, 2}).text == "Số hồ sơ nhận giải quyết");
    BOOST_TEST(sheet.at({4, 6}).text == "Số hồ sơ đã giải quyết");
    BOOST_TEST(sheet.at({4, 10}).text == "Số hồ sơ đang giải quyết");
    BOOST_TEST(sheet.at({5, 3}).text == "Kỳ trước chuyển qua");
    BOOST_TEST(FindRow(sheet, 1, "Tổng cộng") == 6 + static_cast<int>(report.rows.size()) - 1);
    // The header rows (and the number and label columns) stay in view.
    BOOST_TEST((ReadXlsxFrozenPane(workbook) == std::pair<int, int>{6, 2}));

    std::vector<ReportLine> wrong = Lines(report);
    wrong.back().figures.pendingOverdue += 1;
    BOOST_TEST(WorkbookDifferences(sheet, wrong).size() == 2u);  // overdue and pending total
}

BOOST_AUTO_TEST_CASE(the_register_as_a_workbook_holds_every_field)
{
    const RegisterBook book = SampleRegisterBook(7);
    const std::vector<std::uint8_t> bytes = RegisterBookWorkbook(book);
    const XlsxSheet sheet = ReadXlsxSheet(std::string(bytes.begin(), bytes.end()));
    BOOST_TEST(sheet.at({1, 0}).text == "SỔ THEO DÕI HỒ SƠ - Năm 2026");
    BOOST_TEST(sheet.at({2, 0}).text == "Quyển số: 01/2026");
    BOOST_TEST(sheet.at({4, 1}).text == "Mã hồ sơ");
    BOOST_TEST(sheet.at({4, 9}).text == "Ngày, giờ nhận kết quả từ cơ quan giải quyết");
    for (std::size_t i = 0; i < book.rows.size(); ++i) {
        const RegisterRow& r = book.rows[i];
        const int row = 5 + static_cast<int>(i);
        BOOST_TEST_CONTEXT("row " << row)
        {
            BOOST_TEST(sheet.at({row, 0}).number.value_or(-1) == std::stod(r.number));
            BOOST_TEST(sheet.at({row, 3}).number.value_or(-1) == std::stod(r.sets));
            const std::vector<std::string> texts{
                r.dossierCode,    r.content,          r.applicantName, r.applicantAddress,
                r.applicantPhone, r.receivedAt,       r.dueAt,         r.resultBackAt,
                r.returnedAt,     r.receivingOfficer, r.note};
            const std::vector<int> columns{1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12};
            for (std::size_t c = 0; c < texts.size(); ++c) {
                const auto cell = sheet.find({row, columns[c]});
                BOOST_TEST((cell == sheet.end() ? std::string() : cell->second.text) == texts[c],
                           "column " << columns[c]);
            }
        }
    }
    BOOST_TEST(sheet.count({5 + static_cast<int>(book.rows.size()), 0}) == 0u);
    BOOST_TEST((ReadXlsxFrozenPane(std::string(bytes.begin(), bytes.end())) == std::pair<int, int>{5, 2}));
}

BOOST_AUTO_TEST_CASE(refuses_a_reversed_period_a_blank_agency_or_a_procedure_missing_from_the_catalogue)
{
    const Date first{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{2}};
    const Date last{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{1}};
    ExpectBadInput([&] { BuildPeriodicReport(SampleAgencies(), 3, first, last, last, {}, {}); }, "to");
    PeriodicReport blank = SamplePeriodicReport();
    blank.agencyName = " ";
    ExpectBadInput([&] { RenderPeriodicReport(blank); }, "agencyName");
    ExpectBadInput([&] { PeriodicReportWorkbook(blank); }, "agencyName");
    RegisterBook book = SampleRegisterBook(1);
    book.year.clear();
    ExpectBadInput([&] { RegisterBookWorkbook(book); }, "year");
    std::vector<Procedure> partial = SampleCatalogue();
    partial.erase(partial.begin());
    BOOST_CHECK_EXCEPTION(BuildPeriodicReport(SampleAgencies(), 3, last, last, last, SampleKpiSummary(), partial),
                          Error, [](const Error& e) { return e.Category() == ErrorCategory::Internal; });
    BOOST_CHECK_EXCEPTION(BuildPeriodicReport(SampleAgencies(), 99, last, last, last, {}, {}), Error,
                          [](const Error& e) { return e.Category() == ErrorCategory::NotFound; });
}

BOOST_AUTO_TEST_SUITE_END()
