// Vietnamese titles for error messages: the gettext catalogue "motcua" (Boost.Locale) from a folder found at run time.
#pragma once

#include <locale>
#include <string>

namespace motcua::server {

class Translator {
public:
    // `localeDir` holds vi/LC_MESSAGES/motcua.mo (or vi_VN/…); empty or without the catalogue, Vietnamese falls
    // back to the English msgid and one warning goes to stderr.
    explicit Translator(const std::string& localeDir);

    std::string Vietnamese(const std::string& msgid) const;
    bool HasCatalogue() const noexcept { return m_hasCatalogue; }
    const std::string& LocaleDir() const noexcept { return m_localeDir; }

    // Where to look, in order: `explicitDir` when given (and only it, so a wrong --locale-dir is noticed);
    // else <folder of the executable>/../share/locale, then ../share/motcua/locale (the server package's copy);
    // else `buildTreeDir` (the build's compiled catalogues).
    // Returns the first folder holding the catalogue, or "" when none does.
    static std::string FindLocaleDir(const std::string& explicitDir, const std::string& executablePath,
                                     const std::string& buildTreeDir);
    static bool HoldsCatalogue(const std::string& dir);
    // Compiled into the library: the build tree's locale folder (empty when unknown).
    static std::string BuildTreeLocaleDir();

private:
    std::string m_localeDir;
    bool m_hasCatalogue = false;
    std::locale m_locale;
};

}  // namespace motcua::server
