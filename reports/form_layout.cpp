#include "reports/form_layout.h"

#include <algorithm>
#include <chrono>

#include "model/error.h"
#include "reports/form_wording.h"
#include "reports/qr_code.h"
#include "reports/unicode_text.h"

namespace motcua::reports {
namespace {

constexpr double kQrSide = 80;
constexpr double kQrCaptionSize = 9;
constexpr double kRecipientsSize = 9.5;
constexpr double kSigningSpace = 64;  // room for the hand signature (and the seal) above the name

std::optional<Date> ParseFormDate(std::string_view text)
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
    const Date date{std::chrono::year{*year}, std::chrono::month{static_cast<unsigned>(*month)},
                    std::chrono::day{static_cast<unsigned>(*day)}};
    if (!date.ok())
        return std::nullopt;
    return date;
}

double HeightOf(const std::vector<TextLine>& lines, double size)
{
    return static_cast<double>(lines.size()) * PdfDocument::LineHeight(size);
}

}  // namespace

std::string OrBlank(const std::string& value)
{
    const std::string_view trimmed = Trim(value);
    return trimmed.empty() ? std::string(kBlank) : std::string(trimmed);
}

Date RequireFormDate(const std::string& text, const std::string& field)
{
    const auto date = ParseFormDate(Trim(text));
    if (!date)
        ThrowBadInput(N_("The issue date must be a date written dd/mm/yyyy"), field);
    return *date;
}

