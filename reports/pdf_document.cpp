#include "reports/pdf_document.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <set>
#include <span>

#include <hpdf.h>

#include "model/error.h"
#include "model/utf8.h"
#include "reports/embedded_fonts.h"
#include "reports/font_embedding.h"
#include "reports/qr_code.h"
#include "reports/true_type_font.h"
#include "reports/unicode_text.h"

namespace motcua::reports {
namespace {

// tan(12°): the slant of the synthetic italic.
constexpr double kItalicSlant = 0.2126;
// Baseline below the top of a line, as a multiple of the size: room for stacked Vietnamese marks above capitals.
constexpr double kBaselineDrop = 1.08;

std::string Describe(HPDF_STATUS error, HPDF_STATUS detail, const char* operation)
{
    char buffer[128];
    std::snprintf(buffer, sizeof buffer, "libharu error 0x%04X (detail %u) in %s", static_cast<unsigned>(error),
                  static_cast<unsigned>(detail), operation);
    return buffer;
}

// The two faces, read once per process (they are compiled in and never change).
const TrueTypeFont& RegularFont()
{
    static const TrueTypeFont kFont(NotoSansRegularTtf());
    return kFont;
}
const TrueTypeFont& BoldFont()
{
    static const TrueTypeFont kFont(NotoSansBoldTtf());
    return kFont;
}

std::string Number(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
    return buffer;
}

}  // namespace

// The fonts are not libharu's: its Type 0 fonts map all 65,536 code points and embed whole tables on every document
// (about 1 ms and 10 KB per face), so each face is written here as a subset of the glyphs drawn, into dictionaries
// libharu saves with the rest. Text is shown as glyph numbers (Identity-H).
struct EmbeddedFace {
    const TrueTypeFont* font = nullptr;
    const char* name = "";
    bool bold = false;
    HPDF_Dict type0 = nullptr;  // made on first use; filled when the document is saved
    UsedGlyphs used;
};

struct PdfDocument::State {
    HPDF_Doc doc = nullptr;
    EmbeddedFace regular{&RegularFont(), "NotoSans-Regular", false, nullptr, {}};
    EmbeddedFace bold{&BoldFont(), "NotoSans-Bold", true, nullptr, {}};
    std::vector<HPDF_Page> pages;
    HPDF_Page current = nullptr;  // where Draw* calls go: the last page, except while writing footers
    double margin = 0;
    PageOrientation orientation = PageOrientation::Portrait;
    double pageWidth = 0;
    double pageHeight = 0;
    // The first error libharu reported; the handler only records it because an exception must not cross C frames.
    HPDF_STATUS error = HPDF_OK;
    HPDF_STATUS detail = 0;

    State() = default;
    State(const State&) = delete;
    State& operator=(const State&) = delete;
    ~State()
    {
        if (doc)
            HPDF_Free(doc);
    }

    static void OnError(HPDF_STATUS errorNo, HPDF_STATUS detailNo, void* user)
    {
        auto* state = static_cast<State*>(user);
        if (state->error == HPDF_OK) {
            state->error = errorNo;
            state->detail = detailNo;
        }
    }

    EmbeddedFace& Face(FontFace face) noexcept
    {
        return face == FontFace::Bold || face == FontFace::BoldItalic ? bold : regular;
    }
    const EmbeddedFace& Face(FontFace face) const noexcept
    {
        return face == FontFace::Bold || face == FontFace::BoldItalic ? bold : regular;
    }

    double Width(std::string_view text, FontFace face, double size) const
    {
        return text.empty() ? 0 : Face(face).font->Width(text, size);
    }

    // The face's font dictionary, made empty on first use so pages can name it in their resources.
    HPDF_Dict FontObject(EmbeddedFace& face)
    {
        if (!face.type0) {
            HPDF_Dict type0 = HPDF_Dict_New(doc->mmgr);
            if (type0 && HPDF_Xref_Add(doc->xref, type0) == HPDF_OK)  // the xref owns it from here on
                face.type0 = type0;
        }
        return face.type0;
    }

