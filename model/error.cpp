#include "model/error.h"

namespace motcua {

std::string FormatMessage(const std::string& pattern, const MessageArgs& args)
{
    std::string out;
    out.reserve(pattern.size() + 32);
    std::size_t i = 0;
    while (i < pattern.size()) {
        if (pattern[i] == '{') {
            const std::size_t close = pattern.find('}', i + 1);
            if (close != std::string::npos) {
                const std::string name = pattern.substr(i + 1, close - i - 1);
                bool replaced = false;
                for (const auto& [key, value] : args) {
                    if (key == name) {
                        out += value;
                        replaced = true;
                        break;
                    }
                }
                if (replaced) {
                    i = close + 1;
                    continue;
                }
            }
        }
        out += pattern[i];
        ++i;
    }
    return out;
}

const char* ToString(ErrorCategory category) noexcept
{
    return NameOf(kErrorCategoryNames, category, "internal");
}

}  // namespace motcua
