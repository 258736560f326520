#include "reports/register_book.h"

#include "model/error.h"
#include "reports/form_layout.h"
#include "reports/form_wording.h"
#include "reports/unicode_text.h"

namespace motcua::reports {
namespace {

constexpr double kRegisterSize = 7.5;
constexpr double kMargin = 12 * PdfDocument::kPointsPerMillimetre;

}  // namespace

std::vector<std::uint8_t> RenderRegisterBook(const RegisterBook& book)
{
    RequireText(book.agencyName, N_("The agency keeping the register is required"), "agencyName");
    RequireText(book.year, N_("The register's year is required"), "year");
    RequireText(book.bookNumber, N_("The register's book number is required"), "bookNumber");

    PdfDocument pdf(kMargin, PageOrientation::Landscape);
    DrawHeadingBlock(pdf, {.provinceName = book.provinceName,
                           .agencyName = book.agencyName,
                           .referenceLabel = "Quyển số: ",
                           .reference = book.bookNumber});
    DrawTitle(pdf, "SỔ THEO DÕI HỒ SƠ", "Năm " + std::string(Trim(book.year)));

    // Widths in points for the 770 of the landscape content box (Table shrinks them in proportion if need be): a
    // dossier code and a date dd/mm/yyyy each stay on one line at kRegisterSize.
    // clang-format off
    const std::vector<TableColumn> columns{
        {"STT", 24, Align::Center},
        {"Mã hồ sơ", 106, Align::Left},
        {"Nội dung yêu cầu giải quyết", 92, Align::Left},
        {"Số lượng hồ sơ (bộ)", 30, Align::Center},
        {"Tên cá nhân, tổ chức", 66, Align::Left},
        {"Địa chỉ", 84, Align::Left},
        {"Số điện thoại", 54, Align::Center},
        {"Ngày, giờ nhận hồ sơ", 50, Align::Center},
        {"Ngày, giờ hẹn trả kết quả", 50, Align::Center},
        {"Ngày, giờ nhận kết quả từ cơ quan giải quyết", 50, Align::Center},
        {"Ngày, giờ trả kết quả", 50, Align::Center},
        {"Người tiếp nhận", 56, Align::Center},
        {"Ghi chú", 58, Align::Left},
    };
    // clang-format on
    std::vector<std::vector<std::string>> rows;
    rows.reserve(book.rows.size());
    for (const RegisterRow& row : book.rows)
        rows.push_back({row.number, row.dossierCode, row.content, row.sets, row.applicantName, row.applicantAddress,
                        row.applicantPhone, row.receivedAt, row.dueAt, row.resultBackAt, row.returnedAt,
                        row.receivingOfficer, row.note});
    pdf.Table(columns, rows, {.size = kRegisterSize, .padding = 3});
    NumberPages(pdf, "Quyển số " + std::string(Trim(book.bookNumber)) + " - ");
    return pdf.Save();
}

}  // namespace motcua::reports