    void WriteFont(EmbeddedFace& face);
};

void PdfDocument::State::WriteFont(EmbeddedFace& face)
{
    const TrueTypeFont& font = *face.font;
    HPDF_MMgr mmgr = doc->mmgr;
    const std::string name = SubsetTag(face.used) + "+" + face.name;
    HPDF_STATUS status = HPDF_OK;
    HPDF_Dict type0 = face.type0;
    status += HPDF_Dict_AddName(type0, "Type", "Font");
    status += HPDF_Dict_AddName(type0, "Subtype", "Type0");
    status += HPDF_Dict_AddName(type0, "BaseFont", name.c_str());
    status += HPDF_Dict_AddName(type0, "Encoding", "Identity-H");

    HPDF_Dict cidFont = HPDF_Dict_New(mmgr);
    if (!cidFont || HPDF_Xref_Add(doc->xref, cidFont) != HPDF_OK)
        return;
    HPDF_Array descendants = HPDF_Array_New(mmgr);
    status += HPDF_Dict_Add(type0, "DescendantFonts", descendants);
    status += HPDF_Array_Add(descendants, cidFont);
    status += HPDF_Dict_AddName(cidFont, "Type", "Font");
    status += HPDF_Dict_AddName(cidFont, "Subtype", "CIDFontType2");
    status += HPDF_Dict_AddName(cidFont, "BaseFont", name.c_str());
    HPDF_Dict system = HPDF_Dict_New(mmgr);
    status += HPDF_Dict_Add(cidFont, "CIDSystemInfo", system);
    status += HPDF_Dict_Add(system, "Registry", HPDF_String_New(mmgr, "Adobe", nullptr));
    status += HPDF_Dict_Add(system, "Ordering", HPDF_String_New(mmgr, "Identity", nullptr));
    status += HPDF_Dict_AddNumber(system, "Supplement", 0);
    status += HPDF_Dict_AddName(cidFont, "CIDToGIDMap", "Identity");
    status += HPDF_Dict_AddNumber(cidFont, "DW", 1000);
    HPDF_Array widths = HPDF_Array_New(mmgr);
    status += HPDF_Dict_Add(cidFont, "W", widths);
    for (const auto& [first, advances] : WidthRuns(font, face.used)) {
        HPDF_Array run = HPDF_Array_New(mmgr);
        status += HPDF_Array_AddNumber(widths, first);
        status += HPDF_Array_Add(widths, run);
        for (const int advance : advances)
            status += HPDF_Array_AddNumber(run, advance);
    }

    HPDF_Dict descriptor = HPDF_Dict_New(mmgr);
    if (!descriptor || HPDF_Xref_Add(doc->xref, descriptor) != HPDF_OK)
        return;
    status += HPDF_Dict_Add(cidFont, "FontDescriptor", descriptor);
    status += HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor");
    status += HPDF_Dict_AddName(descriptor, "FontName", name.c_str());
    // Nonsymbolic (32), and ForceBold (1 << 18) for the bold face.
    status += HPDF_Dict_AddNumber(descriptor, "Flags", face.bold ? 32 | (1 << 18) : 32);
    HPDF_Array box = HPDF_Array_New(mmgr);
    status += HPDF_Dict_Add(descriptor, "FontBBox", box);
    for (const int edge : font.BoundingBox())
        status += HPDF_Array_AddNumber(box, edge);
    status += HPDF_Dict_AddNumber(descriptor, "ItalicAngle", 0);
    status += HPDF_Dict_AddNumber(descriptor, "Ascent", font.Ascent());
    status += HPDF_Dict_AddNumber(descriptor, "Descent", font.Descent());
    status += HPDF_Dict_AddNumber(descriptor, "CapHeight", font.CapHeight());
    status += HPDF_Dict_AddNumber(descriptor, "StemV", face.bold ? 120 : 80);

    std::set<std::uint16_t> glyphs;
    for (const auto& entry : face.used)
        glyphs.insert(entry.first);
    const std::vector<std::uint8_t> subset = font.Subset(glyphs);
    HPDF_Dict file = HPDF_DictStream_New(mmgr, doc->xref);
    if (!file)
        return;
    file->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    status += HPDF_Stream_Write(file->stream, subset.data(), static_cast<HPDF_UINT>(subset.size()));
    status += HPDF_Dict_AddNumber(file, "Length1", static_cast<HPDF_INT32>(subset.size()));
    status += HPDF_Dict_Add(descriptor, "FontFile2", file);

    const std::string cmap = GlyphToUnicodeCMap(face.used);
    HPDF_Dict toUnicode = HPDF_DictStream_New(mmgr, doc->xref);
    if (!toUnicode)
        return;
    toUnicode->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    status += HPDF_Stream_Write(toUnicode->stream, reinterpret_cast<const HPDF_BYTE*>(cmap.data()),
                                static_cast<HPDF_UINT>(cmap.size()));
    status += HPDF_Dict_Add(type0, "ToUnicode", toUnicode);
    if (status != HPDF_OK && error == HPDF_OK)
        error = HPDF_GetError(doc) != HPDF_OK ? HPDF_GetError(doc) : HPDF_INVALID_OBJECT;
}

PdfDocument::PdfDocument(double margin, PageOrientation orientation) : m_state(std::make_unique<State>())
{
    State& s = *m_state;
    s.margin = margin;
    s.orientation = orientation;
    s.doc = HPDF_New(&State::OnError, &s);
    if (!s.doc)
        throw Error(ErrorCategory::Environment, N_("Out of memory while producing a PDF document"));
    HPDF_SetCompressionMode(s.doc, HPDF_COMP_ALL);
    HPDF_SetInfoAttr(s.doc, HPDF_INFO_CREATOR, "MotCua");
    NewPage();
}

PdfDocument::~PdfDocument() = default;

double PdfDocument::Left() const noexcept
{
    return m_state->margin;
}
double PdfDocument::Right() const noexcept
{
    return m_state->pageWidth - m_state->margin;
}
double PdfDocument::Top() const noexcept
{
    return m_state->pageHeight - m_state->margin;
}
double PdfDocument::Bottom() const noexcept
{
    return m_state->margin;
}
double PdfDocument::PageHeight() const noexcept
{
    return m_state->pageHeight;
}
int PdfDocument::PageCount() const noexcept
{
    return static_cast<int>(m_state->pages.size());
}

void PdfDocument::MarkSignaturePlace(double left, double bottom, double width, double height)
{
    m_signaturePlace = {PageCount() - 1, left, bottom, width, height};
}

void PdfDocument::NewPage()
{
    State& s = *m_state;
    HPDF_Page page = HPDF_AddPage(s.doc);
    if (!page) {
        Check("HPDF_AddPage");
        throw Error(ErrorCategory::Internal, N_("The PDF document could not be produced"), {}, "HPDF_AddPage");
    }
    HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4,
                      s.orientation == PageOrientation::Landscape ? HPDF_PAGE_LANDSCAPE : HPDF_PAGE_PORTRAIT);
    Check("HPDF_Page_SetSize");
    s.pages.push_back(page);
    s.current = page;
    s.pageWidth = HPDF_Page_GetWidth(page);
    s.pageHeight = HPDF_Page_GetHeight(page);
    m_cursor = Top();
}

