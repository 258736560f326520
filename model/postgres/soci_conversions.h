// SOCI conversions for the model's value types: optionals as NULL, instants as epoch seconds, dates as epoch days.
#pragma once

#include <chrono>
#include <optional>

#include <soci/type-conversion-traits.h>

#include "model/time.h"

namespace soci {

// std::optional as a nullable column (SOCI 4.0 knows only boost::optional).
template <typename T>
struct type_conversion<std::optional<T>> {
    using base_type = typename type_conversion<T>::base_type;

    static void from_base(const base_type& in, indicator ind, std::optional<T>& out)
    {
        if (ind == i_null) {
            out.reset();
            return;
        }
        T value{};
        type_conversion<T>::from_base(in, ind, value);
        out = std::move(value);
    }

    static void to_base(const std::optional<T>& in, base_type& out, indicator& ind)
    {
        if (in) {
            type_conversion<T>::to_base(*in, out, ind);
        } else {
            out = base_type{};
            ind = i_null;
        }
    }
};

// Instants travel as whole epoch seconds: statements write to_timestamp(:x) and read EPOCH columns (pg::Epoch),
// so neither the session time zone nor std::tm's lack of an offset can shift them.
template <>
struct type_conversion<motcua::Instant> {
    using base_type = long long;

    static void from_base(long long in, indicator ind, motcua::Instant& out)
    {
        if (ind == i_null)
            throw soci_error("Null value not allowed for an instant");
        out = motcua::Instant{std::chrono::seconds{in}};
    }

    static void to_base(const motcua::Instant& in, long long& out, indicator& ind)
    {
        out = in.time_since_epoch().count();
        ind = i_ok;
    }
};

// Dates travel as days since 1970-01-01: statements write DATE '1970-01-01' + CAST(:d AS integer).
template <>
struct type_conversion<motcua::Date> {
    using base_type = int;

    static void from_base(int in, indicator ind, motcua::Date& out)
    {
        if (ind == i_null)
            throw soci_error("Null value not allowed for a date");
        out = motcua::Date{std::chrono::sys_days{std::chrono::days{in}}};
    }

    static void to_base(const motcua::Date& in, int& out, indicator& ind)
    {
        out = static_cast<int>(std::chrono::sys_days{in}.time_since_epoch().count());
        ind = i_ok;
    }
};

}  // namespace soci
