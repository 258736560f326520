#include "reports/notice_forms.h"

#include "model/error.h"
#include "reports/form_layout.h"
#include "reports/form_wording.h"
#include "reports/unicode_text.h"

namespace motcua::reports {
namespace {

const ParagraphStyle kProse{.size = kBodySize, .spaceAfter = 6};

Date ValidateHeader(const NoticeHeader& header)
{
    RequireText(header.agencyName, N_("The issuing agency is required"), "header.agencyName");
    RequireText(header.dossierCode, N_("The dossier code is required"), "header.dossierCode");
    RequireText(header.applicantName, N_("The applicant's name is required"), "header.applicantName");
    return RequireFormDate(header.issueDate, "header.issueDate");
}

std::string Text(const std::string& value)
{
    return std::string(Trim(value));
}

// The heading with the notice's number, the title, then the addressee and the dossier.
void DrawTop(PdfDocument& pdf, const NoticeHeader& header, const Date& date, const std::string& title,
             const std::string& subtitle, const std::string& intro, const std::string& nameLabel)
{
    DrawHeadingBlock(pdf, {.provinceName = header.provinceName,
                           .agencyName = header.agencyName,
                           .referenceLabel = "Số: ",
                           .reference = OrBlank(header.number),
                           .place = header.place,
                           .date = date});
    DrawTitle(pdf, title, subtitle);
    if (!Trim(intro).empty())
        pdf.Paragraph({{Text(intro)}}, {.size = kBodySize, .spaceAfter = kItemSpace});
    Labelled(pdf, nameLabel, header.applicantName, FontFace::Bold);
    Labelled(pdf, "Địa chỉ: ", header.applicantAddress);
    ContactLine(pdf, header.applicantPhone, header.applicantEmail);
    Labelled(pdf, "Nội dung yêu cầu giải quyết: ", header.request);
    Labelled(pdf, "Mã hồ sơ: ", header.dossierCode, FontFace::Bold);
    pdf.MoveDown(6);
}

void DrawGuidance(PdfDocument& pdf, const std::string& lead, const std::string& officer, const std::string& phone)
{
    pdf.Paragraph({{lead},
                   {OrBlank(officer), FontFace::Bold},
                   {", số điện thoại "},
                   {OrBlank(phone), FontFace::Bold},
                   {" để được hướng dẫn."}},
                  kProse);
}

std::vector<std::uint8_t> Finish(PdfDocument& pdf, const NoticeHeader& header, const SignatureRow& signatures,
                                 SignaturePlace* signaturePlace)
{
    DrawSignatures(pdf, signatures);
    NumberPages(pdf, "Mã hồ sơ: " + Text(header.dossierCode) + " - ");
    if (signaturePlace)
        *signaturePlace = pdf.SignaturePlaceMarked();
    return pdf.Save();
}

}  // namespace

std::vector<std::uint8_t> RenderSupplementRequest(const SupplementRequestForm& form, SignaturePlace* signaturePlace)
{
    const Date date = ValidateHeader(form.header);
    if (form.documents.empty())
        ThrowBadInput(N_("A supplement request must list at least one document"), "documents");
    for (std::size_t i = 0; i < form.documents.size(); ++i)
        RequireText(form.documents[i].name, N_("Every document to add needs a name"),
                    "documents[" + std::to_string(i) + "].name");

    PdfDocument pdf;
    DrawTop(pdf, form.header, date, "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", {},
            Text(form.header.agencyName) + " đã nhận hồ sơ của:", "Ông/Bà: ");
    pdf.Paragraph({{"Đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:"}},
                  {.size = kBodySize, .spaceAfter = 4});
    const double number = 34;
    const double kind = 150;
    std::vector<std::vector<std::string>> rows;
    for (std::size_t i = 0; i < form.documents.size(); ++i)
        rows.push_back({std::to_string(i + 1), Text(form.documents[i].name), Text(form.documents[i].form)});
    pdf.Table({{"STT", number, Align::Center},
               {"Tên giấy tờ cần bổ sung, hoàn thiện", pdf.Width() - number - kind, Align::Left},
               {"Hình thức (bản chính, bản sao hoặc bản chụp)", kind, Align::Center}},
              rows, {kTableSize});
    pdf.MoveDown(8);
    Labelled(pdf, "Lý do: ", form.reason);
    DrawGuidance(pdf, "Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với ",
                 form.contactOfficer, form.contactPhone);
    return Finish(pdf, form.header, {.right = form.signer}, signaturePlace);
}

std::vector<std::uint8_t> RenderRefusal(const RefusalForm& form, SignaturePlace* signaturePlace)
{
    const Date date = ValidateHeader(form.header);
    RequireText(form.title, N_("The refusal needs its title"), "title");
    RequireText(form.reason, N_("A refusal must give its reasons"), "reason");

    PdfDocument pdf;
    DrawTop(pdf, form.header, date, Text(form.title), {}, form.intro, "Ông/Bà: ");
    pdf.Paragraph({{Text(form.decision)}}, {.size = kBodySize, .spaceAfter = kItemSpace});
    pdf.Paragraph({{Text(form.reason), FontFace::Bold}}, {.size = kBodySize, .indent = 14, .spaceAfter = 6});
    DrawGuidance(pdf, "Mọi vướng mắc, Ông/Bà liên hệ với ", form.contactOfficer, form.contactPhone);
    pdf.Paragraph({{"Xin thông báo để Ông/Bà được biết và thực hiện./."}}, kProse);
    return Finish(pdf, form.header, {.right = form.signer}, signaturePlace);
}

std::vector<std::uint8_t> RenderApology(const ApologyForm& form, SignaturePlace* signaturePlace)
{
    const Date date = ValidateHeader(form.header);
    RequireText(form.reason, N_("The apology must give the reason for the delay"), "reason");
    RequireText(form.newDue, N_("The apology must give the new time to return the result"), "newDue");
    const std::string agency = OrBlank(form.responsibleAgency);

    PdfDocument pdf;
    DrawTop(pdf, form.header, date, "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", {}, {}, "Kính gửi: Ông/Bà ");
    pdf.Paragraph(
        {{"Hồ sơ nêu trên được tiếp nhận vào " + OrBlank(form.receivedDate) + ", hẹn trả kết quả giải quyết vào "},
         {OrBlank(form.originalDue), FontFace::Bold},
         {"."}},
        kProse);
    pdf.Paragraph({{"Tuy nhiên đến nay, " + agency +
                    " chưa trả kết quả giải quyết hồ sơ của Ông/Bà. Lý do: " + Text(form.reason)}},
                  kProse);
    pdf.Paragraph({{"Sự chậm trễ này đã gây phiền hà, tốn kém chi phí, công sức của Ông/Bà. " + agency +
                    " trân trọng xin lỗi Ông/Bà và hẹn lại thời gian trả kết quả vào "},
                   {Text(form.newDue), FontFace::Bold},
                   {", tại " + OrBlank(form.returnPlace) + "."}},
                  kProse);
    pdf.Paragraph({{"Xin trân trọng cảm ơn sự hợp tác của Ông/Bà!"}}, kProse);
    return Finish(pdf, form.header, {.right = form.signer, .recipients = form.recipients}, signaturePlace);
}

std::vector<std::uint8_t> RenderStopNotice(const StopNoticeForm& form, SignaturePlace* signaturePlace)
{
    const Date date = ValidateHeader(form.header);
    RequireText(form.reason, N_("A notice of stopping must give its legal ground or reason"), "reason");

    PdfDocument pdf;
    DrawTop(pdf, form.header, date, "THÔNG BÁO", "Về việc dừng xử lý hồ sơ", {}, "Kính gửi: Ông/Bà ");
    pdf.Paragraph({{"Hồ sơ nêu trên được tiếp nhận vào " + OrBlank(form.receivedDate) + "."}}, kProse);
    pdf.Paragraph({{Text(form.header.agencyName) + " thông báo dừng xử lý hồ sơ nêu trên. Căn cứ và lý do: "},
                   {Text(form.reason), FontFace::Bold}},
                  kProse);
    pdf.Paragraph({{"Xin thông báo để Ông/Bà được biết./."}}, kProse);
    return Finish(pdf, form.header, {.right = form.signer, .recipients = form.recipients}, signaturePlace);
}

}  // namespace motcua::reports
