// Loads the Vietnamese catalogue (motcua.mo) through wxTranslations and points the presenters' translator at it.
#pragma once

#include <string>
#include <vector>

namespace motcua::desktop {

struct TranslationSetup {
    bool catalogueLoaded = false;
    std::vector<std::string> searchedFolders;  // for the warning when it was not found
};

// `language` is "vi" or "en"; `localeDir` (may be empty) is searched first, then ../share/locale next to the
// executable, then the build tree's locale folder. English needs no catalogue: msgids are English.
TranslationSetup SetUpTranslations(const std::string& language, const std::string& localeDir);

}  // namespace motcua::desktop
