#include "desktop/json_reader.h"

#include <limits>
#include <sstream>

#include <Poco/Dynamic/Var.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include "desktop/gettext_macros.h"

namespace motcua::desktop {

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

const char* const kNotUnderstood = N_("The server sent an answer the desk does not understand.");

}  // namespace

void ThrowBadResponse(const std::string& member, const std::string& why)
{
    throw Error(ErrorCategory::Internal, kNotUnderstood, {}, "member '" + member + "': " + why);
}

JsonReader JsonReader::Parse(const std::string& json)
{
    Poco::Dynamic::Var root;
    try {
        Poco::JSON::Parser parser;
        root = parser.parse(json);
    } catch (const Poco::Exception& e) {
        throw Error(ErrorCategory::Internal, kNotUnderstood, {}, "invalid JSON: " + e.displayText());
    }
    if (root.type() != typeid(Object::Ptr))
        ThrowBadResponse("(document)", "expected a JSON object");
    return JsonReader(root.extract<Object::Ptr>(), "");
}

JsonReader::JsonReader(Object::Ptr object, std::string path) : m_object(std::move(object)), m_path(std::move(path)) {}

Poco::Dynamic::Var JsonReader::Required(const std::string& key) const
{
    if (!m_object->has(key))
        ThrowBadResponse(Path(key), "missing");
    if (m_object->isNull(key))
        ThrowBadResponse(Path(key), "null");
    return m_object->get(key);
}

std::string JsonReader::String(const std::string& key) const
{
    Poco::Dynamic::Var v = Required(key);
    if (!v.isString())
        ThrowBadResponse(Path(key), "expected a string");
    return v.extract<std::string>();
}

std::string JsonReader::OptionalString(const std::string& key) const
{
    if (m_object->isNull(key))
        return {};
    return String(key);
}

std::int64_t JsonReader::Int(const std::string& key) const
{
    Poco::Dynamic::Var v = Required(key);
    if (!v.isInteger())
        ThrowBadResponse(Path(key), "expected an integer");
    return v.convert<std::int64_t>();
}

std::optional<double> JsonReader::OptionalNumber(const std::string& key) const
{
    if (IsNull(key))
        return std::nullopt;
    Poco::Dynamic::Var v = Required(key);
    if (!v.isNumeric())
        ThrowBadResponse(Path(key), "expected a number");
    return v.convert<double>();
}

bool JsonReader::Bool(const std::string& key) const
{
    Poco::Dynamic::Var v = Required(key);
    if (!v.isBoolean())
        ThrowBadResponse(Path(key), "expected true or false");
    return v.extract<bool>();
}

Instant JsonReader::Time(const std::string& key) const
{
    const std::string text = String(key);
    try {
        return ParseIso8601(text, Path(key));
    } catch (const Error&) {
        ThrowBadResponse(Path(key), "not an ISO 8601 time: '" + text + "'");
    }
}

std::optional<Instant> JsonReader::OptionalTime(const std::string& key) const
{
    if (m_object->isNull(key))
        return std::nullopt;
    return Time(key);
}

NationalStatus JsonReader::Status(const std::string& key) const
{
    const std::int64_t code = Int(key);
    // The model's status table says which codes exist; the int range first, so a huge number cannot wrap into one.
    if (code >= std::numeric_limits<int>::min() && code <= std::numeric_limits<int>::max()) {
        const auto status = static_cast<NationalStatus>(code);
        if (HasName(kNationalStatusNames, status))
            return status;
    }
    ThrowBadResponse(Path(key), "status " + std::to_string(code) + " outside 1..10");
}

JsonReader JsonReader::Child(const std::string& key) const
{
    Poco::Dynamic::Var v = Required(key);
    if (v.type() != typeid(Object::Ptr))
        ThrowBadResponse(Path(key), "expected an object");
    return JsonReader(v.extract<Object::Ptr>(), Path(key));
}

std::vector<JsonReader> JsonReader::Objects(const std::string& key) const
{
    Poco::Dynamic::Var v = Required(key);
    if (v.type() != typeid(Array::Ptr))
        ThrowBadResponse(Path(key), "expected an array");
    Array::Ptr array = v.extract<Array::Ptr>();
    std::vector<JsonReader> out;
    for (unsigned i = 0; i < array->size(); ++i) {
        const std::string itemPath = Path(key) + "[" + std::to_string(i) + "]";
        Object::Ptr item = array->getObject(i);
        if (item.isNull())
            ThrowBadResponse(itemPath, "expected an object");
        out.emplace_back(item, itemPath);
    }
    return out;
}

std::vector<std::string> JsonReader::OptionalStrings(const std::string& key) const
{
    if (IsNull(key))
        return {};
    Poco::Dynamic::Var v = Required(key);
    if (v.type() != typeid(Array::Ptr))
        ThrowBadResponse(Path(key), "expected an array");
    Array::Ptr array = v.extract<Array::Ptr>();
    std::vector<std::string> out;
    for (unsigned i = 0; i < array->size(); ++i) {
        const Poco::Dynamic::Var item = array->get(i);
        if (!item.isString())
            ThrowBadResponse(Path(key) + "[" + std::to_string(i) + "]", "expected a string");
        out.push_back(item.extract<std::string>());
    }
    return out;
}

bool JsonReader::Has(const std::string& key) const
{
    return m_object->has(key);
}

bool JsonReader::IsNull(const std::string& key) const
{
    return m_object->isNull(key);
}

std::string JsonReader::Stringified(const std::string& key) const
{
    if (m_object->isNull(key))
        return "{}";
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(m_object->get(key), out);
    return out.str();
}

}  // namespace motcua::desktop
