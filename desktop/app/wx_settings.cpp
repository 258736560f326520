#include "desktop/app/wx_settings.h"

namespace motcua::desktop {
namespace {

// Keys are "section/name" paths; wxConfig reads an absolute path the same way.
wxString Path(const std::string& key)
{
    return "/" + wxString::FromUTF8(key);
}

}  // namespace

WxSettings::WxSettings(std::unique_ptr<wxConfigBase> config)
    : m_owned(std::move(config)),
      m_config(m_owned ? m_owned.get() : wxConfigBase::Get())
{}

std::optional<std::string> WxSettings::Read(const std::string& key) const
{
    wxString value;
    if (!m_config || !m_config->Read(Path(key), &value))
        return std::nullopt;
    return value.utf8_string();
}

void WxSettings::Write(const std::string& key, const std::string& value)
{
    if (!m_config)
        return;
    m_config->Write(Path(key), wxString::FromUTF8(value));
    m_config->Flush();
}

}  // namespace motcua::desktop
