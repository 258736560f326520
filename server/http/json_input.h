// Typed reads from a JSON request body; every failure is Error(BadInput) naming the field by its path
// ("applicant.citizenId", "documents[2].count"), and a body that is not JSON is a 400 with field "".
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

namespace motcua::server {

class JsonInput {
public:
    // The body must be exactly one JSON object.
    static JsonInput Parse(const std::string& body);

    JsonInput(Poco::JSON::Object::Ptr object, std::string path);

    // Strings must be valid UTF-8 without control characters; lengths count characters, not bytes.
    // A member that is absent or null is "missing".
    std::string RequiredString(const std::string& name, std::size_t maxLength) const;
    std::optional<std::string> OptionalString(const std::string& name, std::size_t maxLength) const;
    std::int64_t RequiredInt(const std::string& name, std::int64_t min, std::int64_t max) const;
    std::optional<std::int64_t> OptionalInt(const std::string& name, std::int64_t min, std::int64_t max) const;
    JsonInput RequiredObject(const std::string& name) const;
    std::optional<JsonInput> OptionalObject(const std::string& name) const;
    std::vector<JsonInput> RequiredObjectArray(const std::string& name, std::size_t maxItems) const;
    // A list of strings, each checked as RequiredString checks one ("missingDocuments[2]").
    std::vector<std::string> RequiredStringArray(const std::string& name, std::size_t maxItems,
                                                 std::size_t maxLength) const;

    // The full path of a member of this object, for error fields.
    std::string FieldPath(const std::string& name) const;
    const std::string& Path() const noexcept { return m_path; }
    // Compact JSON text of this object (e.g. to store a form payload as given).
    std::string Stringify() const;

    // Throws BadInput(field) unless `text` is valid UTF-8 of at most `maxLength` characters without controls.
    static void CheckText(const std::string& text, std::size_t maxLength, const std::string& field);
    // `text` (valid UTF-8) in Unicode normalisation form C: every text member is read this way.
    static std::string ToNfc(const std::string& text);

private:
    Poco::JSON::Array::Ptr RequiredArray(const std::string& name, std::size_t maxItems) const;

    Poco::JSON::Object::Ptr m_object;
    std::string m_path;
};

}  // namespace motcua::server
