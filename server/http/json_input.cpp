#include "server/http/json_input.h"

#include <set>
#include <sstream>
#include <string_view>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <vector>

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include "model/error.h"
#include "model/utf8.h"
#include "server/http/http_error.h"

namespace motcua::server {

namespace {

// Deep enough for any form payload, shallow enough that a hostile body cannot exhaust the stack.
constexpr std::size_t kMaxDepth = 64;

// Poco's parser lets the last of two equal member names win silently; a body that says two things is refused.
class NoDuplicateMembers : public Poco::JSON::ParseHandler {
public:
    NoDuplicateMembers() : Poco::JSON::ParseHandler(true) {}
    void reset() override
    {
        m_names.clear();
        ParseHandler::reset();
    }
    void startObject() override
    {
        m_names.emplace_back();
        ParseHandler::startObject();
    }
    void endObject() override
    {
        m_names.pop_back();
        ParseHandler::endObject();
    }
    void key(const std::string& name) override
    {
        if (!m_names.empty() && !m_names.back().insert(name).second)
            throw HttpError(400, ErrorCategory::BadInput, N_("A member appears twice in the request body"), {},
                            "member \"" + name + "\"");
        ParseHandler::key(name);
    }

private:
    std::vector<std::set<std::string>> m_names;
};

// An integer literal beyond what the parser holds exactly (unsigned 64 bits, signed 64 bits when negative) would wrap
// (18446744073709551617 reads as 1) or saturate: the first such literal outside strings, or empty. Anything the parser
// holds exactly is left to the typed reads, which name the field. JSON puts digits outside strings only in numbers.
std::string_view IntegerBeyondRange(std::string_view json)
{
    constexpr std::string_view kMax = "18446744073709551615";
    constexpr std::string_view kMinMagnitude = "9223372036854775808";
    for (std::size_t i = 0; i < json.size();) {
        const char c = json[i];
        if (c == '"') {
            for (++i; i < json.size() && json[i] != '"'; ++i)
                if (json[i] == '\\')
                    ++i;
            ++i;
            continue;
        }
        if (c != '-' && (c < '0' || c > '9')) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < json.size() && std::string_view("+-0123456789.eE").find(json[end]) != std::string_view::npos)
            ++end;
        const std::string_view number = json.substr(i, end - i);
        i = end;
        if (number.find_first_of(".eE") != std::string_view::npos)
            continue;  // a fraction or exponent is a double, range-checked where it is read
        const bool negative = number.front() == '-';
        const std::string_view digits = negative ? number.substr(1) : number;
        const std::string_view limit = negative ? kMinMagnitude : kMax;
        if (digits.size() > limit.size() || (digits.size() == limit.size() && digits > limit))
            return number;
    }
    return {};
}

bool IsMissing(const Poco::Dynamic::Var& v)
{
    return v.isEmpty();
}

}  // namespace

JsonInput JsonInput::Parse(const std::string& body)
{
    // Checked up front so no invalid text reaches a free-form payload (formData) either.
    if (!DecodeUtf8(body))
        throw HttpError(400, ErrorCategory::BadInput, N_("The request body is not valid JSON"), {}, "invalid UTF-8");
    if (const std::string_view number = IntegerBeyondRange(body); !number.empty())
        throw HttpError(400, ErrorCategory::BadInput, N_("A number in the request body is too large"), {},
                        std::string(number));
    Poco::Dynamic::Var root;
    try {
        Poco::JSON::Parser parser(new NoDuplicateMembers);
        parser.setDepth(kMaxDepth);
        root = parser.parse(body);
    } catch (const Poco::Exception& e) {
        throw HttpError(400, ErrorCategory::BadInput, N_("The request body is not valid JSON"), {}, e.message());
    }
    if (root.type() != typeid(Poco::JSON::Object::Ptr))
        throw HttpError(400, ErrorCategory::BadInput, N_("The request body must be a JSON object"));
    return JsonInput(root.extract<Poco::JSON::Object::Ptr>(), {});
}

JsonInput::JsonInput(Poco::JSON::Object::Ptr object, std::string path)
    : m_object(std::move(object)),
      m_path(std::move(path))
{}

std::string JsonInput::ToNfc(const std::string& text)
{
    // Vietnamese arrives composed ("ễ") or decomposed ("e" + U+0302 + U+0303) depending on the phone's keyboard;
    // stored one way, a name is found and compared one way.
    bool ascii = true;
    for (const char c : text)
        ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii)
        return text;
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status))
        throw Error(ErrorCategory::Internal, N_("Internal server error"), {}, u_errorName(status));
    const icu::UnicodeString normalized = nfc->normalize(icu::UnicodeString::fromUTF8(text), status);
    if (U_FAILURE(status))
        throw Error(ErrorCategory::Internal, N_("Internal server error"), {}, u_errorName(status));
    std::string out;
    normalized.toUTF8String(out);
    return out;
}

std::string JsonInput::FieldPath(const std::string& name) const
{
    return m_path.empty() ? name : m_path + "." + name;
}

void JsonInput::CheckText(const std::string& text, std::size_t maxLength, const std::string& field)
{
    const auto codePoints = DecodeUtf8(text);
    if (!codePoints)
        throw Error(ErrorCategory::BadInput, N_("This text is not valid UTF-8"), field);
    for (const char32_t cp : *codePoints) {
        if (cp < 0x20 || cp == 0x7F)
            throw Error(ErrorCategory::BadInput, N_("This text contains control characters"), field);
    }
    if (codePoints->size() > maxLength)
        throw Error(ErrorCategory::BadInput, N_("This text is too long"), field,
                    "at most " + std::to_string(maxLength) + " characters");
}

