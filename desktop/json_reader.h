// The desk's one JSON reader: typed access to the server's documents that names the missing or mistyped member.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "model/dossier.h"
#include "model/error.h"
#include "model/time.h"

namespace motcua::desktop {

// A server answer the desk cannot read is a bug on one side or the other, never the user's fault: Error(Internal)
// whose detail names the member ("history[1].action") and what was wrong with it.
[[noreturn]] void ThrowBadResponse(const std::string& member, const std::string& why);

class JsonReader {
public:
    // The whole document, which must be a JSON object; throws Error(Internal) otherwise.
    static JsonReader Parse(const std::string& json);
    JsonReader(Poco::JSON::Object::Ptr object, std::string path);

    std::string String(const std::string& key) const;
    std::string OptionalString(const std::string& key) const;  // "" when absent or null
    std::int64_t Int(const std::string& key) const;
    bool Bool(const std::string& key) const;
    // A number (integer or not); empty when absent or null.
    std::optional<double> OptionalNumber(const std::string& key) const;
    Instant Time(const std::string& key) const;
    std::optional<Instant> OptionalTime(const std::string& key) const;
    NationalStatus Status(const std::string& key) const;  // the national code 1..10
    // A word of the model's vocabulary, read with its FromString function (which throws motcua::Error for an
    // unknown word): the enum, or an error naming the member and the word.
    template <class FromString>
    auto Word(const std::string& key, FromString fromString) const -> decltype(fromString(std::string()))
    {
        const std::string text = String(key);
        try {
            return fromString(text);
        } catch (const Error&) {
            ThrowBadResponse(Path(key), "unknown value '" + text + "'");
        }
    }
    // Word() when present, nothing when absent, null or "".
    template <class FromString>
    auto OptionalWord(const std::string& key, FromString fromString) const
        -> std::optional<decltype(fromString(std::string()))>
    {
        if (OptionalString(key).empty())
            return std::nullopt;
        return Word(key, fromString);
    }
    JsonReader Child(const std::string& key) const;
    std::vector<JsonReader> Objects(const std::string& key) const;
    // An array of strings; empty when absent or null.
    std::vector<std::string> OptionalStrings(const std::string& key) const;
    bool Has(const std::string& key) const;
    bool IsNull(const std::string& key) const;  // also when absent
    // The member as compact JSON text; "{}" when absent or null.
    std::string Stringified(const std::string& key) const;

private:
    std::string Path(const std::string& key) const { return m_path.empty() ? key : m_path + "." + key; }
    Poco::Dynamic::Var Required(const std::string& key) const;

    Poco::JSON::Object::Ptr m_object;
    std::string m_path;
};

}  // namespace motcua::desktop
