// Fuzz target: the date parsers of the APIs (model/time.h): "YYYY-MM-DD" and ISO 8601 instants. Text is refused as
// BadInput naming its field, or read into a value that prints back: a date to the very same text, an instant to text
// that reads again to the same instant.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "model/time.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using namespace motcua::fuzz;

void CheckField(const std::string& text, const std::string& field, auto&& parse)
{
    try {
        parse();
    } catch (const motcua::Error& e) {
        Require(e.Category() == motcua::ErrorCategory::BadInput && e.Field() == field,
                "a date was refused with another category or field", text + " → " + e.what());
    } catch (const std::exception& e) {
        Fail("a date parser threw something else than motcua::Error", text + " → " + e.what());
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);

    CheckField(text, "date", [&] {
        const motcua::Date date = motcua::ParseDate(text, "date");
        Require(date.ok(), "an impossible date was read", text);
        Require(motcua::FormatDate(date) == text, "a date does not print back to its text", text);
        Require(motcua::FormatVietnameseDate(date).size() == 10, "a date prints badly in the Vietnamese style", text);
    });

    CheckField(text, "dueAt", [&] {
        const motcua::Instant instant = motcua::ParseIso8601(text, "dueAt");
        for (const std::chrono::seconds offset : {motcua::kVietnamUtcOffset, std::chrono::seconds{0}}) {
            const std::string printed = motcua::FormatIso8601(instant, offset);
            motcua::Instant again;
            try {
                again = motcua::ParseIso8601(printed, "dueAt");
            } catch (const std::exception& e) {
                Fail("an instant prints as text that does not read again", text + " → " + printed);
            }
            Require(again == instant, "an instant prints as text that reads as another instant",
                    text + " → " + printed);
        }
    });
    return 0;
}