void DrawHeadingBlock(PdfDocument& pdf, const HeadingBlock& heading)
{
    const double leftWidth = pdf.Width() * 0.44;
    const double rightX = pdf.Left() + leftWidth;
    const double rightWidth = pdf.Right() - rightX;
    const double top = pdf.Cursor();

    double left = top;
    if (!Trim(heading.provinceName).empty())
        left -= pdf.DrawHeading({{ToUpper(Trim(heading.provinceName)), FontFace::Regular}}, pdf.Left(), left, leftWidth,
                                kHeadingSize);
    left -= pdf.DrawHeading({{ToUpper(Trim(heading.agencyName)), FontFace::Bold}}, pdf.Left(), left, leftWidth,
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

    // The reference and the date line share a row below the taller of the two blocks.
    const double row = std::min(left, right) - 12;
    double referenceHeight = 0;
    if (!heading.referenceLabel.empty() || !Trim(heading.reference).empty()) {
        const std::string reference(Trim(heading.reference));
        // Shrunk to stay on one line, as codes are read aloud and typed in; an absurdly long one wraps at 8 points.
        const double size =
            std::max(8.0, pdf.FitSize(heading.referenceLabel + reference, FontFace::Bold, kBodySize, leftWidth));
        referenceHeight = pdf.DrawText({{heading.referenceLabel, FontFace::Regular}, {reference, FontFace::Bold}},
                                       pdf.Left(), row, leftWidth, size, Align::Center);
    }
    double dateHeight = 0;
    if (heading.date) {
        std::string dateLine = DateInWords(*heading.date);
        if (!Trim(heading.place).empty())
            dateLine = std::string(Trim(heading.place)) + ", " + dateLine;
        dateHeight = pdf.DrawText({{dateLine, FontFace::Italic}}, rightX, row, rightWidth, kBodySize, Align::Center);
    }
    pdf.MoveDown(top - row + std::max(referenceHeight, dateHeight));
}

void DrawTitle(PdfDocument& pdf, const std::string& title, const std::string& subtitle)
{
    pdf.MoveDown(kGap + 8);
    pdf.Paragraph({{title, FontFace::Bold}}, {kTitleSize, Align::Center});
    if (!subtitle.empty())
        pdf.Paragraph({{subtitle, FontFace::Bold}}, {kBodySize, Align::Center});
    pdf.MoveDown(kGap);
}

void Labelled(PdfDocument& pdf, const std::string& label, const std::string& value, FontFace valueFace)
{
    pdf.Paragraph({{label, FontFace::Regular}, {OrBlank(value), valueFace}},
                  {.size = kBodySize, .spaceAfter = kItemSpace});
}

void ContactLine(PdfDocument& pdf, const std::string& phoneNumber, const std::string& emailAddress)
{
    const std::vector<TextRun> phone{{"Số điện thoại: ", FontFace::Regular}, {OrBlank(phoneNumber)}};
    const std::vector<TextRun> email{{"Email: ", FontFace::Regular}, {OrBlank(emailAddress)}};
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

SignaturePlace DrawSignatures(PdfDocument& pdf, const SignatureRow& row)
{
    // Beside a second signature or a QR code each side takes 38% of the width; a lone signature gets a little more.
    const bool paired = row.left || row.qr;
    const double side = pdf.Width() * (paired ? 0.38 : 0.45);
    const double middle = pdf.Width() - 2 * side;
    const double rightX = pdf.Right() - side;
    // The recipients take the left column, and the middle one too when no QR code stands there.
    const auto recipientsWidth = [&] { return (row.qr ? side : rightX - pdf.Left()) - kGap; };

    struct Laid {
        double x = 0;
        std::vector<TextLine> title, note, name;
    };
    std::vector<Laid> columns;
    // The second room (when asked) is below the first, right above the name: the official's own signature sits
    // where a hand signature would, the agency's above it.
    const double signing = row.secondSignature ? 2 * kSigningSpace : kSigningSpace;
    double signaturesHeight = 0;
    for (const auto& [column, x] : {std::pair{&row.left, pdf.Left()}, std::pair{&row.right, rightX}}) {
        if (!*column)
            continue;
        Laid laid{x, pdf.Layout({{(*column)->title, FontFace::Bold}}, side, kBodySize),
                  pdf.Layout({{(*column)->note, FontFace::Italic}}, side, kBodySize),
                  pdf.BalancedLayout({{std::string(Trim((*column)->name)), FontFace::Bold}}, side, kBodySize)};
        signaturesHeight = std::max(signaturesHeight, HeightOf(laid.title, kBodySize) + HeightOf(laid.note, kBodySize) +
                                                          signing + HeightOf(laid.name, kBodySize));
        columns.push_back(std::move(laid));
    }
    std::vector<TextLine> recipients;
    if (!row.recipients.empty() && !row.left) {
        std::vector<TextRun> runs{{"Nơi nhận:", FontFace::BoldItalic}};
        for (const std::string& recipient : row.recipients)
            runs.push_back({"\n" + recipient, FontFace::Regular});
        recipients = pdf.Layout(runs, recipientsWidth(), kRecipientsSize);
    }
    const double qrHeight = row.qr ? kQrSide + PdfDocument::LineHeight(kQrCaptionSize) : 0;
    const double height = std::max({signaturesHeight, qrHeight, HeightOf(recipients, kRecipientsSize)});
    pdf.KeepTogether(kGap + height);
    pdf.MoveDown(kGap);

    const double top = pdf.Cursor();
    SignaturePlace second;
    for (const Laid& laid : columns) {
        double y = top;
        y -= pdf.DrawLines(laid.title, laid.x, y, side, kBodySize, Align::Center);
        y -= pdf.DrawLines(laid.note, laid.x, y, side, kBodySize, Align::Center);
        // The issuer signs on the right (the officer, the head); a form signed by one side only has it where it is.
        pdf.MarkSignaturePlace(laid.x, y - kSigningSpace, side, kSigningSpace);
        if (row.secondSignature)
            second = {pdf.PageCount() - 1, laid.x, y - signing, side, kSigningSpace};
        pdf.DrawLines(laid.name, laid.x, y - signing, side, kBodySize, Align::Center);
    }
    if (!recipients.empty())
        pdf.DrawLines(recipients, pdf.Left(), top, recipientsWidth(), kRecipientsSize, Align::Left);
    if (row.qr) {
        const double qrX = pdf.Left() + side + (middle - kQrSide) / 2;
        pdf.DrawQrCode(*row.qr, qrX, top, kQrSide);
        // The quiet zone inside kQrSide already separates the caption from the modules.
        pdf.DrawText({{row.qrCaption, FontFace::Bold}}, pdf.Left() + side, top - kQrSide, middle, kQrCaptionSize,
                     Align::Center);
    }
    pdf.MoveDown(height);
    return second;
}

void NumberPages(PdfDocument& pdf, const std::string& prefix)
{
    // Pages of one form can be told apart and matched up again if they come loose.
    if (pdf.PageCount() > 1)
        pdf.Footer([&prefix](int page, int count) {
            return prefix + "Trang " + std::to_string(page) + "/" + std::to_string(count);
        });
}

}  // namespace motcua::reports
