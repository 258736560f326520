#include "reports/receipt_form.h"

#include <optional>

#include "model/error.h"
#include "reports/form_layout.h"
#include "reports/form_wording.h"
#include "reports/qr_code.h"
#include "reports/unicode_text.h"

namespace motcua::reports {
namespace {

Date Validate(const ReceiptForm& form)
{
    RequireText(form.dossierCode, N_("The dossier code is required"), "dossierCode");
    RequireText(form.applicantName, N_("The applicant's name is required"), "applicantName");
    RequireText(form.receivingUnit, N_("The receiving unit is required"), "receivingUnit");
    const Date date = RequireFormDate(form.issueDate, "issueDate");
    if (form.numberOfSets < 1)
        ThrowBadInput(N_("The number of sets must be at least 1"), "numberOfSets");
    if (form.documents.empty())
        ThrowBadInput(N_("A receipt must list at least one submitted document"), "documents");
    for (std::size_t i = 0; i < form.documents.size(); ++i) {
        const std::string field = "documents[" + std::to_string(i) + "]";
        RequireText(form.documents[i].name, N_("Every submitted document needs a name"), field + ".name");
        if (form.documents[i].count < 1)
            ThrowBadInput(N_("The number of copies of a document must be at least 1"), field + ".count");
    }
    return date;
}

void DrawDocuments(PdfDocument& pdf, const ReceiptForm& form)
{
    const double number = 34;
    const double kind = 132;
    const double count = 58;
    const std::vector<TableColumn> columns{
        {"STT", number, Align::Center},
        {"Tên giấy tờ", pdf.Width() - number - kind - count, Align::Left},
        {"Hình thức (bản chính, bản sao hoặc bản chụp)", kind, Align::Center},
        {"Số lượng", count, Align::Center},
    };
    std::vector<std::vector<std::string>> rows;
    for (std::size_t i = 0; i < form.documents.size(); ++i) {
        const ReceiptDocumentLine& document = form.documents[i];
        rows.push_back({std::to_string(i + 1), std::string(Trim(document.name)), std::string(Trim(document.form)),
                        TwoDigits(document.count)});
    }
    pdf.Table(columns, rows, {kTableSize});
}

}  // namespace

std::vector<std::uint8_t> RenderReceipt(const ReceiptForm& form, SignaturePlace* signaturePlace)
{
    const Date date = Validate(form);
    std::optional<QrCode> qr;
    if (!Trim(form.lookupUrl).empty())
        qr = QrCode::Encode(std::string(Trim(form.lookupUrl)));

    PdfDocument pdf;
    DrawHeadingBlock(pdf, {.provinceName = form.provinceName,
                           .agencyName = form.receivingUnit,
                           .referenceLabel = "Mã hồ sơ: ",
                           .reference = form.dossierCode,
                           .place = form.place,
                           .date = date});
    DrawTitle(pdf, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ");

    pdf.Paragraph({{std::string(Trim(form.receivingUnit)) + " tiếp nhận hồ sơ của:"}},
                  {.size = kBodySize, .spaceAfter = kItemSpace});
    Labelled(pdf, "Ông/Bà: ", form.applicantName, FontFace::Bold);
    Labelled(pdf, "Địa chỉ: ", form.applicantAddress);
    ContactLine(pdf, form.applicantPhone, form.applicantEmail);
    Labelled(pdf, "Nội dung yêu cầu giải quyết: ", form.request);

    pdf.Paragraph({{"1. Thành phần hồ sơ nộp gồm:"}}, {.size = kBodySize, .spaceAfter = 4});
    DrawDocuments(pdf, form);
    pdf.MoveDown(8);

    Labelled(pdf, "2. Số lượng hồ sơ: ", TwoDigits(form.numberOfSets) + " bộ");
    Labelled(pdf, "3. Thời gian giải quyết hồ sơ theo quy định: ", form.legalProcessingTime);
    Labelled(pdf, "4. Thời gian nhận hồ sơ: ", form.receivedAt);
    Labelled(pdf, "5. Thời gian trả kết quả giải quyết hồ sơ: ", form.dueAt, FontFace::Bold);
    Labelled(pdf, "6. Đăng ký nhận kết quả tại: ", form.collectAt);
    Labelled(pdf, "7. Phí, lệ phí: ", form.fees);
    pdf.Paragraph({{"Vào Sổ theo dõi hồ sơ, Quyển số: "},
                   {OrBlank(form.registerBook)},
                   {", Số thứ tự: "},
                   {OrBlank(form.registerNumber)}},
                  {kBodySize});

    // The middle is free on the paper form too (the seal goes over the officer's signature).
    DrawSignatures(pdf, {.left = FormSignature{.title = "NGƯỜI NỘP HỒ SƠ", .name = form.applicantName},
                         .right = FormSignature{.title = "NGƯỜI TIẾP NHẬN HỒ SƠ", .name = form.receivingOfficer},
                         .qr = qr ? &*qr : nullptr});
    NumberPages(pdf, "Mã hồ sơ: " + std::string(Trim(form.dossierCode)) + " - ");
    if (signaturePlace)
        *signaturePlace = pdf.SignaturePlaceMarked();
    return pdf.Save();
}

}  // namespace motcua::reports
