// Dossier codes (mã hồ sơ): receiving agency code, receipt date, the day's sequence per agency. Layout configurable.
#pragma once

#include <string>

#include "model/time.h"

namespace motcua {

// The layout is a pattern with the placeholders {agency}, {yymmdd}, {yyyymmdd} and {seq:N} (N-digit zero-padded);
// the default is the (2018) layout "{agency}-{yymmdd}-{seq:4}", e.g. "000.00.00.H41-250715-0001".
class DossierCodeFormat {
public:
    static constexpr const char* kDefaultPattern = "{agency}-{yymmdd}-{seq:4}";
    explicit DossierCodeFormat(std::string pattern = kDefaultPattern);  // throws BadInput for a malformed pattern
    std::string Format(const std::string& agencyCode, Date receiptDate, int sequence) const;  // throws on overflow
    int MaxSequence() const noexcept;  // 9999 for {seq:4}
    const std::string& Pattern() const noexcept { return m_pattern; }

private:
    std::string m_pattern;
    int m_seqDigits = 4;
};

}  // namespace motcua
