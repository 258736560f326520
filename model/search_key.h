// What the desk's search box holds: a dossier code, a citizen ID, a phone number or words of a name, told apart here.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace motcua {

enum class SearchKind { Code, CitizenId, Phone, Name };

struct SearchKey {
    SearchKind kind = SearchKind::Name;
    // Code: the code upper-cased. CitizenId: the 12 digits. Phone: its two stored forms, "0…" and "+84…". Name: the
    // words as typed (letters and digits; folding to lower case without diacritics is the database's
    // motcua_fold_name, so that both sides fold alike), at most kMaxSearchWords.
    std::vector<std::string> values;
};

inline constexpr std::size_t kMinSearchLength = 2;    // characters, spaces aside
inline constexpr std::size_t kMaxSearchLength = 100;  // bytes
inline constexpr std::size_t kMaxSearchWords = 6;

// Spaces around are dropped. Digits alone (spaces, dots and dashes between groups allowed): 12 → citizen ID; a
// Vietnamese phone number (0 and 9-10 digits, or +84 and 9-10 digits) → phone. One token with a dash and a digit
// (as "000.31.21.H41-260302-0001") → code. Anything else → name words, split at ASCII characters that are neither
// letters nor digits. Throws Error(BadInput) on the field "q": too short, too long, not valid UTF-8, too many words,
// or digits that are neither an ID nor a phone number.
SearchKey ParseSearchKey(const std::string& text);

}  // namespace motcua
