// The working calendar at start: which file is read, how a missing or wrong one is reported, what the log warns.
#include "server/calendar_loader.h"

#include <filesystem>
#include <fstream>

#include <boost/test/unit_test.hpp>

#include "model/error.h"
#include "server/command_line.h"

using namespace motcua;
using namespace motcua::server;
using namespace std::chrono;

namespace {

const std::string kBadCalendar = std::string(MOTCUA_SERVER_TEST_DATA_DIR) + "/bad_calendar.conf";

// A throwaway prefix laid out as an installation: bin/motcua-server and share/motcua/calendar/vietnam.conf.
struct InstalledPrefix {
    std::filesystem::path root = std::filesystem::temp_directory_path() / "motcua-calendar-loader-test";
    InstalledPrefix()
    {
        std::filesystem::remove_all(root);
        std::filesystem::create_directories(root / "bin");
        std::filesystem::create_directories(root / "share/motcua/calendar");
        std::ofstream(root / "share/motcua/calendar/vietnam.conf") << "# installed\n";
    }
    ~InstalledPrefix() { std::filesystem::remove_all(root); }
};

std::string MessageOf(const std::function<void()>& f, ErrorCategory category)
{
    try {
        f();
    } catch (const Error& e) {
        BOOST_TEST((e.Category() == category));
        return e.what();
    }
    BOOST_ERROR("did not throw");
    return {};
}

CalendarFile TwoYears(const char* status2027)
{
    return ParseCalendarFile(std::string("office-hours = 07:00-11:30, 13:30-17:00\nhours-per-working-day = 8\n"
                                         "forwarding-cutoff = 15:00\nutc-offset = +07:00\n"
                                         "[2026]\nstatus = official\nsource = CV 1\n[2027]\nstatus = ") +
                                 status2027 + "\n",
                             "t.conf");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(CalendarLoaderUnit)

BOOST_AUTO_TEST_CASE(the_option_is_accepted_by_serve_and_seed)
{
    BOOST_TEST(CommandLine::Parse({"serve", "--calendar", "x.conf"}).Value("--calendar").value() == "x.conf");
    BOOST_TEST(CommandLine::Parse({"seed", "--demo", "--calendar=y.conf"}).Value("--calendar").value() == "y.conf");
    BOOST_CHECK_THROW(CommandLine::Parse({"migrate", "--calendar", "x.conf"}), CommandLine::UsageError);
    BOOST_TEST(CommandLine::Usage().find("--calendar FILE") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(search_order_explicit_then_installed_then_build_tree)
{
    // An explicit file is taken as given, even when missing, so the error names it.
    BOOST_TEST(FindCalendarFile("/nowhere/x.conf", "/usr/bin/motcua-server") == "/nowhere/x.conf");
    const InstalledPrefix prefix;
    const std::string exe = (prefix.root / "bin/motcua-server").string();
    BOOST_TEST(FindCalendarFile("", exe) == (prefix.root / "share/motcua/calendar/vietnam.conf").string());
    // Without an executable (in-process tests), the build tree's copy of data/calendar/vietnam.conf.
    const std::string buildTree = FindCalendarFile("", "");
    BOOST_TEST(buildTree.find("share/motcua/calendar/vietnam.conf") != std::string::npos);
    BOOST_TEST(LoadCalendarFile(buildTree).years.size() >= 1u);
    BOOST_TEST(FindCalendarFile("", "/nowhere/bin/motcua-server") == buildTree);
}

BOOST_AUTO_TEST_CASE(a_missing_or_wrong_file_is_an_error_naming_it)
{
    const std::string missing = MessageOf([] { LoadCalendarFile("/nowhere/x.conf"); }, ErrorCategory::Environment);
    BOOST_TEST(missing == "The working calendar file /nowhere/x.conf cannot be read");
    const std::string none = MessageOf([] { LoadCalendarFile(""); }, ErrorCategory::Environment);
    BOOST_TEST(none.find("--calendar") != std::string::npos);
    const std::string bad = MessageOf([] { LoadCalendarFile(kBadCalendar); }, ErrorCategory::BadInput);
    BOOST_TEST(bad.rfind(kBadCalendar + ":9: 2026-01-09 is a Friday", 0) == 0u, bad);
}

BOOST_AUTO_TEST_CASE(start_notes_name_the_years_and_warn_about_this_and_next)
{
    const CalendarFile provisional2027 = TwoYears("provisional");
    auto notes = CalendarStartNotes(provisional2027, "t.conf", Date{2026y / June / 1});
    BOOST_REQUIRE(notes.size() == 2u);
    BOOST_TEST(notes[0] == "working calendar t.conf: 2026 (official), 2027 (provisional)");
    BOOST_TEST(notes[1].find("2027 (next year) are provisional") != std::string::npos, notes[1]);

    notes = CalendarStartNotes(TwoYears("official\nsource = CV 2"), "t.conf", Date{2026y / June / 1});
    BOOST_TEST(notes.size() == 1u);  // both years official: nothing to warn about

    notes = CalendarStartNotes(provisional2027, "t.conf", Date{2027y / December / 31});
    BOOST_REQUIRE(notes.size() == 3u);
    BOOST_TEST(notes[1].find("2027 (this year) are provisional") != std::string::npos, notes[1]);
    BOOST_TEST(notes[2].find("no section for 2028 (next year)") != std::string::npos, notes[2]);
}

BOOST_AUTO_TEST_SUITE_END()
