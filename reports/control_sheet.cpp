#include "reports/control_sheet.h"

#include "model/error.h"
#include "reports/form_layout.h"
#include "reports/form_wording.h"
#include "reports/unicode_text.h"

namespace motcua::reports {

std::vector<std::uint8_t> RenderControlSheet(const ControlSheet& sheet)
{
    RequireText(sheet.agencyName, N_("The receiving unit is required"), "agencyName");
    RequireText(sheet.dossierCode, N_("The dossier code is required"), "dossierCode");
    RequireText(sheet.applicantName, N_("The applicant's name is required"), "applicantName");

    PdfDocument pdf;
    DrawHeadingBlock(pdf, {.provinceName = sheet.provinceName,
                           .agencyName = sheet.agencyName,
                           .referenceLabel = "Mã hồ sơ: ",
                           .reference = sheet.dossierCode});
    DrawTitle(pdf, "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ");
    Labelled(pdf, "Người nộp hồ sơ: ", sheet.applicantName, FontFace::Bold);
    Labelled(pdf, "Địa chỉ: ", sheet.applicantAddress);
    Labelled(pdf, "Nội dung yêu cầu giải quyết: ", sheet.request);
    Labelled(pdf, "Thời gian nhận hồ sơ: ", sheet.receivedAt);
    Labelled(pdf, "Thời gian trả kết quả giải quyết hồ sơ: ", sheet.dueAt, FontFace::Bold);
    Labelled(pdf, "Cơ quan giải quyết hồ sơ: ", sheet.handlingAgency);
    Labelled(pdf, "Cơ quan phối hợp giải quyết hồ sơ: ", sheet.cooperatingAgencies);
    pdf.MoveDown(6);

    const double number = 30;
    const double party = 112;
    const double time = 70;
    const double outcome = 66;
    std::vector<std::vector<std::string>> rows;
    for (std::size_t i = 0; i < sheet.rows.size(); ++i) {
        const ControlSheetRow& row = sheet.rows[i];
        rows.push_back({std::to_string(i + 1), std::string(Trim(row.from)), std::string(Trim(row.to)),
                        std::string(Trim(row.handedOverAt)), std::string(Trim(row.outcome)),
                        std::string(Trim(row.note))});
    }
    pdf.Table({{"STT", number, Align::Center},
               {"Bên giao", party, Align::Left},
               {"Bên nhận", party, Align::Left},
               {"Thời gian giao, nhận", time, Align::Center},
               {"Kết quả (trước hạn, đúng hạn, quá hạn)", outcome, Align::Center},
               {"Ghi chú", pdf.Width() - number - 2 * party - time - outcome, Align::Left}},
              rows, {kTableSize - 1});
    NumberPages(pdf, "Mã hồ sơ: " + std::string(Trim(sheet.dossierCode)) + " - ");
    return pdf.Save();
}

}  // namespace motcua::reports
