// Layout every printed form shares: the heading block, titles, labelled lines, signatures, page numbers, checks.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/time.h"
#include "reports/form_signature.h"
#include "reports/pdf_document.h"

namespace motcua::reports {

class QrCode;

// Sizes in points. Noto Sans is wider than the Times New Roman of the decree's samples, hence 11 rather than 13–14.
inline constexpr double kBodySize = 11;
inline constexpr double kHeadingSize = 11;
inline constexpr double kTitleSize = 13.5;
inline constexpr double kTableSize = 10.5;
inline constexpr double kGap = 14;         // between the sections of a form
inline constexpr double kItemSpace = 2.5;  // between numbered items
inline constexpr const char* kBlank = "……………";

// The trimmed value, or a dotted blank to fill in by hand when there is none.
std::string OrBlank(const std::string& value);
// A date written dd/mm/yyyy; throws Error(BadInput, field) for anything else, impossible dates included.
Date RequireFormDate(const std::string& text, const std::string& field);

// Left: the province and the agency, ruled under; right: the national title and motto, ruled under; below them a
// reference on the left ("Mã hồ sơ: …", "Số: …") and, when there is a date, "<place>, ngày … tháng … năm …" on the
// right.
struct HeadingBlock {
    std::string provinceName{};  // omitted when empty
    std::string agencyName{};
    std::string referenceLabel{};  // "Mã hồ sơ: "
    std::string reference{};       // printed bold, shrunk to stay on one line
    std::string place{};
    std::optional<Date> date{};
};
void DrawHeadingBlock(PdfDocument& pdf, const HeadingBlock& heading);

// The form's name centred in bold capitals, with an optional second line under it, and the space around it.
void DrawTitle(PdfDocument& pdf, const std::string& title, const std::string& subtitle = {});

// "Label: value" as one paragraph; an empty value prints as a dotted blank.
void Labelled(PdfDocument& pdf, const std::string& label, const std::string& value,
              FontFace valueFace = FontFace::Regular);
// Phone and email on one line when both fit in half the width, as on the paper forms.
void ContactLine(PdfDocument& pdf, const std::string& phone, const std::string& email);

// Up to two signatures side by side (the right one alone when there is one), a QR code between them or a
// distribution list ("Nơi nhận:") in place of the left one; kept on one page.
struct SignatureRow {
    std::optional<FormSignature> left{};
    std::optional<FormSignature> right{};
    const QrCode* qr = nullptr;
    std::string qrCaption = "Tra cứu hồ sơ";  // under the QR code
    std::vector<std::string> recipients{};
    // Room for a second signature in the right column, between the first one's room and the name: the official's
    // own, signed at the desk, under the agency's the server signs with (a result document).
    bool secondSignature = false;
};
// Draws the row and marks the right column's (or the only column's) signing room as the issuer's SignaturePlace;
// returns the second signature's room (not found when the row leaves none).
SignaturePlace DrawSignatures(PdfDocument& pdf, const SignatureRow& row);

// "<prefix>Trang n/m" in the bottom margin of every page, when there is more than one page.
void NumberPages(PdfDocument& pdf, const std::string& prefix);

}  // namespace motcua::reports
