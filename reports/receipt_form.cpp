#include "reports/receipt_form.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>
#include <tuple>

#include "model/error.h"
#include "reports/pdf_document.h"
#include "reports/qr_code.h"
#include "reports/unicode_text.h"

namespace motcua::reports {
namespace {

// Sizes in points. Noto Sans is wider than the Times New Roman of the decree's samples, hence 11 rather than 13–14.
constexpr double kBodySize = 11;
constexpr double kHeadingSize = 11;
constexpr double kTitleSize = 13.5;
constexpr double kTableSize = 10.5;
constexpr double kQrSide = 80;
constexpr double kGap = 14;         // between the sections of the form
constexpr double kItemSpace = 2.5;  // between numbered items
constexpr const char* kBlank = "……………";

std::string OrBlank(const std::string& value)
{
    const std::string_view trimmed = Trim(value);
    return trimmed.empty() ? std::string(kBlank) : std::string(trimmed);
}

std::string TwoDigits(int value)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%02d", value);
    return buffer;
}

struct Date {
    int day = 0;
    int month = 0;
    int year = 0;
};

std::optional<Date> ParseDate(std::string_view text)
{
    if (text.size() != 10 || text[2] != '/' || text[5] != '/')
        return std::nullopt;
    auto number = [text](std::size_t at, std::size_t length) -> std::optional<int> {
        int value = 0;
        for (std::size_t i = at; i < at + length; ++i) {
            if (text[i] < '0' || text[i] > '9')
                return std::nullopt;
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    const auto day = number(0, 2);
    const auto month = number(3, 2);
    const auto year = number(6, 4);
    if (!day || !month || !year)
        return std::nullopt;
    const std::chrono::year_month_day date{std::chrono::year{*year}, std::chrono::month{static_cast<unsigned>(*month)},
                                           std::chrono::day{static_cast<unsigned>(*day)}};
    if (!date.ok())
        return std::nullopt;
    return Date{*day, *month, *year};
}

// Decree 30/2020/NĐ-CP: days below 10 and the months January and February are written with a leading zero.
std::string DateInWords(const Date& date)
{
    const std::string day = TwoDigits(date.day);
    const std::string month = date.month <= 2 ? TwoDigits(date.month) : std::to_string(date.month);
    return "ngày " + day + " tháng " + month + " năm " + std::to_string(date.year);
}

void Require(const std::string& value, const char* message, const char* field)
{
    if (Trim(value).empty())
        ThrowBadInput(message, field);
}

Date Validate(const ReceiptForm& form)
{
    Require(form.dossierCode, N_("The dossier code is required"), "dossierCode");
    Require(form.applicantName, N_("The applicant's name is required"), "applicantName");
    Require(form.receivingUnit, N_("The receiving unit is required"), "receivingUnit");
    const auto date = ParseDate(Trim(form.issueDate));
    if (!date)
        ThrowBadInput(N_("The issue date must be a date written dd/mm/yyyy"), "issueDate");
    if (form.numberOfSets < 1)
        ThrowBadInput(N_("The number of sets must be at least 1"), "numberOfSets");
    if (form.documents.empty())
        ThrowBadInput(N_("A receipt must list at least one submitted document"), "documents");
    for (std::size_t i = 0; i < form.documents.size(); ++i) {
        const std::string field = "documents[" + std::to_string(i) + "]";
        if (Trim(form.documents[i].name).empty())
            ThrowBadInput(N_("Every submitted document needs a name"), field + ".name");
        if (form.documents[i].count < 1)
            ThrowBadInput(N_("The number of copies of a document must be at least 1"), field + ".count");
    }
    return *date;
}

// Left: the agency heading; right: the national title and motto; under them the dossier code and the place and date.
void DrawHeadingBlock(PdfDocument& pdf, const ReceiptForm& form, const Date& date)
{
    const double leftWidth = pdf.Width() * 0.44;
    const double rightX = pdf.Left() + leftWidth;
    const double rightWidth = pdf.Right() - rightX;
    const double top = pdf.Cursor();

    double left = top;
    if (!Trim(form.provinceName).empty())
        left -= pdf.DrawHeading({{ToUpper(Trim(form.provinceName)), FontFace::Regular}}, pdf.Left(), left, leftWidth,
                                kHeadingSize);
    left -= pdf.DrawHeading({{ToUpper(Trim(form.receivingUnit)), FontFace::Bold}}, pdf.Left(), left, leftWidth,
                            kHeadingSize);
    const double leftCentre = pdf.Left() + leftWidth / 2;
    pdf.DrawRule(leftCentre - leftWidth / 6, leftCentre + leftWidth / 6, left - 3);

    const std::string nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    const std::string motto = "Độc lập - Tự do - Hạnh phúc";
    double right = top;
    right -= pdf.DrawText({{nation, FontFace::Bold}}, rightX, right, rightWidth,
                          pdf.FitSize(nation, FontFace::Bold, kHeadingSize, rightWidth), Align::Center);
    const double mottoSize = pdf.FitSize(motto, FontFace::Bold, kHeadingSize + 1, rightWidth);
    right -= pdf.DrawText({{motto, FontFace::Bold}}, rightX, right, rightWidth, mottoSize, Align::Center);
    const double mottoWidth = pdf.TextWidth(motto, FontFace::Bold, mottoSize);
    const double rightCentre = rightX + rightWidth / 2;
    pdf.DrawRule(rightCentre - mottoWidth / 2, rightCentre + mottoWidth / 2, right - 3);

    // The code and the date line share a row below the taller of the two blocks.
    const double row = std::min(left, right) - 12;
    const std::string codeLabel = "Mã hồ sơ: ";
    const std::string code(Trim(form.dossierCode));
    // Shrunk to stay on one line, as codes are read aloud and typed in; an absurdly long one wraps at 8 points.
    const double codeSize = std::max(8.0, pdf.FitSize(codeLabel + code, FontFace::Bold, kBodySize, leftWidth));
    const double codeHeight = pdf.DrawText({{codeLabel, FontFace::Regular}, {code, FontFace::Bold}}, pdf.Left(), row,
                                           leftWidth, codeSize, Align::Center);
    std::string dateLine = DateInWords(date);
    if (!Trim(form.place).empty())
        dateLine = std::string(Trim(form.place)) + ", " + dateLine;
    const double dateHeight =
        pdf.DrawText({{dateLine, FontFace::Italic}}, rightX, row, rightWidth, kBodySize, Align::Center);
    pdf.MoveDown(top - row + std::max(codeHeight, dateHeight));
}

void Labelled(PdfDocument& pdf, const std::string& label, const std::string& value,
              FontFace valueFace = FontFace::Regular)
{
    pdf.Paragraph({{label, FontFace::Regular}, {OrBlank(value), valueFace}},
                  {.size = kBodySize, .spaceAfter = kItemSpace});
}

// Phone and email share a line when both fit in half the width, as on the paper form.
void ContactLine(PdfDocument& pdf, const ReceiptForm& form)
{
    const std::vector<TextRun> phone{{"Số điện thoại: ", FontFace::Regular}, {OrBlank(form.applicantPhone)}};
    const std::vector<TextRun> email{{"Email: ", FontFace::Regular}, {OrBlank(form.applicantEmail)}};
    const double half = pdf.Width() / 2;
    const auto phoneLines = pdf.Layout(phone, half - 6, kBodySize);
    const auto emailLines = pdf.Layout(email, half, kBodySize);
    if (phoneLines.size() == 1 && emailLines.size() == 1) {
        pdf.KeepTogether(PdfDocument::LineHeight(kBodySize));
        pdf.DrawLines(phoneLines, pdf.Left(), pdf.Cursor(), half - 6, kBodySize, Align::Left);
        pdf.DrawLines(emailLines, pdf.Left() + half, pdf.Cursor(), half, kBodySize, Align::Left);
        pdf.MoveDown(PdfDocument::LineHeight(kBodySize) + kItemSpace);
        return;
    }
    pdf.Paragraph(phone, {.size = kBodySize, .spaceAfter = kItemSpace});
    pdf.Paragraph(email, {.size = kBodySize, .spaceAfter = kItemSpace});
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

// Applicant's signature on the left, receiving officer's on the right, the QR code between them: one block, kept on
// one page. The middle is free on the paper form too (the seal goes over the officer's signature).
void DrawSignatures(PdfDocument& pdf, const ReceiptForm& form, const std::optional<QrCode>& qr)
{
    const double side = pdf.Width() * 0.38;
    const double middle = pdf.Width() - 2 * side;
    const double lineHeight = PdfDocument::LineHeight(kBodySize);
    const double signingSpace = 64;
    const auto applicant =
        pdf.BalancedLayout({{std::string(Trim(form.applicantName)), FontFace::Bold}}, side, kBodySize);
    const auto officer =
        pdf.BalancedLayout({{std::string(Trim(form.receivingOfficer)), FontFace::Bold}}, side, kBodySize);
    const double namesHeight = static_cast<double>(std::max(officer.size(), applicant.size())) * lineHeight;
    const double signaturesHeight = 2 * lineHeight + signingSpace + namesHeight;
    const double captionSize = 9;
    const double qrHeight = qr ? kQrSide + PdfDocument::LineHeight(captionSize) : 0;
    pdf.KeepTogether(kGap + std::max(signaturesHeight, qrHeight));
    pdf.MoveDown(kGap);

    const double top = pdf.Cursor();
    const double rightX = pdf.Right() - side;
    for (const auto& [x, title, name] : {std::tuple{pdf.Left(), "NGƯỜI NỘP HỒ SƠ", &applicant},
                                         std::tuple{rightX, "NGƯỜI TIẾP NHẬN HỒ SƠ", &officer}}) {
        double y = top;
        y -= pdf.DrawText({{title, FontFace::Bold}}, x, y, side, kBodySize, Align::Center);
        y -= pdf.DrawText({{"(Ký và ghi rõ họ tên)", FontFace::Italic}}, x, y, side, kBodySize, Align::Center);
        pdf.DrawLines(*name, x, y - signingSpace, side, kBodySize, Align::Center);
    }
    if (qr) {
        const double qrX = pdf.Left() + side + (middle - kQrSide) / 2;
        pdf.DrawQrCode(*qr, qrX, top, kQrSide);
        // The quiet zone inside kQrSide already separates the caption from the modules.
        pdf.DrawText({{"Tra cứu hồ sơ", FontFace::Bold}}, pdf.Left() + side, top - kQrSide, middle, captionSize,
                     Align::Center);
    }
    pdf.MoveDown(std::max(signaturesHeight, qrHeight));
}

}  // namespace

std::vector<std::uint8_t> RenderReceipt(const ReceiptForm& form)
{
    const Date date = Validate(form);
    std::optional<QrCode> qr;
    if (!Trim(form.lookupUrl).empty())
        qr = QrCode::Encode(std::string(Trim(form.lookupUrl)));

    PdfDocument pdf;
    DrawHeadingBlock(pdf, form, date);

    pdf.MoveDown(kGap + 8);
    pdf.Paragraph({{"GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", FontFace::Bold}}, {kTitleSize, Align::Center});
    pdf.MoveDown(kGap);

    pdf.Paragraph({{std::string(Trim(form.receivingUnit)) + " tiếp nhận hồ sơ của:"}},
                  {.size = kBodySize, .spaceAfter = kItemSpace});
    Labelled(pdf, "Ông/Bà: ", form.applicantName, FontFace::Bold);
    Labelled(pdf, "Địa chỉ: ", form.applicantAddress);
    ContactLine(pdf, form);
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

    DrawSignatures(pdf, form, qr);

    // Pages of one receipt can be told apart and matched up again if they come loose.
    if (pdf.PageCount() > 1) {
        const std::string code(Trim(form.dossierCode));
        pdf.Footer([&code](int page, int count) {
            return "Mã hồ sơ: " + code + " - Trang " + std::to_string(page) + "/" + std::to_string(count);
        });
    }
    return pdf.Save();
}

}  // namespace motcua::reports
