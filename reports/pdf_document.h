// A4 PDF drawing shared by the printed forms: embedded Vietnamese fonts, wrapped text, ruled tables, QR codes.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "reports/form_signature.h"
#include "reports/text_layout.h"

namespace motcua::reports {

class QrCode;

enum class Align { Left, Center, Right };
enum class PageOrientation { Portrait, Landscape };

struct ParagraphStyle {
    double size = 11;  // points
    Align align = Align::Left;
    double indent = 0;      // from the left edge of the content box
    double width = 0;       // 0: to the right edge of the content box
    double spaceAfter = 0;  // points below the last line
};

struct TableColumn {
    std::string header;
    double width = 0;  // points
    Align align = Align::Left;
    // Adjacent columns with the same group share a header cell above their own (form II.06a's "received", "resolved",
    // "pending"); a column without one has its header cell run down both header rows.
    std::string group{};
};

struct TableStyle {
    double size = 10.5;
    double padding = 4;
    double ruleWidth = 0.6;
};

// Coordinates are PDF points with the origin at the bottom left of the page, y growing upwards. Flow methods draw
// at the cursor (the top of the next block) and move it down, opening pages as needed; Draw* methods draw at a given
// place and never open a page. Text is normalised to NFC before it is measured or drawn.
// Errors: motcua::Error with Environment (fonts, memory) or Internal (any other libharu error code).
class PdfDocument {
public:
    static constexpr double kPointsPerMillimetre = 72.0 / 25.4;

    // Opens an A4 document with its first page and the fonts loaded; every page has the same orientation.
    explicit PdfDocument(double margin = 20 * kPointsPerMillimetre,
                         PageOrientation orientation = PageOrientation::Portrait);
    ~PdfDocument();
    PdfDocument(const PdfDocument&) = delete;
    PdfDocument& operator=(const PdfDocument&) = delete;

    // The content box of every page (inside the margins).
    double Left() const noexcept;
    double Right() const noexcept;
    double Width() const noexcept { return Right() - Left(); }
    double Top() const noexcept;
    double Bottom() const noexcept;
    double PageHeight() const noexcept;

    double Cursor() const noexcept { return m_cursor; }
    void MoveDown(double distance) noexcept { m_cursor -= distance; }
    double Remaining() const noexcept { return m_cursor - Bottom(); }
    int PageCount() const noexcept;
    void NewPage();
    // Opens a new page unless `height` still fits below the cursor: keeps a block (signatures) in one piece.
    void KeepTogether(double height);

    static double LineHeight(double size) noexcept { return size * 1.4; }
    double TextWidth(std::string_view text, FontFace face, double size);
    std::vector<TextLine> Layout(const std::vector<TextRun>& runs, double width, double size);
    // Same line count as Layout, but the lines as even as possible: for centred headings, where a last line holding
    // one word looks like a mistake.
    std::vector<TextLine> BalancedLayout(const std::vector<TextRun>& runs, double width, double size);
    // The largest size up to `size` at which `text` fits on one line of `width` (headings that must not wrap).
    double FitSize(std::string_view text, FontFace face, double size, double width);

    // Draws lines with their tops from `top` down; returns the height used.
    double DrawLines(const std::vector<TextLine>& lines, double x, double top, double width, double size, Align align);
    // Lays out and draws; returns the height used.
    double DrawText(const std::vector<TextRun>& runs, double x, double top, double width, double size, Align align);
    // Lays out balanced lines, centres them and draws; returns the height used.
    double DrawHeading(const std::vector<TextRun>& runs, double x, double top, double width, double size);
    void DrawRule(double x1, double x2, double y, double thickness = 0.6);
    // A QR code with its 4-module quiet zone, `side` points square, its top-left corner at (x, top).
    void DrawQrCode(const QrCode& code, double x, double top, double side);

    void Paragraph(const std::vector<TextRun>& runs, const ParagraphStyle& style = {});
    // Ruled table with a bold header row (two when columns are grouped), repeated on every page the table continues
    // on. Cells wrap and are centred vertically in their row; a row taller than a page is split between pages. The
    // rows marked in `boldRows` (subtotals, totals) print bold.
    void Table(const std::vector<TableColumn>& columns, const std::vector<std::vector<std::string>>& rows,
               const TableStyle& style = {}, const std::vector<bool>& boldRows = {});

    // Writes one centred line in the bottom margin of every page, e.g. "Trang 1/2"; call once layout is finished.
    void Footer(const std::function<std::string(int page, int count)>& text, double size = 9);

    // Remembers the room left for the issuer's signature on the current page (the last one marked wins).
    void MarkSignaturePlace(double left, double bottom, double width, double height);
    const SignaturePlace& SignaturePlaceMarked() const noexcept { return m_signaturePlace; }

    std::vector<std::uint8_t> Save();

private:
    struct State;

    void DrawFragment(const LineFragment& fragment, double x, double baseline, double size);
    void DrawTableRule(const std::vector<TableColumn>& columns, double top, double height, double ruleWidth);
    // Draws the header row(s) at the cursor and moves below them; with `draw` false only measures them.
    double DrawHeaderRow(const std::vector<TableColumn>& columns, const TableStyle& style, bool draw = true);
    void Check(const char* operation);

    std::unique_ptr<State> m_state;
    double m_cursor = 0;
    SignaturePlace m_signaturePlace;
};

}  // namespace motcua::reports
