#include "model/dossier_code.h"

#include "model/error.h"

namespace motcua {
namespace {

enum class PieceKind { Literal, Agency, YyMmDd, YyyyMmDd, Sequence };

struct Piece {
    PieceKind kind = PieceKind::Literal;
    std::string text;  // for literals
};

[[noreturn]] void BadPattern()
{
    ThrowBadInput(N_("Dossier code pattern is malformed: use {agency}, {yymmdd} or {yyyymmdd}, and one {seq:N} with "
                     "N from 1 to 9"),
                  "dossierCodePattern");
}

// Splits the pattern into literals and placeholders; `seqDigits` receives N of {seq:N}.
std::vector<Piece> Parse(const std::string& pattern, int& seqDigits)
{
    std::vector<Piece> pieces;
    int sequences = 0;
    int dates = 0;
    int agencies = 0;
    std::size_t i = 0;
    while (i < pattern.size()) {
        const char c = pattern[i];
        if (c == '}')
            BadPattern();
        if (c != '{') {
            if (pieces.empty() || pieces.back().kind != PieceKind::Literal)
                pieces.push_back({PieceKind::Literal, {}});
            pieces.back().text += c;
            ++i;
            continue;
        }
        const std::size_t close = pattern.find('}', i + 1);
        if (close == std::string::npos)
            BadPattern();
        const std::string name = pattern.substr(i + 1, close - i - 1);
        if (name.find('{') != std::string::npos)
            BadPattern();
        if (name == "agency") {
            pieces.push_back({PieceKind::Agency, {}});
            ++agencies;
        } else if (name == "yymmdd") {
            pieces.push_back({PieceKind::YyMmDd, {}});
            ++dates;
        } else if (name == "yyyymmdd") {
            pieces.push_back({PieceKind::YyyyMmDd, {}});
            ++dates;
        } else if (name.size() == 5 && name.compare(0, 4, "seq:") == 0 && name[4] >= '1' && name[4] <= '9') {
            pieces.push_back({PieceKind::Sequence, {}});
            seqDigits = name[4] - '0';
            ++sequences;
        } else {
            ThrowBadInput(N_("Dossier code pattern has an unknown placeholder"), "dossierCodePattern");
        }
        i = close + 1;
    }
    // The sequence restarts every day per agency, so a code is unique only with all three parts.
    if (sequences != 1 || dates < 1 || agencies < 1)
        BadPattern();
    return pieces;
}

std::string ZeroPadded(long long value, int digits)
{
    std::string s = std::to_string(value);
    if (static_cast<int>(s.size()) < digits)
        s.insert(0, static_cast<std::size_t>(digits) - s.size(), '0');
    return s;
}

}  // namespace

DossierCodeFormat::DossierCodeFormat(std::string pattern) : m_pattern(std::move(pattern))
{
    Parse(m_pattern, m_seqDigits);
}

int DossierCodeFormat::MaxSequence() const noexcept
{
    int max = 1;
    for (int i = 0; i < m_seqDigits; ++i)
        max *= 10;
    return max - 1;
}

std::string DossierCodeFormat::Format(const std::string& agencyCode, Date receiptDate, int sequence) const
{
    if (agencyCode.empty())
        ThrowBadInput(N_("Agency code is required"), "agencyCode");
    if (!receiptDate.ok())
        ThrowBadInput(N_("Invalid date: no such day in the calendar"), "receiptDate");
    if (sequence < 1)
        throw Error(ErrorCategory::Internal, N_("Dossier sequence numbers start at 1"), {},
                    "sequence " + std::to_string(sequence));
    if (sequence > MaxSequence())
        throw Error(ErrorCategory::Internal,
                    N_("The agency has used every dossier number of the day; the code pattern needs a longer sequence"),
                    {}, "sequence " + std::to_string(sequence) + " > " + std::to_string(MaxSequence()));
    int digits = 4;
    const std::vector<Piece> pieces = Parse(m_pattern, digits);
    const int y = static_cast<int>(receiptDate.year());
    const auto m = static_cast<unsigned>(receiptDate.month());
    const auto d = static_cast<unsigned>(receiptDate.day());
    std::string out;
    for (const Piece& p : pieces) {
        switch (p.kind) {
        case PieceKind::Literal: out += p.text; break;
        case PieceKind::Agency: out += agencyCode; break;
        case PieceKind::YyMmDd: out += ZeroPadded(y % 100, 2) + ZeroPadded(m, 2) + ZeroPadded(d, 2); break;
        case PieceKind::YyyyMmDd: out += ZeroPadded(y, 4) + ZeroPadded(m, 2) + ZeroPadded(d, 2); break;
        case PieceKind::Sequence: out += ZeroPadded(sequence, digits); break;
        }
    }
    return out;
}

}  // namespace motcua
