// When an inbox row counts as overdue: past its due time and still open, never without a due time, never once the
// result is ready (issue 5: a result awaiting collection is not the office's delay); and when it is due soon.
#include "model/inbox.h"

#include <boost/test/unit_test.hpp>

#include "test_support.h"

using namespace motcua;
using namespace motcua::test;
using namespace std::chrono;

BOOST_AUTO_TEST_SUITE(inbox)

BOOST_AUTO_TEST_CASE(overdue_means_open_and_past_the_due_time)
{
    const Instant now = VnTime(2026, 11, 30, 15, 0);
    struct Case {
        const char* label;
        std::optional<Instant> dueAt;
        NationalStatus status;
        bool overdue;
    };
    // clang-format off
    const Case cases[] = {
        {"no due time yet",              std::nullopt,      NationalStatus::New,                  false},
        {"due a second ago",             now - seconds{1},  NationalStatus::Received,             true},
        {"due right now",                now,               NationalStatus::Processing,           false},
        {"due tomorrow",                 now + hours{24},   NationalStatus::Processing,           false},
        {"late, supplement requested",   now - hours{24},   NationalStatus::SupplementRequested,  true},
        {"late, fees due",               now - hours{24},   NationalStatus::FeesDue,              true},
        {"late, withdrawal requested",   now - hours{24},   NationalStatus::WithdrawalRequested,  true},
        {"result ready, not collected",  now - hours{24},   NationalStatus::ResultReady,          false},
        {"late but returned",            now - hours{24},   NationalStatus::Returned,             false},
        {"late but stopped",             now - hours{24},   NationalStatus::Stopped,              false},
        {"late but refused",             now - hours{24},   NationalStatus::RefusedAtIntake,      false},
    };
    // clang-format on
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT(c.label)
        {
            InboxRow row;
            row.dueAt = c.dueAt;
            row.status = c.status;
            BOOST_TEST(IsOverdue(row, now) == c.overdue);
        }
    }
}

BOOST_AUTO_TEST_CASE(due_soon_means_open_not_late_and_due_before_the_limit)
{
    const Instant now = VnTime(2026, 11, 30, 15, 0);
    const Instant until = VnTime(2026, 12, 2, 15, 0);  // what DueSoonUntil gives here: two working days on
    struct Case {
        const char* label;
        std::optional<Instant> dueAt;
        NationalStatus status;
        bool dueSoon;
    };
    // clang-format off
    const Case cases[] = {
        {"no due time yet",              std::nullopt,       NationalStatus::New,         false},
        {"due right now",                now,                NationalStatus::Processing,  true},
        {"due tomorrow",                 now + hours{24},    NationalStatus::Received,    true},
        {"due a second before the end",  until - seconds{1}, NationalStatus::FeesDue,     true},
        {"due at the end",               until,              NationalStatus::Processing,  false},
        {"due in ten working days",      now + days{14},     NationalStatus::Processing,  false},
        {"already late",                 now - seconds{1},   NationalStatus::Processing,  false},
        {"result ready",                 now + hours{24},    NationalStatus::ResultReady, false},
        {"returned",                     now + hours{24},    NationalStatus::Returned,    false},
    };
    // clang-format on
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT(c.label)
        {
            BOOST_TEST(IsDueSoon(c.dueAt, c.status, now, until) == c.dueSoon);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