void PdfDocument::KeepTogether(double height)
{
    if (height > Remaining() && m_cursor < Top())
        NewPage();
}

double PdfDocument::TextWidth(std::string_view text, FontFace face, double size)
{
    return m_state->Width(ToNfc(text), face, size);
}

std::vector<TextLine> PdfDocument::Layout(const std::vector<TextRun>& runs, double width, double size)
{
    std::vector<TextRun> normalised;
    normalised.reserve(runs.size());
    for (const TextRun& run : runs)
        normalised.push_back(TextRun{ToNfc(run.text), run.face});
    const State& s = *m_state;
    return LayoutText(normalised, width,
                      [&s, size](std::string_view text, FontFace face) { return s.Width(text, face, size); });
}

std::vector<TextLine> PdfDocument::BalancedLayout(const std::vector<TextRun>& runs, double width, double size)
{
    std::vector<TextLine> lines = Layout(runs, width, size);
    if (lines.size() < 2)
        return lines;
    // The narrowest box that still gives the same number of lines, to within a tenth of a point.
    double tooNarrow = 0;
    double enough = width;
    while (enough - tooNarrow > 0.1) {
        const double middle = (tooNarrow + enough) / 2;
        if (Layout(runs, middle, size).size() == lines.size())
            enough = middle;
        else
            tooNarrow = middle;
    }
    return Layout(runs, enough, size);
}

double PdfDocument::FitSize(std::string_view text, FontFace face, double size, double width)
{
    const double natural = TextWidth(text, face, size);
    return natural <= width ? size : size * width / natural;
}