std::optional<std::string> JsonInput::OptionalString(const std::string& name, std::size_t maxLength) const
{
    const Poco::Dynamic::Var v = m_object->get(name);
    if (IsMissing(v))
        return std::nullopt;
    const std::string field = FieldPath(name);
    if (v.type() != typeid(std::string))
        throw Error(ErrorCategory::BadInput, N_("This field must be text"), field);
    const auto& text = v.extract<std::string>();
    CheckText(text, maxLength, field);
    return ToNfc(text);
}

std::string JsonInput::RequiredString(const std::string& name, std::size_t maxLength) const
{
    auto value = OptionalString(name, maxLength);
    if (!value)
        throw Error(ErrorCategory::BadInput, N_("This field is required"), FieldPath(name));
    return *value;
}

std::optional<std::int64_t> JsonInput::OptionalInt(const std::string& name, std::int64_t min, std::int64_t max) const
{
    const Poco::Dynamic::Var v = m_object->get(name);
    if (IsMissing(v))
        return std::nullopt;
    const std::string field = FieldPath(name);
    // Poco reports booleans as integers too; JSON true is not a number.
    if (!v.isInteger() || v.isBoolean())
        throw Error(ErrorCategory::BadInput, N_("This field must be a whole number"), field);
    std::int64_t value = 0;
    try {
        value = v.convert<std::int64_t>();
    } catch (const Poco::Exception&) {
        throw Error(ErrorCategory::BadInput, N_("This number is out of range"), field);
    }
    if (value < min || value > max)
        throw Error(ErrorCategory::BadInput, N_("This number is out of range"), field,
                    "between " + std::to_string(min) + " and " + std::to_string(max));
    return value;
}

std::int64_t JsonInput::RequiredInt(const std::string& name, std::int64_t min, std::int64_t max) const
{
    auto value = OptionalInt(name, min, max);
    if (!value)
        throw Error(ErrorCategory::BadInput, N_("This field is required"), FieldPath(name));
    return *value;
}

std::optional<JsonInput> JsonInput::OptionalObject(const std::string& name) const
{
    const Poco::Dynamic::Var v = m_object->get(name);
    if (IsMissing(v))
        return std::nullopt;
    if (v.type() != typeid(Poco::JSON::Object::Ptr))
        throw Error(ErrorCategory::BadInput, N_("This field must be an object"), FieldPath(name));
    return JsonInput(v.extract<Poco::JSON::Object::Ptr>(), FieldPath(name));
}

JsonInput JsonInput::RequiredObject(const std::string& name) const
{
    auto value = OptionalObject(name);
    if (!value)
        throw Error(ErrorCategory::BadInput, N_("This field is required"), FieldPath(name));
    return *value;
}

Poco::JSON::Array::Ptr JsonInput::RequiredArray(const std::string& name, std::size_t maxItems) const
{
    const Poco::Dynamic::Var v = m_object->get(name);
    const std::string field = FieldPath(name);
    if (IsMissing(v))
        throw Error(ErrorCategory::BadInput, N_("This field is required"), field);
    if (v.type() != typeid(Poco::JSON::Array::Ptr))
        throw Error(ErrorCategory::BadInput, N_("This field must be a list"), field);
    const auto& array = v.extract<Poco::JSON::Array::Ptr>();
    if (array->size() > maxItems)
        throw Error(ErrorCategory::BadInput, N_("This list has too many items"), field,
                    "at most " + std::to_string(maxItems));
    return array;
}

std::vector<std::string> JsonInput::RequiredStringArray(const std::string& name, std::size_t maxItems,
                                                        std::size_t maxLength) const
{
    const Poco::JSON::Array::Ptr array = RequiredArray(name, maxItems);
    const std::string field = FieldPath(name);
    std::vector<std::string> items;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const std::string itemField = field + "[" + std::to_string(i) + "]";
        Poco::Dynamic::Var item = array->get(static_cast<unsigned int>(i));
        if (!item.isString())
            throw Error(ErrorCategory::BadInput, N_("This field must be text"), itemField);
        const auto& text = item.extract<std::string>();
        CheckText(text, maxLength, itemField);
        items.push_back(ToNfc(text));
    }
    return items;
}

std::vector<JsonInput> JsonInput::RequiredObjectArray(const std::string& name, std::size_t maxItems) const
{
    const Poco::JSON::Array::Ptr array = RequiredArray(name, maxItems);
    const std::string field = FieldPath(name);
    std::vector<JsonInput> items;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const std::string itemField = field + "[" + std::to_string(i) + "]";
        Poco::Dynamic::Var item = array->get(static_cast<unsigned int>(i));
        if (item.type() != typeid(Poco::JSON::Object::Ptr))
            throw Error(ErrorCategory::BadInput, N_("This field must be an object"), itemField);
        items.emplace_back(item.extract<Poco::JSON::Object::Ptr>(), itemField);
    }
    return items;
}

std::string JsonInput::Stringify() const
{
    std::ostringstream out;
    m_object->stringify(out);
    return out.str();
}

}  // namespace motcua::server
