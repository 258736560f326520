#include "model/document_identifier.h"

#include <cstdio>

namespace motcua {
namespace {

constexpr std::string_view kDigits = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

}  // namespace

std::string DocumentIdentifier(int year, std::uint64_t random)
{
    char head[8];
    std::snprintf(head, sizeof head, "%04d", year % 10000);
    std::string out(head);
    for (int i = 0; i < 12; ++i) {
        if (i % 4 == 0)
            out += '-';
        out += kDigits[(random >> (5 * (11 - i))) & 0x1F];
    }
    return out;
}

bool IsDocumentIdentifier(std::string_view text) noexcept
{
    if (text.size() != 4 + 3 * 5)
        return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (i < 4) {
            if (c < '0' || c > '9')
                return false;
        } else if ((i - 4) % 5 == 0) {
            if (c != '-')
                return false;
        } else if (kDigits.find(c) == std::string_view::npos) {
            return false;
        }
    }
    return true;
}

}  // namespace motcua
