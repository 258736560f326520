#include "reports/periodic_report.h"

#include "model/error.h"
#include "reports/form_layout.h"
#include "reports/form_wording.h"
#include "reports/spreadsheet_writer.h"
#include "reports/unicode_text.h"

namespace motcua::reports {
namespace {

constexpr const char* kTitle = "BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH";
constexpr const char* kNumberHeader = "STT";
constexpr const char* kLabelHeader = "Lĩnh vực, thủ tục hành chính";
constexpr double kReportSize = 8.5;
constexpr double kMargin = 12 * PdfDocument::kPointsPerMillimetre;

void Validate(const PeriodicReport& report)
{
    RequireText(report.agencyName, N_("The agency of the report is required"), "agencyName");
    RequireText(report.period, N_("The report's period is required"), "period");
}

bool Emphasised(PeriodicRowKind kind) noexcept
{
    return kind != PeriodicRowKind::Procedure;
}

}  // namespace

const std::vector<PeriodicColumn>& PeriodicColumns()
{
    static const char* const kReceived = "Số hồ sơ nhận giải quyết";
    static const char* const kResolved = "Số hồ sơ đã giải quyết";
    static const char* const kPending = "Số hồ sơ đang giải quyết";
    // clang-format off
    static const std::vector<PeriodicColumn> kColumns{
        {kReceived, "Tổng số", [](const KpiFigures& f) { return f.Received(); }},
        {kReceived, "Kỳ trước chuyển qua", [](const KpiFigures& f) { return f.receivedCarriedOver; }},
        {kReceived, "Mới tiếp nhận trực tuyến", [](const KpiFigures& f) { return f.receivedOnline; }},
        {kReceived, "Mới tiếp nhận trực tiếp, bưu chính", [](const KpiFigures& f) { return f.receivedInPerson; }},
        {kResolved, "Tổng số", [](const KpiFigures& f) { return f.Resolved(); }},
        {kResolved, "Trước hạn", [](const KpiFigures& f) { return f.resolvedEarly; }},
        {kResolved, "Đúng hạn", [](const KpiFigures& f) { return f.resolvedOnTime; }},
        {kResolved, "Quá hạn", [](const KpiFigures& f) { return f.resolvedLate; }},
        {kPending, "Tổng số", [](const KpiFigures& f) { return f.Pending(); }},
        {kPending, "Trong hạn", [](const KpiFigures& f) { return f.pendingWithinDeadline; }},
        {kPending, "Quá hạn", [](const KpiFigures& f) { return f.pendingOverdue; }},
    };
    // clang-format on
    return kColumns;
}

std::vector<std::uint8_t> RenderPeriodicReport(const PeriodicReport& report)
{
    Validate(report);
    PdfDocument pdf(kMargin, PageOrientation::Landscape);
    DrawHeadingBlock(pdf, {.provinceName = report.provinceName,
                           .agencyName = report.agencyName,
                           .place = report.place,
                           .date = report.issuedOn});
    DrawTitle(pdf, kTitle, std::string(Trim(report.period)));

    // 770 points of landscape content: the label takes what eleven count columns of 50 leave.
    std::vector<TableColumn> columns{{kNumberHeader, 28, Align::Center}, {kLabelHeader, 192, Align::Left}};
    for (const PeriodicColumn& column : PeriodicColumns())
        columns.push_back({column.header, 50, Align::Right, column.group});
    std::vector<std::vector<std::string>> rows;
    std::vector<bool> bold;
    rows.reserve(report.rows.size());
    for (const PeriodicRow& row : report.rows) {
        std::vector<std::string> cells{row.number, row.label};
        for (const PeriodicColumn& column : PeriodicColumns())
            cells.push_back(std::to_string(column.value(row.figures)));
        rows.push_back(std::move(cells));
        bold.push_back(Emphasised(row.kind));
    }
    pdf.Table(columns, rows, {.size = kReportSize, .padding = 3}, bold);
    NumberPages(pdf, "");
    return pdf.Save();
}

std::vector<std::uint8_t> PeriodicReportWorkbook(const PeriodicReport& report)
{
    Validate(report);
    SpreadsheetWriter sheet("Báo cáo");
    const auto& counts = PeriodicColumns();
    const int lastColumn = 1 + static_cast<int>(counts.size());
    sheet.Text(0, 0, ToUpper(Trim(report.provinceName)) + " - " + std::string(Trim(report.agencyName)),
               CellStyle::Caption);
    sheet.Text(1, 0, kTitle, CellStyle::Title);
    sheet.Text(2, 0, std::string(Trim(report.period)), CellStyle::Caption);

    // Two header rows: the groups over their columns, the number and label columns merged down both.
    constexpr int kGroupRow = 4;
    constexpr int kHeaderRow = 5;
    sheet.Merge(kGroupRow, 0, kHeaderRow, 0, kNumberHeader, CellStyle::Header);
    sheet.Merge(kGroupRow, 1, kHeaderRow, 1, kLabelHeader, CellStyle::Header);
    // A group's heading is merged over its run of adjacent columns.
    std::size_t runStart = 0;
    for (std::size_t c = 0; c < counts.size(); ++c) {
        sheet.Text(kHeaderRow, 2 + static_cast<int>(c), counts[c].header, CellStyle::Header);
        const bool runEnds = c + 1 == counts.size() || std::string(counts[c + 1].group) != counts[c].group;
        if (runEnds) {
            sheet.Merge(kGroupRow, 2 + static_cast<int>(runStart), kGroupRow, 2 + static_cast<int>(c), counts[c].group,
                        CellStyle::Header);
            runStart = c + 1;
        }
    }

    int r = kHeaderRow + 1;
    for (const PeriodicRow& row : report.rows) {
        const bool bold = Emphasised(row.kind);
        sheet.Text(r, 0, row.number, bold ? CellStyle::BoldText : CellStyle::Text);
        sheet.Text(r, 1, row.label, bold ? CellStyle::BoldText : CellStyle::Text);
        for (std::size_t c = 0; c < counts.size(); ++c)
            sheet.Number(r, 2 + static_cast<int>(c), counts[c].value(row.figures),
                         bold ? CellStyle::BoldNumber : CellStyle::Number);
        ++r;
    }
    sheet.RowHeight(kHeaderRow, 48);  // "Mới tiếp nhận trực tiếp, bưu chính" on three lines
    sheet.ColumnWidth(0, 0, 6);
    sheet.ColumnWidth(1, 1, 48);
    sheet.ColumnWidth(2, lastColumn, 12);
    sheet.FreezeHeader(kHeaderRow + 1, 2);
    return sheet.Save();
}

}  // namespace motcua::reports
