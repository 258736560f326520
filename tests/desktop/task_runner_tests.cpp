// The task runner: work off the calling thread, outcomes delivered where the UI queue says, late outcomes dropped.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>

#include <boost/test/unit_test.hpp>

#include "desktop/task_runner.h"
#include "tests/desktop/desktop_fakes.h"

using namespace motcua::desktop;
using motcua::desktop::test::ManualTaskRunner;
using motcua::desktop::test::UiThread;

BOOST_AUTO_TEST_SUITE(tasks)

BOOST_AUTO_TEST_CASE(work_runs_off_the_ui_thread_and_the_outcome_comes_back_on_it)
{
    UiThread ui;
    ThreadPoolTaskRunner runner([&ui](std::function<void()> call) { ui.Post(std::move(call)); });
    TaskScope scope(runner);
    const std::thread::id uiThread = std::this_thread::get_id();
    std::thread::id workThread;
    std::thread::id doneThread;
    int result = 0;
    scope.Run<int>(
        [&] {
            workThread = std::this_thread::get_id();
            return 42;
        },
        [&](int value) {
            doneThread = std::this_thread::get_id();
            result = value;
        },
        [](const std::exception_ptr&) { BOOST_FAIL("no failure expected"); });
    BOOST_TEST(scope.Busy());
    BOOST_REQUIRE(ui.RunOne());
    BOOST_TEST(result == 42);
    BOOST_TEST((workThread != uiThread));
    BOOST_TEST((doneThread == uiThread));
    BOOST_TEST(!scope.Busy());
}

BOOST_AUTO_TEST_CASE(what_the_work_throws_reaches_the_failure_handler)
{
    ManualTaskRunner runner;
    TaskScope scope(runner);
    std::string message;
    scope.RunVoid([] { throw std::runtime_error("server gone"); }, [] { BOOST_FAIL("no success expected"); },
                  [&](const std::exception_ptr& error) {
                      try {
                          std::rethrow_exception(error);
                      } catch (const std::exception& e) {
                          message = e.what();
                      }
                  });
    BOOST_TEST(runner.RunOne());
    BOOST_TEST(message == "server gone");
}

BOOST_AUTO_TEST_CASE(outcomes_after_the_scope_is_gone_or_cancelled_are_dropped)
{
    ManualTaskRunner runner;
    int delivered = 0;
    {
        TaskScope scope(runner);
        scope.Run<int>([] { return 1; }, [&](int) { ++delivered; }, [](const std::exception_ptr&) {});
    }
    runner.RunAll();  // the presenter closed before the answer came
    BOOST_TEST(delivered == 0);

    TaskScope scope(runner);
    scope.Run<int>([] { return 1; }, [&](int) { ++delivered; }, [](const std::exception_ptr&) {});
    scope.CancelPending();  // a reload supersedes the page under way
    BOOST_TEST(!scope.Busy());
    scope.Run<int>([] { return 2; }, [&](int value) { delivered += value; }, [](const std::exception_ptr&) {});
    runner.RunAll();
    BOOST_TEST(delivered == 2);
}

BOOST_AUTO_TEST_CASE(two_workers_run_two_slow_calls_at_once)
{
    UiThread ui;
    ThreadPoolTaskRunner runner([&ui](std::function<void()> call) { ui.Post(std::move(call)); }, 2);
    TaskScope scope(runner);
    std::atomic<int> running{0};
    std::atomic<int> peak{0};
    auto slow = [&] {
        peak = std::max(peak.load(), ++running);
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        --running;
    };
    scope.RunVoid(
        slow, [] {}, [](const std::exception_ptr&) {});
    scope.RunVoid(
        slow, [] {}, [](const std::exception_ptr&) {});
    BOOST_REQUIRE(ui.RunOne());
    BOOST_REQUIRE(ui.RunOne());
    BOOST_TEST(peak.load() == 2);
}

BOOST_AUTO_TEST_SUITE_END()
