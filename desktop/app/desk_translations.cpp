#include "desktop/app/desk_translations.h"

#include <wx/filename.h>
#include <wx/stdpaths.h>
#include <wx/translation.h>

#include "desktop/translation.h"

namespace motcua::desktop {

TranslationSetup SetUpTranslations(const std::string& language, const std::string& localeDir)
{
    TranslationSetup setup;
    std::vector<wxString> folders;
    if (!localeDir.empty())
        folders.push_back(wxString::FromUTF8(localeDir));
    wxFileName installed(wxStandardPaths::Get().GetExecutablePath());
    installed.AppendDir("..");
    installed.AppendDir("share");
    installed.AppendDir("locale");
    installed.SetFullName(wxEmptyString);
    installed.Normalize(wxPATH_NORM_DOTS | wxPATH_NORM_ABSOLUTE);
    folders.push_back(installed.GetPath());
#ifdef MOTCUA_BUILD_LOCALE_DIR
    folders.push_back(wxString::FromUTF8(MOTCUA_BUILD_LOCALE_DIR));
#endif
    for (const wxString& folder : folders) {
        wxFileTranslationsLoader::AddCatalogLookupPathPrefix(folder);
        setup.searchedFolders.push_back(folder.utf8_string());
    }

    // A fresh wxTranslations: no system locale is needed (the desk may run under LANG=C).
    auto* translations = new wxTranslations();
    wxTranslations::Set(translations);
    const bool vietnamese = language == "vi";
    translations->SetLanguage(vietnamese ? wxLANGUAGE_VIETNAMESE : wxLANGUAGE_ENGLISH_US);
    if (vietnamese)
        setup.catalogueLoaded = translations->AddCatalog("motcua", wxLANGUAGE_ENGLISH_US);

    const bool useVietnamese = vietnamese && setup.catalogueLoaded;
    SetTranslator(
        [](const char* msgid) { return wxGetTranslation(wxString::FromUTF8(msgid)).utf8_string(); },
        // Without the catalogue the UI is English, so the server's English titles fit better than its Vietnamese.
        useVietnamese);
    return setup;
}

}  // namespace motcua::desktop
