// Fuzz target: JsonInput, the reader of every JSON request body. A body is refused as 400 BadInput or read; what is
// read prints back as JSON that reads again to the same text, and every typed read of every member returns a value
// within its limits or refuses with BadInput naming that member.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "model/utf8.h"
#include "server/http/http_error.h"
#include "server/http/json_input.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using motcua::ErrorCategory;
using motcua::server::HttpError;
using motcua::server::JsonInput;
using namespace motcua::fuzz;

constexpr std::size_t kMaxLength = 40;
constexpr std::size_t kMaxItems = 8;

// What a string read must give: valid UTF-8, no control character, at most kMaxLength characters, in NFC.
void CheckReadText(const std::string& text)
{
    const auto codePoints = motcua::DecodeUtf8(text);
    Require(codePoints.has_value(), "a string read is not valid UTF-8", text);
    Require(codePoints->size() <= kMaxLength, "a string read is longer than its limit", text);
    for (const char32_t c : *codePoints)
        Require(c >= 0x20 && c != 0x7F, "a string read holds a control character", text);
    Require(JsonInput::ToNfc(text) == text, "a string read is not in NFC", text);
}

// Every typed read of every member of `input`, whose members are those of `object`; objects are read recursively.
void ReadEveryMember(const JsonInput& input, const Poco::JSON::Object::Ptr& object)
{
    for (const std::string& name : object->getNames()) {
        const std::string field = input.FieldPath(name);
        // A refusal must name the member (or one of its items), so the caller knows what to correct.
        const auto names = [&field](const motcua::Error& e) {
            return e.Field() == field || e.Field().rfind(field + "[", 0) == 0;
        };
        const auto read = [&](auto&& action) {
            try {
                action();
            } catch (const HttpError& e) {
                Fail("a typed read threw an HttpError", e.what());
            } catch (const motcua::Error& e) {
                Require(e.Category() == ErrorCategory::BadInput && names(e), "a typed read refused badly",
                        field + ": " + e.what() + " (field " + e.Field() + ")");
            } catch (const std::exception& e) {
                Fail("a typed read threw something else than motcua::Error", e.what());
            }
        };
        read([&] {
            if (const auto text = input.OptionalString(name, kMaxLength))
                CheckReadText(*text);
        });
        read([&] {
            if (const auto number = input.OptionalInt(name, -1000, 1000))
                Require(*number >= -1000 && *number <= 1000, "an integer read is out of its range", field);
        });
        read([&] {
            if (const auto member = input.OptionalObject(name))
                ReadEveryMember(*member, object->getObject(name));
        });
        read([&] {
            for (const std::string& text : input.RequiredStringArray(name, kMaxItems, kMaxLength))
                CheckReadText(text);
        });
        read([&] {
            const auto items = input.RequiredObjectArray(name, kMaxItems);
            const Poco::JSON::Array::Ptr array = object->getArray(name);
            Require(array && array->size() == items.size(), "an object list read has another size", field);
            for (std::size_t i = 0; i < items.size(); ++i)
                ReadEveryMember(items[i], array->getObject(static_cast<unsigned int>(i)));
        });
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string body(reinterpret_cast<const char*>(data), size);
    std::optional<JsonInput> input;
    try {
        input = JsonInput::Parse(body);
    } catch (const HttpError& e) {
        Require(e.Status() == 400 && e.Category() == ErrorCategory::BadInput, "a body was refused with another status",
                e.what());
        return 0;
    } catch (const std::exception& e) {
        Fail("Parse threw something else than an HttpError", e.what());
    }
    Require(motcua::DecodeUtf8(body).has_value(), "a body that is not UTF-8 was read");

    // Stringify gives what a form payload is stored as: it must read again, to the same text.
    const std::string text = input->Stringify();
    std::optional<JsonInput> again;
    try {
        again = JsonInput::Parse(text);
    } catch (const std::exception& e) {
        Fail("the JSON text of a body that was read is refused", text + " → " + e.what());
    }
    Require(again->Stringify() == text, "the JSON text changes when read again", text);

    // The member names come from Poco's own reading of that text: the typed reads must agree with it.
    const Poco::JSON::Object::Ptr object = Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
    ReadEveryMember(*input, object);
    return 0;
}
