// One name table per enum: each value beside its key (and display names), looked up both ways by the same code.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace motcua {

// One row of an enum's name table. The key is what the database stores and the API sends; the display names are
// empty for enums that have none.
template <typename E>
struct EnumName {
    E value;
    const char* key;
    const char* vietnamese = "";  // the official Vietnamese name (the portal's status, a document form)
    const char* english = "";     // a gettext msgid for screens
};

namespace detail {
// Out of line so that model/error.h can itself hold a name table.
[[noreturn]] void ThrowUnknownName(const char* message, const std::string& field);
}  // namespace detail

// Whether `value` has a row (false for an integer cast from bad data).
template <typename E, std::size_t N>
constexpr bool HasName(const EnumName<E> (&table)[N], E value) noexcept
{
    for (const EnumName<E>& row : table)
        if (row.value == value)
            return true;
    return false;
}

// The `column` of `value`'s row, or `fallback` for a value outside the table (an integer cast from bad data).
template <typename E, std::size_t N>
constexpr const char* NameOf(const EnumName<E> (&table)[N], E value, const char* fallback,
                             const char* EnumName<E>::*column = &EnumName<E>::key) noexcept
{
    for (const EnumName<E>& row : table)
        if (row.value == value)
            return row.*column;
    return fallback;
}

// The value whose key is `key` (exact, case-sensitive), or empty when no row has it.
template <typename E, std::size_t N>
constexpr std::optional<E> FindValue(const EnumName<E> (&table)[N], std::string_view key) noexcept
{
    for (const EnumName<E>& row : table)
        if (key == row.key)
            return row.value;
    return std::nullopt;
}

// The value whose key is `key` (exact, case-sensitive); otherwise throws Error(BadInput) with `message` naming `field`.
template <typename E, std::size_t N>
E ValueOf(const EnumName<E> (&table)[N], std::string_view key, const char* message, const std::string& field)
{
    if (const std::optional<E> value = FindValue(table, key))
        return *value;
    detail::ThrowUnknownName(message, field);
}

}  // namespace motcua
