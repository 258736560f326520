#include "model/search_key.h"

#include <algorithm>
#include <cctype>

#include "model/error.h"
#include "model/utf8.h"

namespace motcua {
namespace {

[[noreturn]] void ThrowBad(const char* message, const std::string& detail = {})
{
    throw Error(ErrorCategory::BadInput, message, "q", detail);
}

bool IsAsciiDigit(char c)
{
    return c >= '0' && c <= '9';
}

// The digits of a number typed in groups ("0912 345 678", "0912.345.678"), or "" when anything else is in it.
std::string DigitsOf(const std::string& text)
{
    std::string digits;
    for (const char c : text) {
        if (IsAsciiDigit(c))
            digits += c;
        else if (c != ' ' && c != '.' && c != '-')
            return {};
    }
    return digits;
}

bool IsCode(const std::string& text)
{
    const bool oneToken = text.find(' ') == std::string::npos;
    const bool allowed = std::all_of(text.begin(), text.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-';
    });
    return oneToken && allowed && text.find('-') != std::string::npos &&
           std::any_of(text.begin(), text.end(), IsAsciiDigit) &&
           std::any_of(text.begin(), text.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
}

}  // namespace

SearchKey ParseSearchKey(const std::string& text)
{
    if (text.size() > kMaxSearchLength)
        ThrowBad(N_("The search text is too long"), "at most " + std::to_string(kMaxSearchLength) + " bytes");
    const std::optional<std::vector<char32_t>> decoded = DecodeUtf8(text);
    if (!decoded)
        ThrowBad(N_("The search text is not valid UTF-8"));
    const std::size_t first = text.find_first_not_of(' ');
    const std::string trimmed =
        first == std::string::npos ? std::string() : text.substr(first, text.find_last_not_of(' ') - first + 1);
    const auto characters = std::count_if(decoded->begin(), decoded->end(), [](char32_t c) { return c != U' '; });
    if (static_cast<std::size_t>(characters) < kMinSearchLength)
        ThrowBad(N_("The search text is too short"), "at least " + std::to_string(kMinSearchLength) + " characters");

    const bool international = trimmed.rfind("+84", 0) == 0;
    const std::string digits = DigitsOf(international ? trimmed.substr(3) : trimmed);
    if (!digits.empty()) {
        if (!international && digits.size() == 12)
            return {SearchKind::CitizenId, {digits}};
        const std::string national = international ? digits : (digits[0] == '0' ? digits.substr(1) : std::string());
        if (national.size() >= 9 && national.size() <= 10 && national[0] != '0')
            return {SearchKind::Phone, {"0" + national, "+84" + national}};
        ThrowBad(N_("Search by a dossier code, a 12-digit citizen ID, a phone number or a name"), trimmed);
    }
    if (IsCode(trimmed)) {
        std::string code = trimmed;
        std::transform(code.begin(), code.end(), code.begin(),
                       [](char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); });
        return {SearchKind::Code, {code}};
    }
    SearchKey key{SearchKind::Name, {}};
    std::string word;
    auto flush = [&key, &word] {
        if (!word.empty())
            key.values.push_back(word);
        word.clear();
    };
    for (const char c : trimmed) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x80 || std::isalnum(byte))
            word += c;
        else
            flush();
    }
    flush();
    if (key.values.empty())
        ThrowBad(N_("The search text is too short"), "no letters");
    if (key.values.size() > kMaxSearchWords)
        ThrowBad(N_("The search text has too many words"), "at most " + std::to_string(kMaxSearchWords));
    return key;
}

}  // namespace motcua