void PdfDocument::DrawFragment(const LineFragment& fragment, double x, double baseline, double size)
{
    State& s = *m_state;
    HPDF_Page page = s.current;
    EmbeddedFace& face = s.Face(fragment.face);
    HPDF_Dict font = s.FontObject(face);
    const char* resource = font ? HPDF_Page_GetLocalFontName(page, font) : nullptr;
    const auto codePoints = DecodeUtf8(fragment.text);
    if (!resource || !codePoints) {
        Check("naming the font");
        throw Error(ErrorCategory::Internal, N_("The PDF document could not be produced"), {},
                    resource ? "text that is not UTF-8" : "font resource");
    }
    const bool italic = fragment.face == FontFace::Italic || fragment.face == FontFace::BoldItalic;
    const std::string text = "BT\n/" + std::string(resource) + " " + Number(size) + " Tf\n1 0 " +
                             (italic ? std::to_string(kItalicSlant) : "0") + " 1 " + Number(x) + " " +
                             Number(baseline) + " Tm\n" + GlyphHexString(*face.font, *codePoints, face.used) +
                             " Tj\nET\n";
    auto* attributes = static_cast<HPDF_PageAttr>(page->attr);
    if (HPDF_Stream_WriteStr(attributes->stream, text.c_str()) != HPDF_OK)
        Check("drawing text");
}

double PdfDocument::DrawLines(const std::vector<TextLine>& lines, double x, double top, double width, double size,
                              Align align)
{
    const double lineHeight = LineHeight(size);
    double y = top;
    for (const TextLine& line : lines) {
        double start = x;
        if (align == Align::Center)
            start += (width - line.width) / 2;
        else if (align == Align::Right)
            start += width - line.width;
        for (const LineFragment& fragment : line.fragments)
            DrawFragment(fragment, start + fragment.x, y - kBaselineDrop * size, size);
        y -= lineHeight;
    }
    Check("drawing text");
    return top - y;
}

double PdfDocument::DrawText(const std::vector<TextRun>& runs, double x, double top, double width, double size,
                             Align align)
{
    return DrawLines(Layout(runs, width, size), x, top, width, size, align);
}

double PdfDocument::DrawHeading(const std::vector<TextRun>& runs, double x, double top, double width, double size)
{
    return DrawLines(BalancedLayout(runs, width, size), x, top, width, size, Align::Center);
}

void PdfDocument::DrawRule(double x1, double x2, double y, double thickness)
{
    HPDF_Page page = m_state->current;
    HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(thickness));
    HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(x1), static_cast<HPDF_REAL>(y));
    HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(x2), static_cast<HPDF_REAL>(y));
    HPDF_Page_Stroke(page);
    Check("drawing a rule");
}

void PdfDocument::DrawQrCode(const QrCode& code, double x, double top, double side)
{
    constexpr int kQuietZone = 4;
    HPDF_Page page = m_state->current;
    const double module = side / (code.Size() + 2 * kQuietZone);
    // One rectangle per horizontal run of dark modules, all filled at once: a few hundred path operators at most.
    for (int row = 0; row < code.Size(); ++row) {
        int column = 0;
        while (column < code.Size()) {
            if (!code.IsDark(column, row)) {
                ++column;
                continue;
            }
            const int start = column;
            while (column < code.Size() && code.IsDark(column, row))
                ++column;
            HPDF_Page_Rectangle(page, static_cast<HPDF_REAL>(x + (kQuietZone + start) * module),
                                static_cast<HPDF_REAL>(top - (kQuietZone + row + 1) * module),
                                static_cast<HPDF_REAL>((column - start) * module), static_cast<HPDF_REAL>(module));
        }
    }
    HPDF_Page_Fill(page);
    Check("drawing the QR code");
}

void PdfDocument::Paragraph(const std::vector<TextRun>& runs, const ParagraphStyle& style)
{
    const double width = style.width > 0 ? style.width : Width() - style.indent;
    const double lineHeight = LineHeight(style.size);
    for (const TextLine& line : Layout(runs, width, style.size)) {
        if (Remaining() < lineHeight)
            NewPage();
        m_cursor -= DrawLines({line}, Left() + style.indent, m_cursor, width, style.size, style.align);
    }
    m_cursor -= style.spaceAfter;
}

void PdfDocument::DrawTableRule(const std::vector<TableColumn>& columns, double top, double height, double ruleWidth)
{
    HPDF_Page page = m_state->current;
    HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(ruleWidth));
    double x = Left();
    for (const TableColumn& column : columns) {
        HPDF_Page_Rectangle(page, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(top - height),
                            static_cast<HPDF_REAL>(column.width), static_cast<HPDF_REAL>(height));
        x += column.width;
    }
    HPDF_Page_Stroke(page);
    Check("drawing a table");
}

