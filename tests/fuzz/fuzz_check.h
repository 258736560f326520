// Property checks for the fuzz targets: a broken property prints what broke and aborts, which libFuzzer reports as a
// crash with the input that caused it (assert would vanish under NDEBUG, and the fuzz build is RelWithDebInfo).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>

#include "model/error.h"

namespace motcua::fuzz {

// `detail` is printed with control bytes and bytes outside ASCII as \xNN, so the log shows exactly what was compared.
[[noreturn]] inline void Fail(std::string_view what, std::string_view detail = {})
{
    std::fprintf(stderr, "fuzz property broken: %.*s\n  ", static_cast<int>(what.size()), what.data());
    for (const char c : detail) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x20 && byte < 0x7F)
            std::fputc(byte, stderr);
        else
            std::fprintf(stderr, "\\x%02X", byte);
    }
    std::fputc('\n', stderr);
    std::abort();
}

inline void Require(bool holds, std::string_view what, std::string_view detail = {})
{
    if (!holds)
        Fail(what, detail);
}

// Runs `action`; true when it returned, false when it threw Error(BadInput). Any other exception, or another
// category, breaks the rule that bad input is refused as bad input and nothing else.
template <typename Action>
bool RefusedOnlyAsBadInput(Action&& action, std::string_view what)
{
    try {
        action();
        return true;
    } catch (const Error& e) {
        Require(e.Category() == ErrorCategory::BadInput, what, std::string("error of another category: ") + e.what());
        return false;
    } catch (const std::exception& e) {
        Fail(what, std::string("an exception that is not motcua::Error: ") + e.what());
    } catch (...) {
        Fail(what, "an exception that is not even std::exception");
    }
}

}  // namespace motcua::fuzz
