#include "reports/result_document.h"

#include <optional>
#include <string>

#include "reports/form_layout.h"
#include "reports/pades_signer.h"
#include "reports/pdf_document.h"
#include "reports/qr_code.h"
#include "reports/unicode_text.h"

namespace motcua::reports {
namespace {

using Kind = TemplateBlock::Kind;
using Row = std::map<std::string, std::string>;

const ParagraphStyle kProse{.size = kBodySize, .spaceAfter = 6};

std::string Value(const TemplateData& data, const std::string& name)
{
    const auto found = data.values.find(name);
    return found == data.values.end() ? std::string() : std::string(Trim(found->second));
}

std::vector<TextRun> Runs(const TemplateText& text, const TemplateData& data)
{
    std::vector<TextRun> runs;
    for (const TemplatePiece& piece : text) {
        const std::string filled = FillText({piece}, data);
        if (!filled.empty())
            runs.push_back({filled, piece.bold ? FontFace::Bold : FontFace::Regular});
    }
    return runs;
}

bool AllBold(const TemplateText& text)
{
    return !text.empty() && std::all_of(text.begin(), text.end(), [](const TemplatePiece& p) { return p.bold; });
}

Align ToAlign(TemplateAlign align)
{
    return align == TemplateAlign::Center ? Align::Center
                                          : (align == TemplateAlign::Right ? Align::Right : Align::Left);
}

// Columns in points: given percentages first, the rest shared equally by the columns without one.
std::vector<TableColumn> Columns(const std::vector<TemplateColumn>& columns, double width)
{
    double given = 0;
    int open = 0;
    for (const TemplateColumn& c : columns) {
        given += c.widthPercent;
        open += c.widthPercent > 0 ? 0 : 1;
    }
    const double share = open > 0 ? (100 - given) / open : 0;
    std::vector<TableColumn> out;
    out.reserve(columns.size());
    for (const TemplateColumn& c : columns)
        out.push_back({c.header, width * (c.widthPercent > 0 ? c.widthPercent : share) / 100, ToAlign(c.align)});
    return out;
}

class Renderer {
public:
    Renderer(const ResultTemplate& layout, const TemplateData& data) : m_layout(layout), m_data(data)
    {
        const std::string url = Value(data, "document.verifyUrl");
        if (!url.empty())
            m_qr = QrCode::Encode(url);
        for (const TemplateBlock& block : layout.Blocks())
            if (block.kind == Kind::Recipient)
                m_recipients.push_back(FillText(block.parts.front(), data));
    }

    std::vector<std::uint8_t> Render(SignaturePlace* signaturePlace)
    {
        const std::vector<TemplateBlock>& blocks = m_layout.Blocks();
        bool signerDrawn = false;
        for (std::size_t i = 0; i < blocks.size(); ++i) {
            const TemplateBlock& block = blocks[i];
            switch (block.kind) {
            case Kind::Heading: DrawHeading(block); break;
            case Kind::Title: {
                const bool subtitle = i + 1 < blocks.size() && blocks[i + 1].kind == Kind::Subtitle;
                DrawTitle(m_pdf, Fill(block, 0), subtitle ? Fill(blocks[i + 1], 0) : std::string());
                i += subtitle ? 1 : 0;
                break;
            }
            case Kind::Subtitle:
                m_pdf.Paragraph(Runs(block.parts.front(), m_data),
                                {.size = kBodySize, .align = Align::Center, .spaceAfter = kItemSpace});
                break;
            case Kind::Text:
            case Kind::Center:
                m_pdf.Paragraph(Runs(block.parts.front(), m_data),
                                {.size = kBodySize,
                                 .align = block.kind == Kind::Center ? Align::Center : Align::Left,
                                 .spaceAfter = kProse.spaceAfter});
                break;
            case Kind::Field:
                Labelled(m_pdf, Fill(block, 0) + " ", Fill(block, 1),
                         AllBold(block.parts[1]) ? FontFace::Bold : FontFace::Regular);
                break;
            case Kind::Table: i = DrawTable(i); break;
            case Kind::Signer:
                DrawSigner(&block);
                signerDrawn = true;
                break;
            case Kind::Space: m_pdf.MoveDown(block.points); break;
            case Kind::Row:
            case Kind::Rows:       // the parser keeps them after a table, which draws them
            case Kind::Recipient:  // drawn beside the signature
                break;
            }
        }
        if (!signerDrawn)
            DrawSigner(nullptr);
        const std::string identifier = Value(m_data, "document.identifier");
        NumberPages(m_pdf, identifier.empty() ? std::string() : "Mã số giấy tờ: " + identifier + " - ");
        if (signaturePlace)
            *signaturePlace = m_pdf.SignaturePlaceMarked();
        std::vector<std::uint8_t> bytes = m_pdf.Save();
        // A field to sign where the official signs: their token at the desk finds it, whatever the server signed.
        if (m_officialPlace.Found())
            bytes = WithSignatureField(bytes, BoxInPlace(m_officialPlace), kOfficialSignatureField);
        return bytes;
    }

private:
    std::string Fill(const TemplateBlock& block, std::size_t part) const
    {
        return std::string(Trim(FillText(block.parts.at(part), m_data)));
    }