double PdfDocument::DrawHeaderRow(const std::vector<TableColumn>& columns, const TableStyle& style, bool draw)
{
    const double lineHeight = LineHeight(style.size);
    const auto layout = [&](const std::string& text, double width) {
        return Layout({{text, FontFace::Bold}}, width - 2 * style.padding, style.size);
    };
    const auto heightOf = [&](std::size_t lines) {
        return static_cast<double>(lines) * lineHeight + 2 * style.padding;
    };

    // The groups: runs of adjacent columns sharing a non-empty group, each with its first column and width.
    struct Group {
        std::size_t first = 0;
        std::size_t count = 0;
        double x = 0;
        double width = 0;
    };
    std::vector<Group> groups;
    std::vector<double> xs;
    double x = Left();
    for (std::size_t i = 0; i < columns.size(); ++i) {
        xs.push_back(x);
        if (!columns[i].group.empty()) {
            if (groups.empty() || groups.back().first + groups.back().count != i ||
                columns[groups.back().first].group != columns[i].group)
                groups.push_back({i, 0, x, 0});
            ++groups.back().count;
            groups.back().width += columns[i].width;
        }
        x += columns[i].width;
    }

    std::vector<std::vector<TextLine>> cells;
    std::size_t ownLines = 1;  // the grouped columns' own row, or the only row
    std::size_t spanLines = 1;
    for (const TableColumn& column : columns) {
        cells.push_back(layout(column.header, column.width));
        if (groups.empty() || !column.group.empty())
            ownLines = std::max(ownLines, cells.back().size());
        else
            spanLines = std::max(spanLines, cells.back().size());
    }
    std::vector<std::vector<TextLine>> groupCells;
    std::size_t groupLines = 1;
    for (const Group& group : groups) {
        groupCells.push_back(layout(columns[group.first].group, group.width));
        groupLines = std::max(groupLines, groupCells.back().size());
    }
    const double groupHeight = groups.empty() ? 0 : heightOf(groupLines);
    // A column without a group runs down both rows; when its header is the tallest, the lower row grows.
    const double height = std::max(groupHeight + heightOf(ownLines), groups.empty() ? 0 : heightOf(spanLines));
    if (!draw)
        return height;

    HPDF_Page page = m_state->current;
    HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(style.ruleWidth));
    // Header cells are centred both ways, as on the printed government forms.
    const auto cell = [&](const std::vector<TextLine>& lines, double left, double top, double width,
                          double cellHeight) {
        const double textHeight = static_cast<double>(lines.size()) * lineHeight;
        DrawLines(lines, left + style.padding, top - (cellHeight - textHeight) / 2, width - 2 * style.padding,
                  style.size, Align::Center);
        HPDF_Page_Rectangle(page, static_cast<HPDF_REAL>(left), static_cast<HPDF_REAL>(top - cellHeight),
                            static_cast<HPDF_REAL>(width), static_cast<HPDF_REAL>(cellHeight));
    };
    for (std::size_t i = 0; i < groups.size(); ++i)
        cell(groupCells[i], groups[i].x, m_cursor, groups[i].width, groupHeight);
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].group.empty())
            cell(cells[i], xs[i], m_cursor, columns[i].width, height);
        else
            cell(cells[i], xs[i], m_cursor - groupHeight, columns[i].width, height - groupHeight);
    }
    HPDF_Page_Stroke(page);
    Check("drawing a table");
    m_cursor -= height;
    return height;
}

