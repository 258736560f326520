// How the desk writes dates, money, statuses and error messages for people.
#include <functional>
#include <set>

#include <boost/test/unit_test.hpp>

#include "desktop/display_text.h"
#include "desktop_fakes.h"

using namespace motcua;
using namespace motcua::desktop;
using namespace motcua::desktop::test;

BOOST_AUTO_TEST_SUITE(text)

BOOST_AUTO_TEST_CASE(times_are_shown_in_the_provinces_wall_clock)
{
    using namespace std::chrono;
    const Instant utc = sys_days{year{2026} / 12 / 31} + hours{17} + minutes{5};  // 00:05 on 1 January in Hà Nội
    BOOST_TEST(FormatDeskDateTime(utc) == "01/01/2027 00:05");
    BOOST_TEST(FormatDeskDateTime(At(2026, 3, 9, 7, 0)) == "09/03/2026 07:00");
    BOOST_TEST(FormatDeskDateTime(std::nullopt) == "—");
    BOOST_TEST(FormatDeskDate("1990-05-12") == "12/05/1990");
    BOOST_TEST(FormatDeskDate("12/05/1990") == "12/05/1990");
}

BOOST_AUTO_TEST_CASE(placeholders_are_filled_in_order)
{
    BOOST_TEST(FormatText("%s of %s", {"3", "10"}) == "3 of 10");
    BOOST_TEST(FormatText("100%% of %s", {"x"}) == "100% of x");
    BOOST_TEST(FormatText("%s and %s", {"only"}) == "only and ");
    BOOST_TEST(FormatText("%d stays", {"x"}) == "%d stays");
}

BOOST_AUTO_TEST_CASE(money_and_durations)
{
    BOOST_TEST(FeeText(0) == "No fee");
    BOOST_TEST(FeeText(50000) == "50.000 VND");
    BOOST_TEST(FeeText(1234567) == "1.234.567 VND");
    BOOST_TEST(FeeText(500) == "500 VND");
    BOOST_TEST(FeeText(-1234567) == "-1.234.567 VND");
    BOOST_TEST(ProcessingTimeText(5, DurationUnit::WorkingDays) == "5 working days");
    BOOST_TEST(ProcessingTimeText(15, DurationUnit::CalendarDays) == "15 calendar days");
    BOOST_TEST(ProcessingTimeText(0, DurationUnit::WorkingDays) == "On the spot");
}

BOOST_AUTO_TEST_CASE(every_status_has_its_own_name_and_translates)
{
    std::set<std::string> names;
    for (int code = 1; code <= 10; ++code)
        names.insert(StatusText(static_cast<NationalStatus>(code)));
    BOOST_TEST(names.size() == 10u);
    VietnameseUi ui(Catalogue{{"Received", "Được tiếp nhận"}, {"Intake clerk", "Cán bộ tiếp nhận"}});
    BOOST_TEST(StatusText(NationalStatus::Received) == "Được tiếp nhận");
    BOOST_TEST(RoleText(Role::Clerk) == "Cán bộ tiếp nhận");
}

// Every word of the model's vocabulary has display text of its own: none shows its raw key (as request_fees and
// pay_fees once did in the history list), and no two share one.
BOOST_AUTO_TEST_CASE(every_word_of_the_vocabulary_has_its_own_text)
{
    struct VocabularyCase {
        std::string caseName;
        int first;
        int last;
        std::function<std::string(int)> text;
        std::function<std::string(int)> key;
    };
    // clang-format off
    const std::vector<VocabularyCase> cases = {
        {"actions", 1, 13, [](int v) { return ActionText(static_cast<Action>(v)); },
                           [](int v) { return std::string(ToString(static_cast<Action>(v))); }},
        {"roles", 1, 6, [](int v) { return RoleText(static_cast<Role>(v)); },
                        [](int v) { return std::string(ToString(static_cast<Role>(v))); }},
        {"document forms", 1, 3, [](int v) { return DocumentFormText(static_cast<DocumentForm>(v)); },
                                 [](int v) { return std::string(ToString(static_cast<DocumentForm>(v))); }},
        {"channels", 1, 3, [](int v) { return ChannelText(static_cast<Channel>(v)); },
                           [](int v) { return std::string(ToString(static_cast<Channel>(v))); }},
    };
    // clang-format on
    for (const VocabularyCase& c : cases) {
        BOOST_TEST_CONTEXT(c.caseName)
        {
            std::set<std::string> texts;
            for (int v = c.first; v <= c.last; ++v) {
                BOOST_TEST_CONTEXT(c.key(v))
                {
                    BOOST_TEST(!c.text(v).empty());
                    BOOST_TEST(c.text(v) != c.key(v));
                    texts.insert(c.text(v));
                }
            }
            BOOST_TEST(texts.size() == static_cast<std::size_t>(c.last - c.first + 1));
        }
    }
    BOOST_TEST(ActionText(Action::RequestFees) == "Fees requested");
    BOOST_TEST(ActionText(Action::PayFees) == "Fees paid");
}

BOOST_AUTO_TEST_CASE(problem_types_map_to_categories_and_fall_back_on_the_status)
{
    BOOST_TEST(static_cast<int>(CategoryFromProblem("urn:motcua:error:not-allowed", 500)) ==
               static_cast<int>(ErrorCategory::NotAllowed));
    BOOST_TEST(static_cast<int>(CategoryFromProblem("", 409)) == static_cast<int>(ErrorCategory::Conflict));
    BOOST_TEST(static_cast<int>(CategoryFromProblem("urn:other", 401)) ==
               static_cast<int>(ErrorCategory::Unauthenticated));
    BOOST_TEST(static_cast<int>(CategoryFromProblem("", 503)) == static_cast<int>(ErrorCategory::Environment));
    BOOST_TEST(static_cast<int>(CategoryFromProblem("", 500)) == static_cast<int>(ErrorCategory::Internal));
    BOOST_TEST(static_cast<int>(CategoryFromProblem("", 422)) == static_cast<int>(ErrorCategory::BadInput));
}

BOOST_AUTO_TEST_CASE(details_name_the_category_status_field_and_detail)
{
    const ApiError e(ErrorCategory::BadInput, 422, "Invalid citizen ID", "Số định danh cá nhân không hợp lệ",
                     "applicant.citizenId", "check digit", "urn:motcua:error:bad-input");
    const std::string details = TechnicalDetails(e);
    BOOST_TEST(details.find(std::string("category: ") + ToString(ErrorCategory::BadInput)) != std::string::npos);
    BOOST_TEST(details.find("HTTP status: 422") != std::string::npos);
    BOOST_TEST(details.find("field: applicant.citizenId") != std::string::npos);
    BOOST_TEST(details.find("detail: check digit") != std::string::npos);
    BOOST_TEST(UserMessage(e) == "Invalid citizen ID");
}

BOOST_AUTO_TEST_SUITE_END()
