#include "reports/register_book.h"

#include "model/error.h"
#include "reports/form_layout.h"
#include "reports/form_wording.h"
#include "reports/spreadsheet_writer.h"
#include "reports/unicode_text.h"

namespace motcua::reports {
namespace {

constexpr double kRegisterSize = 7.5;
constexpr double kMargin = 12 * PdfDocument::kPointsPerMillimetre;
constexpr const char* kTitle = "SỔ THEO DÕI HỒ SƠ";

// One column of the book: its header, its width in the PDF (points, for the 770 of the landscape content box; Table
// shrinks them in proportion if need be: a dossier code and a date dd/mm/yyyy each stay on one line at
// kRegisterSize) and in the spreadsheet (characters), and whether the spreadsheet holds it as a number.
struct RegisterColumn {
    const char* header;
    double points;
    Align align;
    double characters;
    bool number;
};

// clang-format off
const std::vector<RegisterColumn> kColumns{
    {"STT", 24, Align::Center, 6, true},
    {"Mã hồ sơ", 106, Align::Left, 26, false},
    {"Nội dung yêu cầu giải quyết", 92, Align::Left, 30, false},
    {"Số lượng hồ sơ (bộ)", 30, Align::Center, 9, true},
    {"Tên cá nhân, tổ chức", 66, Align::Left, 22, false},
    {"Địa chỉ", 84, Align::Left, 28, false},
    {"Số điện thoại", 54, Align::Center, 14, false},
    {"Ngày, giờ nhận hồ sơ", 50, Align::Center, 17, false},
    {"Ngày, giờ hẹn trả kết quả", 50, Align::Center, 17, false},
    {"Ngày, giờ nhận kết quả từ cơ quan giải quyết", 50, Align::Center, 17, false},
    {"Ngày, giờ trả kết quả", 50, Align::Center, 17, false},
    {"Người tiếp nhận", 56, Align::Center, 20, false},
    {"Ghi chú", 58, Align::Left, 20, false},
};
// clang-format on

void Validate(const RegisterBook& book)
{
    RequireText(book.agencyName, N_("The agency keeping the register is required"), "agencyName");
    RequireText(book.year, N_("The register's year is required"), "year");
    RequireText(book.bookNumber, N_("The register's book number is required"), "bookNumber");
}

std::vector<std::string> Cells(const RegisterRow& row)
{
    return {row.number,           row.dossierCode,      row.content,    row.sets,  row.applicantName,
            row.applicantAddress, row.applicantPhone,   row.receivedAt, row.dueAt, row.resultBackAt,
            row.returnedAt,       row.receivingOfficer, row.note};
}

}  // namespace

std::vector<std::uint8_t> RenderRegisterBook(const RegisterBook& book)
{
    Validate(book);
    PdfDocument pdf(kMargin, PageOrientation::Landscape);
    DrawHeadingBlock(pdf, {.provinceName = book.provinceName,
                           .agencyName = book.agencyName,
                           .referenceLabel = "Quyển số: ",
                           .reference = book.bookNumber});
    DrawTitle(pdf, kTitle, "Năm " + std::string(Trim(book.year)));

    std::vector<TableColumn> columns;
    columns.reserve(kColumns.size());
    for (const RegisterColumn& column : kColumns)
        columns.push_back({column.header, column.points, column.align});
    std::vector<std::vector<std::string>> rows;
    rows.reserve(book.rows.size());
    for (const RegisterRow& row : book.rows)
        rows.push_back(Cells(row));
    pdf.Table(columns, rows, {.size = kRegisterSize, .padding = 3});
    NumberPages(pdf, "Quyển số " + std::string(Trim(book.bookNumber)) + " - ");
    return pdf.Save();
}

std::vector<std::uint8_t> RegisterBookWorkbook(const RegisterBook& book)
{
    Validate(book);
    SpreadsheetWriter sheet("Sổ theo dõi " + std::string(Trim(book.year)));
    sheet.Text(0, 0, ToUpper(Trim(book.provinceName)) + " - " + std::string(Trim(book.agencyName)), CellStyle::Caption);
    sheet.Text(1, 0, std::string(kTitle) + " - Năm " + std::string(Trim(book.year)), CellStyle::Title);
    sheet.Text(2, 0, "Quyển số: " + std::string(Trim(book.bookNumber)), CellStyle::Caption);

    constexpr int kHeaderRow = 4;
    for (std::size_t c = 0; c < kColumns.size(); ++c) {
        const int column = static_cast<int>(c);
        sheet.Text(kHeaderRow, column, kColumns[c].header, CellStyle::Header);
        sheet.ColumnWidth(column, column, kColumns[c].characters);
    }
    sheet.RowHeight(kHeaderRow, 48);  // the longest header on three lines
    int r = kHeaderRow + 1;
    for (const RegisterRow& row : book.rows) {
        const std::vector<std::string> cells = Cells(row);
        for (std::size_t c = 0; c < kColumns.size(); ++c) {
            // The builder writes these from whole numbers ("1", "01"); anything else stays the text it is.
            const std::string& text = cells[c];
            const bool digits =
                !text.empty() && text.size() < 19 && text.find_first_not_of("0123456789") == std::string::npos;
            if (kColumns[c].number && digits)
                sheet.Number(r, static_cast<int>(c), std::stoll(text));
            else
                sheet.Text(r, static_cast<int>(c), text);
        }
        ++r;
    }
    sheet.FreezeHeader(kHeaderRow + 1, 2);
    return sheet.Save();
}

}  // namespace motcua::reports
