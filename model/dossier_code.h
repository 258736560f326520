// Dossier codes (mã hồ sơ): receiving agency code, receipt date, the day's sequence per agency. Layout configurable.
#pragma once

#include <string>

#include "model/time.h"

namespace motcua {

// The layout is a pattern with the placeholders {agency}, {yymmdd}, {yyyymmdd} and {seq:N} (N-digit zero-padded);
// the default is the (2018) layout "{agency}-{yymmdd}-{seq:4}", e.g. "000.00.00.H41-250715-0001".
// Decree 118/2025 art. 28.2 leaves the exact layout to a circular, hence the pattern. Because the sequence restarts
// every day per agency, a pattern must hold {agency}, a date and exactly one {seq:N} (N = 1..9); anything else,
// an unknown placeholder or an unbalanced brace is Error(BadInput, "dossierCodePattern").
class DossierCodeFormat {
public:
    static constexpr const char* kDefaultPattern = "{agency}-{yymmdd}-{seq:4}";
    explicit DossierCodeFormat(std::string pattern = kDefaultPattern);  // throws BadInput for a malformed pattern
    // Throws Error(Internal) for a sequence < 1 or > MaxSequence() (the counter is the caller's), BadInput for an
    // empty agency code ("agencyCode") or an impossible date ("receiptDate").
    std::string Format(const std::string& agencyCode, Date receiptDate, int sequence) const;
    int MaxSequence() const noexcept;  // 9999 for {seq:4}
    const std::string& Pattern() const noexcept { return m_pattern; }

private:
    std::string m_pattern;
    int m_seqDigits = 4;
};

}  // namespace motcua