void PdfDocument::Table(const std::vector<TableColumn>& requested, const std::vector<std::vector<std::string>>& rows,
                        const TableStyle& style, const std::vector<bool>& boldRows)
{
    // Never wider than the content box: shrink every column in proportion.
    std::vector<TableColumn> columns = requested;
    double total = 0;
    for (const TableColumn& column : columns)
        total += column.width;
    if (total > Width())
        for (TableColumn& column : columns)
            column.width *= Width() / total;

    const double lineHeight = LineHeight(style.size);
    const double minimumRow = lineHeight + 2 * style.padding;
    // The header never sits alone at the foot of a page.
    const double headerHeight = DrawHeaderRow(columns, style, false);
    KeepTogether(headerHeight + minimumRow + lineHeight);
    DrawHeaderRow(columns, style);
    const auto continueOnNewPage = [&] {
        NewPage();
        DrawHeaderRow(columns, style);
        if (Remaining() < minimumRow)
            throw Error(ErrorCategory::BadInput,  // the template's columns are too narrow for its header's words
                        N_("A table's header is taller than a page: give its columns more width"), {},
                        "table header leaves no room for a row");
    };

    for (std::size_t r = 0; r < rows.size(); ++r) {
        const std::vector<std::string>& row = rows[r];
        const FontFace face = r < boldRows.size() && boldRows[r] ? FontFace::Bold : FontFace::Regular;
        std::vector<std::vector<TextLine>> cells;
        std::size_t lineCount = 1;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const std::string text = i < row.size() ? row[i] : std::string();
            cells.push_back(Layout({{text, face}}, columns[i].width - 2 * style.padding, style.size));
            lineCount = std::max(lineCount, cells.back().size());
        }
        const double rowHeight = static_cast<double>(lineCount) * lineHeight + 2 * style.padding;
        const double emptyPage = Top() - Bottom() - headerHeight;  // what a page holds below its header
        if (rowHeight > Remaining() && rowHeight <= emptyPage)
            continueOnNewPage();
        // A row taller than a page goes out in slices, each on its own page under a repeated header.
        std::size_t from = 0;
        while (from < lineCount) {
            // Checked before the cast: below one line's room the count would be negative.
            if (Remaining() < minimumRow) {
                continueOnNewPage();
                continue;
            }
            const auto fit = std::max<std::size_t>(
                1, static_cast<std::size_t>(std::floor((Remaining() - 2 * style.padding) / lineHeight)));
            const std::size_t count = std::min(fit, lineCount - from);
            const double height = static_cast<double>(count) * lineHeight + 2 * style.padding;
            double x = Left();
            for (std::size_t i = 0; i < columns.size(); ++i) {
                const std::vector<TextLine>& lines = cells[i];
                if (from < lines.size()) {
                    const auto last = std::min(lines.size(), from + count);
                    const std::vector<TextLine> slice(lines.begin() + static_cast<std::ptrdiff_t>(from),
                                                      lines.begin() + static_cast<std::ptrdiff_t>(last));
                    // Centred vertically when the whole row is on this page; a split row reads top down.
                    const double offset =
                        count == lineCount ? static_cast<double>(lineCount - lines.size()) * lineHeight / 2 : 0;
                    DrawLines(slice, x + style.padding, m_cursor - style.padding - offset,
                              columns[i].width - 2 * style.padding, style.size, columns[i].align);
                }
                x += columns[i].width;
            }
            DrawTableRule(columns, m_cursor, height, style.ruleWidth);
            m_cursor -= height;
            from += count;
        }
    }
}

void PdfDocument::Footer(const std::function<std::string(int page, int count)>& text, double size)
{
    State& s = *m_state;
    const int count = PageCount();
    for (int i = 0; i < count; ++i) {
        s.current = s.pages[static_cast<std::size_t>(i)];
        const std::string line = text(i + 1, count);
        if (!line.empty())
            DrawText({{line, FontFace::Regular}}, Left(), Bottom() - size, Width(), size, Align::Center);
    }
    s.current = s.pages.back();
}

std::vector<std::uint8_t> PdfDocument::Save()
{
    State& s = *m_state;
    for (EmbeddedFace* face : {&s.regular, &s.bold})
        if (face->type0)
            s.WriteFont(*face);
    Check("embedding the fonts");
    HPDF_SaveToStream(s.doc);
    Check("HPDF_SaveToStream");
    HPDF_UINT32 size = HPDF_GetStreamSize(s.doc);
    std::vector<std::uint8_t> bytes(size);
    if (size > 0)
        HPDF_ReadFromStream(s.doc, bytes.data(), &size);
    Check("HPDF_ReadFromStream");
    bytes.resize(size);
    if (bytes.empty())
        throw Error(ErrorCategory::Internal, N_("The PDF document could not be produced"), {}, "empty output");
    return bytes;
}

void PdfDocument::Check(const char* operation)
{
    State& s = *m_state;
    if (s.error == HPDF_OK)
        return;
    const HPDF_STATUS error = s.error;
    const HPDF_STATUS detail = s.detail;
    s.error = HPDF_OK;
    HPDF_ResetError(s.doc);
    if (error == HPDF_FAILD_TO_ALLOC_MEM)
        throw Error(ErrorCategory::Environment, N_("Out of memory while producing a PDF document"), {},
                    Describe(error, detail, operation));
    throw Error(ErrorCategory::Internal, N_("The PDF document could not be produced"), {},
                Describe(error, detail, operation));
}

}  // namespace motcua::reports
