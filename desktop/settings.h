// What the desk remembers between starts (server address, user name, window layout, columns, language), as keys
// and text values; the shell stores them where the platform usually does (wxConfig), tests in memory.
#pragma once

#include <map>
#include <optional>
#include <string>

namespace motcua::desktop {

// Keys are paths such as "window/width" or "queues/columns"; values are text the caller formats and parses.
class ISettings {
public:
    virtual ~ISettings() = default;
    virtual std::optional<std::string> Read(const std::string& key) const = 0;
    virtual void Write(const std::string& key, const std::string& value) = 0;

    std::string ReadOr(const std::string& key, const std::string& fallback) const
    {
        return Read(key).value_or(fallback);
    }
};

// Settings kept in memory only: the presenters' tests, and a desk started with settings turned off.
class MemorySettings final : public ISettings {
public:
    std::optional<std::string> Read(const std::string& key) const override
    {
        const auto found = m_values.find(key);
        return found == m_values.end() ? std::nullopt : std::optional<std::string>(found->second);
    }
    void Write(const std::string& key, const std::string& value) override { m_values[key] = value; }

private:
    std::map<std::string, std::string> m_values;
};

}  // namespace motcua::desktop
