// The desk's real Vietnamese catalogue: compiled from locale/vi.po by the build, loaded the way motcua-desk loads it.
#include <filesystem>

#include <boost/test/unit_test.hpp>
#include <wx/translation.h>

#include "desktop/app/desk_translations.h"
#include "desktop/display_text.h"
#include "desktop/translation.h"

using namespace motcua;

namespace {

// Puts the desk back in English (no catalogue) for the tests that follow.
struct EnglishAfterwards {
    ~EnglishAfterwards()
    {
        desktop::SetTranslator(nullptr, false);
        wxTranslations::Set(nullptr);
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(vietnamese_catalogue)

BOOST_AUTO_TEST_CASE(is_loaded_from_the_build)
{
    const std::filesystem::path localeDir = MOTCUA_TEST_LOCALE_DIR;
    BOOST_REQUIRE_MESSAGE(std::filesystem::exists(localeDir / "vi" / "LC_MESSAGES" / "motcua.mo"),
                          "no compiled catalogue under " << localeDir.string() << " (build target motcua_locale)");
    EnglishAfterwards restore;
    const desktop::TranslationSetup setup = desktop::SetUpTranslations("vi", localeDir.string());
    BOOST_TEST(setup.catalogueLoaded);
    BOOST_TEST(desktop::UiIsVietnamese());
    // Known msgids of the desk come back as locale/vi.po has them.
    BOOST_TEST(desktop::Translate("Newly submitted") == "Mới đăng ký");
    BOOST_TEST(desktop::Translate("Dossier code") == "Mã hồ sơ");
    BOOST_TEST(desktop::StatusText(NationalStatus::Received) == "Được tiếp nhận");
    BOOST_TEST(desktop::ActionText(Action::Accept) == "Tiếp nhận hồ sơ");
    BOOST_TEST(wxGetTranslation("Newly submitted").utf8_string() == "Mới đăng ký");
}

BOOST_AUTO_TEST_CASE(english_needs_no_catalogue)
{
    EnglishAfterwards restore;
    const desktop::TranslationSetup setup = desktop::SetUpTranslations("en", MOTCUA_TEST_LOCALE_DIR);
    BOOST_TEST(!setup.catalogueLoaded);
    BOOST_TEST(!desktop::UiIsVietnamese());
    BOOST_TEST(desktop::Translate("Newly submitted") == "Newly submitted");
}

BOOST_AUTO_TEST_SUITE_END()
