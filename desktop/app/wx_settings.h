// ISettings kept where the platform keeps an application's settings (wxConfig: ~/.config/motcua-desk on Linux, the
// registry on Windows).
#pragma once

#include <memory>

#include <wx/config.h>

#include "desktop/settings.h"

namespace motcua::desktop {

class WxSettings final : public ISettings {
public:
    // `config` null: the application's own (wxConfigBase::Get, named after the app).
    explicit WxSettings(std::unique_ptr<wxConfigBase> config = nullptr);
    std::optional<std::string> Read(const std::string& key) const override;
    void Write(const std::string& key, const std::string& value) override;

private:
    std::unique_ptr<wxConfigBase> m_owned;
    wxConfigBase* m_config;
};

}  // namespace motcua::desktop
