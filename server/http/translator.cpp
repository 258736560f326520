#include "server/http/translator.h"

#include <filesystem>
#include <iostream>

#include <boost/locale/generator.hpp>
#include <boost/locale/message.hpp>

namespace motcua::server {

namespace {
constexpr const char* kDomain = "motcua";
}

Translator::Translator(const std::string& localeDir) : m_localeDir(localeDir), m_hasCatalogue(HoldsCatalogue(localeDir))
{
    if (!m_hasCatalogue) {
        std::cerr << "warning: Vietnamese message catalogue '" << kDomain << ".mo' not found"
                  << (localeDir.empty() ? std::string() : " in " + localeDir)
                  << "; error titles will be in English only (use --locale-dir)\n";
        return;
    }
    boost::locale::generator generator;
    generator.add_messages_path(localeDir);
    generator.add_messages_domain(kDomain);
    m_locale = generator("vi_VN.UTF-8");
}

std::string Translator::Vietnamese(const std::string& msgid) const
{
    if (!m_hasCatalogue || msgid.empty())
        return msgid;
    return boost::locale::translate(msgid).str(m_locale);
}

bool Translator::HoldsCatalogue(const std::string& dir)
{
    if (dir.empty())
        return false;
    std::error_code ec;
    for (const char* language : {"vi", "vi_VN"}) {
        auto file = std::filesystem::path(dir) / language / "LC_MESSAGES" / (std::string(kDomain) + ".mo");
        if (std::filesystem::is_regular_file(file, ec))
            return true;
    }
    return false;
}

std::string Translator::FindLocaleDir(const std::string& explicitDir, const std::string& executablePath,
                                      const std::string& buildTreeDir)
{
    if (!explicitDir.empty())
        return HoldsCatalogue(explicitDir) ? explicitDir : std::string();
    if (!executablePath.empty()) {
        const std::filesystem::path share = std::filesystem::path(executablePath).parent_path() / ".." / "share";
        // share/motcua/locale is the motcua-server package's own copy: share/locale's belongs to motcua-desk, and
        // two Debian packages cannot hold the same file.
        for (const std::filesystem::path& installed : {share / "locale", share / "motcua" / "locale"})
            if (HoldsCatalogue(installed.lexically_normal().string()))
                return installed.lexically_normal().string();
    }
    return HoldsCatalogue(buildTreeDir) ? buildTreeDir : std::string();
}

std::string Translator::BuildTreeLocaleDir()
{
#ifdef MOTCUA_BUILD_LOCALE_DIR
    return MOTCUA_BUILD_LOCALE_DIR;
#else
    return {};
#endif
}

}  // namespace motcua::server