    void DrawHeading(const TemplateBlock& block)
    {
        const std::string date = Value(m_data, "document.date");
        DrawHeadingBlock(m_pdf,
                         {.provinceName = Value(m_data, "agency.province"),
                          .agencyName = Value(m_data, "agency.name"),
                          .referenceLabel = Fill(block, 0) + " ",
                          .reference = OrBlank(Fill(block, 1)),
                          .place = Value(m_data, "agency.place"),
                          .date = date.empty() ? std::nullopt : std::optional(RequireFormDate(date, "document.date"))});
    }

    // The table at `index` with the rows that follow it; returns the index of its last row.
    std::size_t DrawTable(std::size_t index)
    {
        const std::vector<TemplateBlock>& blocks = m_layout.Blocks();
        std::vector<std::vector<std::string>> rows;
        std::size_t last = index;
        for (std::size_t i = index + 1; i < blocks.size(); ++i) {
            const TemplateBlock& block = blocks[i];
            if (block.kind == Kind::Row) {
                rows.emplace_back();
                for (const TemplateText& cell : block.parts)
                    rows.back().push_back(FillText(cell, m_data));
            } else if (block.kind == Kind::Rows) {
                const auto list = m_data.lists.find(block.list);
                if (list != m_data.lists.end())
                    for (const Row& item : list->second) {
                        rows.emplace_back();
                        for (const TemplateText& cell : block.parts)
                            rows.back().push_back(FillText(cell, m_data, &item));
                    }
            } else {
                break;
            }
            last = i;
        }
        m_pdf.Table(Columns(blocks[index].columns, m_pdf.Width()), rows);
        m_pdf.MoveDown(kItemSpace);
        return last;
    }

    void DrawSigner(const TemplateBlock* block)
    {
        SignatureRow row;
        if (block) {
            std::string title;
            for (std::size_t i = 0; i < block->parts.size(); ++i)
                title += (i > 0 ? "\n" : "") + Fill(*block, i);
            row.right = FormSignature{title, "", Value(m_data, "signer.name")};
        }
        row.qr = m_qr ? &*m_qr : nullptr;
        row.qrCaption = "Xác thực văn bản";
        row.recipients = m_recipients;
        row.secondSignature = row.right.has_value();
        if (row.right || row.qr || !row.recipients.empty())
            m_officialPlace = DrawSignatures(m_pdf, row);
    }

    const ResultTemplate& m_layout;
    const TemplateData& m_data;
    PdfDocument m_pdf;
    std::optional<QrCode> m_qr;
    std::vector<std::string> m_recipients;
    SignaturePlace m_officialPlace;  // the official's own signature, under the agency's
};

}  // namespace

std::vector<std::uint8_t> RenderResultDocument(const ResultTemplate& layout, const TemplateData& data,
                                               SignaturePlace* signaturePlace)
{
    return Renderer(layout, data).Render(signaturePlace);
}

}  // namespace motcua::reports
