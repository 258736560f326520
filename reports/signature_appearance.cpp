#include "reports/signature_appearance.h"

#include <cstdio>
#include <map>
#include <set>
#include <zlib.h>

#include "model/error.h"
#include "model/utf8.h"
#include "reports/embedded_fonts.h"
#include "reports/font_embedding.h"
#include "reports/text_layout.h"
#include "reports/true_type_font.h"
#include "reports/unicode_text.h"

namespace motcua::reports {
namespace {

constexpr double kPadding = 4;
constexpr double kLineSpacing = 1.3;
constexpr double kLargestSize = 9;
constexpr double kSmallestSize = 5;
constexpr const char* kFontName = "NotoSans-Regular";

const TrueTypeFont& Font()
{
    static const TrueTypeFont kFont(NotoSansRegularTtf());
    return kFont;
}

// `data` deflated (zlib format, for /FlateDecode).
std::string Deflated(const std::vector<std::uint8_t>& data)
{
    uLongf length = compressBound(static_cast<uLong>(data.size()));
    std::string out(length, '\0');
    if (compress2(reinterpret_cast<Bytef*>(out.data()), &length, data.data(), static_cast<uLong>(data.size()),
                  Z_BEST_COMPRESSION) != Z_OK)
        throw Error(ErrorCategory::Environment, N_("Out of memory while signing"), {}, "compress2");
    out.resize(length);
    return out;
}

std::string Number(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
    return buffer;
}

struct LaidOut {
    double size = kLargestSize;
    std::vector<std::string> lines;
};

LaidOut Fit(const std::vector<std::string>& lines, double width, double height)
{
    LaidOut result;
    for (double size = kLargestSize; size >= kSmallestSize; size -= 0.5) {
        result.size = size;
        result.lines.clear();
        const MeasureText measure = [size](std::string_view text, FontFace) { return Font().Width(text, size); };
        for (const std::string& line : lines)
            for (const TextLine& laid : LayoutText({TextRun{line}}, width, measure))
                result.lines.push_back(laid.fragments.empty() ? std::string() : laid.fragments.front().text);
        if (static_cast<double>(result.lines.size()) * size * kLineSpacing <= height)
            return result;
    }
    const auto fitting = static_cast<std::size_t>(height / (result.size * kLineSpacing));
    result.lines.resize(std::min(result.lines.size(), fitting));
    return result;
}

std::string Stream(const std::string& dictionaryEntries, const std::string& data)
{
    return "<< " + dictionaryEntries + " /Length " + std::to_string(data.size()) + " >>\nstream\n" + data +
           "\nendstream";
}

// The Type 0 font (Identity-H codes are glyph ids) and its descendants, the font program cut to the glyphs the box
// draws; returns the Type 0 font's number.
int WriteFont(PdfUpdateWriter& writer, const UsedGlyphs& used)
{
    const TrueTypeFont& font = Font();
    const std::string name = "/" + SubsetTag(used) + "+" + kFontName;
    const int type0 = writer.NewObject(), cidFont = writer.NewObject(), descriptor = writer.NewObject(),
              file = writer.NewObject(), toUnicode = writer.NewObject();
    const auto ref = [](int number) { return std::to_string(number) + " 0 R"; };
    writer.Write(type0, "<< /Type /Font /Subtype /Type0 /BaseFont " + name +
                            " /Encoding /Identity-H /DescendantFonts [" + ref(cidFont) + "] /ToUnicode " +
                            ref(toUnicode) + " >>");
    std::string widths;
    for (const auto& [first, advances] : WidthRuns(font, used)) {
        widths += std::to_string(first) + " [";
        for (const int advance : advances)
            widths += std::to_string(advance) + " ";
        widths.back() = ']';
        widths += ' ';
    }
    writer.Write(cidFont, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont " + name +
                              " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
                              " /FontDescriptor " +
                              ref(descriptor) + " /CIDToGIDMap /Identity /DW 1000 /W [ " + widths + "] >>");
    const auto& box = font.BoundingBox();
    writer.Write(descriptor, "<< /Type /FontDescriptor /FontName " + name + " /Flags 32 /FontBBox [" +
                                 std::to_string(box[0]) + " " + std::to_string(box[1]) + " " + std::to_string(box[2]) +
                                 " " + std::to_string(box[3]) + "] /ItalicAngle 0 /Ascent " +
                                 std::to_string(font.Ascent()) + " /Descent " + std::to_string(font.Descent()) +
                                 " /CapHeight " + std::to_string(font.CapHeight()) + " /StemV 80 /FontFile2 " +
                                 ref(file) + " >>");
    std::set<std::uint16_t> glyphs;
    for (const auto& entry : used)
        glyphs.insert(entry.first);
    const std::vector<std::uint8_t> subset = font.Subset(glyphs);
    writer.Write(file, Stream("/Filter /FlateDecode /Length1 " + std::to_string(subset.size()), Deflated(subset)));
    const std::string cmap = GlyphToUnicodeCMap(used);
    writer.Write(toUnicode, Stream("/Filter /FlateDecode", Deflated({cmap.begin(), cmap.end()})));
    return type0;
}

// The glyph numbers of a CIDFont's /W array with their widths: "c [w1 w2 …]" and "c1 c2 w" forms; nullopt for a
// malformed array.
std::optional<std::map<std::uint16_t, int>> DeclaredWidths(std::string_view array)
{
    const auto number = &PdfFile::Integer;
    std::map<std::uint16_t, int> widths;
    const std::vector<std::string_view> elements = PdfFile::Elements(array);
    for (std::size_t i = 0; i < elements.size();) {
        const auto first = number(elements[i]);
        if (!first || *first < 0 || *first > 0xFFFF || i + 1 >= elements.size())
            return std::nullopt;
        if (elements[i + 1].starts_with("[")) {
            long long glyph = *first;
            for (const std::string_view width : PdfFile::Elements(elements[i + 1])) {
                const auto value = number(width);
                if (!value || glyph > 0xFFFF)
                    return std::nullopt;
                widths[static_cast<std::uint16_t>(glyph++)] = static_cast<int>(*value);
            }
            i += 2;
        } else {
            const auto last = i + 2 < elements.size() ? number(elements[i + 1]) : std::nullopt;
            const auto width = i + 2 < elements.size() ? number(elements[i + 2]) : std::nullopt;
            if (!last || !width || *last < *first || *last > 0xFFFF)
                return std::nullopt;
            for (long long glyph = *first; glyph <= *last; ++glyph)
                widths[static_cast<std::uint16_t>(glyph)] = static_cast<int>(*width);
            i += 3;
        }
    }
    return widths;
}

// The DocumentFont of one font resource, or nullopt when it is not this build's Noto Sans Regular.
std::optional<DocumentFont> ReadDocumentFont(const PdfFile& file, int object)
{
    const std::string_view type0 = file.Object(object);
    const auto baseFont = PdfFile::Value(type0, "/BaseFont");
    const auto descendants = PdfFile::Value(type0, "/DescendantFonts");
    if (PdfFile::Value(type0, "/Subtype") != "/Type0" || PdfFile::Value(type0, "/Encoding") != "/Identity-H" ||
        !baseFont || !baseFont->ends_with(std::string("+") + kFontName) || !descendants)
        return std::nullopt;
    const std::vector<int> cidFonts = PdfFile::References(file.Resolve(*descendants));
    if (cidFonts.size() != 1)
        return std::nullopt;
    const std::string_view cidFont = file.Object(cidFonts[0]);
    const auto widthArray = PdfFile::Value(cidFont, "/W");
    if (PdfFile::Value(cidFont, "/CIDToGIDMap") != "/Identity" || !widthArray)
        return std::nullopt;
    const auto widths = DeclaredWidths(file.Resolve(*widthArray));
    if (!widths || widths->empty())
        return std::nullopt;
    DocumentFont found{.object = object, .glyphs = {}};
    for (const auto& [glyph, width] : *widths) {
        if (Font().Advance(glyph) != width)
            return std::nullopt;
        found.glyphs.insert(glyph);
    }
    return found;
}

}  // namespace

std::optional<DocumentFont> FindDocumentFont(const PdfFile& file, std::string_view pageDictionary)
{
    try {
        const auto resources = PdfFile::Value(pageDictionary, "/Resources");
        const auto fonts = resources ? PdfFile::Value(file.Resolve(*resources), "/Font") : std::nullopt;
        if (!fonts)
            return std::nullopt;
        for (const auto& [name, value] : PdfFile::Entries(file.Resolve(*fonts))) {
            if (const auto object = PdfFile::Reference(value)) {
                if (auto found = ReadDocumentFont(file, *object))
                    return found;
            }
        }
    } catch (const Error&) {
        // A font the reader cannot follow is not shared: the box embeds its own.
    }
    return std::nullopt;
}

SignatureAppearance::SignatureAppearance(const std::vector<std::string>& lines, double width, double height)
    : m_width(width),
      m_height(height)
{
    for (const std::string& line : lines)
        m_lines.push_back(ToNfc(line));
}

int SignatureAppearance::Write(PdfUpdateWriter& writer, const std::optional<DocumentFont>& documentFont) const
{
    const TrueTypeFont& font = Font();
    const LaidOut laid = Fit(m_lines, m_width - 2 * kPadding, m_height - 2 * kPadding);
    const double lineHeight = laid.size * kLineSpacing;
    // The block is centred vertically; the first baseline sits one ascent below its top.
    const double blockHeight = static_cast<double>(laid.lines.size()) * lineHeight;
    double baseline = (m_height + blockHeight) / 2 - laid.size * font.Ascent() / 1000.0 + (lineHeight - laid.size) / 2;

    // /F1 is the document's font, /F2 the box's own subset: a line switches between them where a glyph is missing
    // from the document's subset. Both are the same font program, so the text advances the same either way.
    const auto shared = [&](char32_t c) { return documentFont && documentFont->glyphs.contains(font.GlyphId(c)); };
    UsedGlyphs used, sharedUsed;
    std::string content = "q\n1 1 1 rg 0 0 " + Number(m_width) + " " + Number(m_height) + " re f\n";
    content += "0.05 0.25 0.6 RG 1 w 0.5 0.5 " + Number(m_width - 1) + " " + Number(m_height - 1) + " re S\n";
    content += "BT\n0.05 0.2 0.5 rg\n";
    for (const std::string& line : laid.lines) {
        const std::vector<char32_t> codePoints = DecodeUtf8(line).value_or(std::vector<char32_t>{});
        content += "1 0 0 1 " + Number(kPadding) + " " + Number(baseline) + " Tm";
        for (std::size_t start = 0; start < codePoints.size();) {
            const bool inDocument = shared(codePoints[start]);
            std::size_t end = start + 1;
            while (end < codePoints.size() && shared(codePoints[end]) == inDocument)
                ++end;
            const std::vector<char32_t> run(codePoints.begin() + static_cast<std::ptrdiff_t>(start),
                                            codePoints.begin() + static_cast<std::ptrdiff_t>(end));
            content += std::string(inDocument ? " /F1 " : " /F2 ") + Number(laid.size) + " Tf " +
                       GlyphHexString(font, run, inDocument ? sharedUsed : used) + " Tj";
            start = end;
        }
        content += "\n";
        baseline -= lineHeight;
    }
    content += "ET\nQ";

    std::string fonts;
    if (!sharedUsed.empty())
        fonts += " /F1 " + std::to_string(documentFont->object) + " 0 R";
    if (!used.empty())
        fonts += " /F2 " + std::to_string(WriteFont(writer, used)) + " 0 R";
    const int form = writer.NewObject();
    writer.Write(form, Stream("/Type /XObject /Subtype /Form /BBox [0 0 " + Number(m_width) + " " + Number(m_height) +
                                  "] /Resources << /Font <<" + fonts + " >> >>",
                              content));
    return form;
}

}  // namespace motcua::reports
