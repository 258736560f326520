#include "reports/text_layout.h"

#include <algorithm>
#include <cstddef>
#include <utility>

#include "model/utf8.h"

namespace motcua::reports {
namespace {

// Rounding in the width sums must not push a line that exactly fits onto the next one.
constexpr double kTolerance = 1e-6;

struct Piece {
    std::string text;
    FontFace face = FontFace::Regular;
    double width = 0;
};

struct Word {
    std::vector<TextRun> parts;
    bool spaceBefore = false;
    FontFace spaceFace = FontFace::Regular;
    bool lineBreak = false;  // a '\n' token instead of a word
};

bool IsSpace(char c) noexcept
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

std::vector<Word> Tokenise(const std::vector<TextRun>& runs)
{
    std::vector<Word> words;
    Word current;
    bool pendingSpace = false;
    FontFace pendingFace = FontFace::Regular;
    auto finishWord = [&] {
        if (!current.parts.empty()) {
            words.push_back(std::move(current));
            current = Word{};
        }
    };
    for (const TextRun& run : runs) {
        for (char c : run.text) {
            if (c == '\n') {
                finishWord();
                Word brk;
                brk.lineBreak = true;
                words.push_back(std::move(brk));
                pendingSpace = false;
            } else if (IsSpace(c)) {
                finishWord();
                if (!pendingSpace) {
                    pendingSpace = true;
                    pendingFace = run.face;
                }
            } else {
                if (current.parts.empty()) {
                    current.spaceBefore = pendingSpace;
                    current.spaceFace = pendingFace;
                    pendingSpace = false;
                }
                if (current.parts.empty() || current.parts.back().face != run.face)
                    current.parts.push_back(TextRun{{}, run.face});
                current.parts.back().text += c;
            }
        }
    }
    finishWord();
    return words;
}

// U+0300–U+036F, the combining diacritics, encode as CC 80 … CD AF.
bool StartsWithCombiningMark(std::string_view text, std::size_t at) noexcept
{
    if (at + 1 >= text.size())
        return false;
    const auto b0 = static_cast<unsigned char>(text[at]);
    const auto b1 = static_cast<unsigned char>(text[at + 1]);
    return b0 == 0xCC || (b0 == 0xCD && b1 <= 0xAF);
}

// Splits a word into clusters (a code point with its combining marks) so an overlong word can break between them.
std::vector<Piece> Clusters(const Word& word, const MeasureText& measure)
{
    std::vector<Piece> clusters;
    for (const TextRun& part : word.parts) {
        std::string_view text = part.text;
        std::size_t at = 0;
        while (at < text.size()) {
            // A stray continuation byte counts as one, so it never stalls the loop.
            std::size_t end =
                at + static_cast<std::size_t>(std::max(1, Utf8SequenceLength(static_cast<unsigned char>(text[at]))));
            while (end < text.size() && StartsWithCombiningMark(text, end))
                end += 2;
            if (end > text.size())
                end = text.size();
            std::string cluster(text.substr(at, end - at));
            const double width = measure(cluster, part.face);
            clusters.push_back(Piece{std::move(cluster), part.face, width});
            at = end;
        }
    }
    return clusters;
}

class LineBuilder {
public:
    LineBuilder(double maxWidth, const MeasureText& measure) : m_maxWidth(maxWidth), m_measure(measure) {}

    void Add(const Word& word)
    {
        std::vector<Piece> pieces;
        double width = 0;
        for (const TextRun& part : word.parts) {
            const double w = m_measure(part.text, part.face);
            pieces.push_back(Piece{part.text, part.face, w});
            width += w;
        }
        if (!m_pieces.empty()) {
            const double space = word.spaceBefore ? m_measure(" ", word.spaceFace) : 0;
            if (m_width + space + width <= m_maxWidth + kTolerance) {
                if (word.spaceBefore)
                    Append(Piece{" ", word.spaceFace, space});
                for (Piece& piece : pieces)
                    Append(std::move(piece));
                return;
            }
            Break();
        }
        if (width <= m_maxWidth + kTolerance) {
            for (Piece& piece : pieces)
                Append(std::move(piece));
            return;
        }
        for (Piece& cluster : Clusters(word, m_measure)) {
            if (!m_pieces.empty() && m_width + cluster.width > m_maxWidth + kTolerance)
                Break();
            Append(std::move(cluster));
        }
    }

    void Break()
    {
        TextLine line;
        for (Piece& piece : m_pieces) {
            if (!line.fragments.empty() && line.fragments.back().face == piece.face) {
                line.fragments.back().text += piece.text;
                line.fragments.back().width += piece.width;
            } else {
                line.fragments.push_back(LineFragment{std::move(piece.text), piece.face, line.width, piece.width});
            }
            line.width += piece.width;
        }
        m_lines.push_back(std::move(line));
        m_pieces.clear();
        m_width = 0;
    }

    std::vector<TextLine> Finish()
    {
        if (!m_pieces.empty())
            Break();
        return std::move(m_lines);
    }

private:
    void Append(Piece piece)
    {
        m_width += piece.width;
        m_pieces.push_back(std::move(piece));
    }

    double m_maxWidth;
    const MeasureText& m_measure;
    std::vector<Piece> m_pieces;
    double m_width = 0;
    std::vector<TextLine> m_lines;
};

}  // namespace

std::vector<TextLine> LayoutText(const std::vector<TextRun>& runs, double maxWidth, const MeasureText& measure)
{
    LineBuilder builder(maxWidth, measure);
    for (const Word& word : Tokenise(runs)) {
        if (word.lineBreak)
            builder.Break();
        else
            builder.Add(word);
    }
    return builder.Finish();
}

}  // namespace motcua::reports
