// LoginPresenter: validation and server errors are shown inline; a session comes back only on success.
#include <boost/test/unit_test.hpp>

#include "desktop_fakes.h"

using namespace motcua;
using namespace motcua::desktop;
using namespace motcua::desktop::test;

namespace {

Session ClerkSession()
{
    Session s;
    s.staff.id = 5;
    s.staff.username = "clerk.hoankiem";
    s.staff.fullName = "Trần Thị Bích";
    s.staff.role = Role::Clerk;
    s.staff.agencyId = 3;
    s.staff.agencyName = "UBND phường Hoàn Kiếm";
    s.expiresAt = At(2026, 11, 27, 17, 30);
    return s;
}

std::exception_ptr WrongPassword()
{
    return std::make_exception_ptr(
        Problem(ErrorCategory::Unauthenticated, 401, "Wrong user name or password", "Sai tên đăng nhập hoặc mật khẩu"));
}

ApiError WithCode(ApiError error, const std::string& code, std::chrono::seconds retryAfter = {})
{
    error.SetCode(code);
    error.SetRetryAfter(retryAfter);
    return error;
}

std::exception_ptr OtpRequired()
{
    return std::make_exception_ptr(
        WithCode(Problem(ErrorCategory::Unauthenticated, 401, "Enter the 6-digit code from your authenticator app",
                         "Nhập mã 6 chữ số từ ứng dụng xác thực", "otp"),
                 "otp_required"));
}

std::exception_ptr OtpInvalid()
{
    return std::make_exception_ptr(
        WithCode(Problem(ErrorCategory::Unauthenticated, 401, "The code is wrong or has been used already",
                         "Mã không đúng hoặc đã được dùng", "otp"),
                 "otp_invalid"));
}

std::exception_ptr Locked(std::chrono::seconds wait)
{
    return std::make_exception_ptr(
        WithCode(Problem(ErrorCategory::NotAllowed, 429,
                         "Too many failed sign-ins; try again in " + std::to_string(wait.count()) + " seconds"),
                 "login_locked", wait));
}

std::exception_ptr Unreachable()
{
    return std::make_exception_ptr(Error(ErrorCategory::Environment,
                                         "Cannot reach the server. Check the server address and the network, then "
                                         "try again.",
                                         {}, "Connection refused"));
}

// One press of "Log in" that must not log in: what the fields hold, what the server answers, what the user sees.
struct RefusedLoginCase {
    std::string caseName;
    std::string server;
    std::string username;
    std::string password;
    std::exception_ptr loginError;        // null: the server is never asked
    std::optional<Catalogue> vietnamese;  // set: the UI is Vietnamese with this catalogue
    std::string message;                  // the inline error
    std::string field;                    // where the focus goes
    std::size_t logins;                   // calls that reached the server's login
    std::vector<bool> busy;               // busy changes of the view
};

const std::string kServer = "http://127.0.0.1:8080";
const std::vector<bool> kNeverBusy;
const std::vector<bool> kBusyForTheCall{true, false};

}  // namespace

BOOST_AUTO_TEST_SUITE(login)

BOOST_AUTO_TEST_CASE(a_login_that_cannot_succeed_is_refused_inline)
{
    // clang-format off
    const std::vector<RefusedLoginCase> cases = {
        { "blank user name: refused without calling the server",
          kServer, "   ", "secret", nullptr, std::nullopt,
          "Enter your user name.", "username", 0, kNeverBusy },
        { "blank password: refused without calling the server",
          kServer, "clerk.hoankiem", "", nullptr, std::nullopt,
          "Enter your password.", "password", 0, kNeverBusy },
        { "wrong password: the server's message, next to the password",
          kServer, "clerk.hoankiem", "wrong", WrongPassword(), std::nullopt,
          "Wrong user name or password", "password", 1, kBusyForTheCall },
        { "in Vietnamese, the server's Vietnamese title when the catalogue lacks the English one",
          kServer, "clerk.hoankiem", "wrong", WrongPassword(), Catalogue{},
          "Sai tên đăng nhập hoặc mật khẩu", "password", 1, kBusyForTheCall },
        { "in Vietnamese, the desk's own translation wins when it has one",
          kServer, "clerk.hoankiem", "wrong", WrongPassword(),
          Catalogue{{"Wrong user name or password", "Tên đăng nhập hoặc mật khẩu không đúng"}},
          "Tên đăng nhập hoặc mật khẩu không đúng", "password", 1, kBusyForTheCall },
        { "unreachable server: points at the server address",
          kServer, "clerk.hoankiem", "secret", Unreachable(), std::nullopt,
          "Cannot reach the server. Check the server address and the network, then try again.", "server", 1,
          kBusyForTheCall },
        { "bad server address: refused before any login",
          "", "clerk.hoankiem", "secret", nullptr, std::nullopt,
          "Enter the server address, for example http://127.0.0.1:8080.", "server", 0, kBusyForTheCall },
    };
    // clang-format on

    for (const RefusedLoginCase& c : cases) {
        BOOST_TEST_CONTEXT(c.caseName)
        {
            std::optional<VietnameseUi> ui;
            if (c.vietnamese)
                ui.emplace(*c.vietnamese);
            FakeLoginView view;
            view.server = c.server;
            view.username = c.username;
            view.password = c.password;
            FakeStaffApi api;
            api.loginError = c.loginError;
            RecordingLoginListener listener;
            ManualTaskRunner tasks;
            LoginPresenter presenter(view, api, tasks, listener);
            BOOST_TEST(view.listener == &presenter);

            view.PressLogIn();
            tasks.RunAll();
            BOOST_REQUIRE(view.error.has_value());
            BOOST_TEST(view.error->first == c.message);
            BOOST_TEST(view.error->second == c.field);
            BOOST_TEST(api.logins.size() == c.logins);
            // Busy during the call only, and the error appears once the fields are usable again.
            BOOST_TEST(view.busyChanges == c.busy);
            BOOST_TEST(!view.errorShownWhileBusy);
            BOOST_TEST(listener.sessions.empty());
            BOOST_TEST(listener.started == (c.busy.empty() ? 0 : 1));  // told only when the call is under way
            BOOST_TEST(!view.closed);
        }
    }
}

BOOST_AUTO_TEST_CASE(success_tells_the_listener_closes_the_dialog_and_clears_an_earlier_error)
{
    FakeLoginView view;
    view.username = "wrong";
    view.password = "x";
    FakeStaffApi api;
    api.loginError =
        std::make_exception_ptr(Problem(ErrorCategory::Unauthenticated, 401, "Wrong user name or password"));
    RecordingLoginListener listener;
    ManualTaskRunner tasks;
    {
        LoginPresenter presenter(view, api, tasks, listener);
        view.PressLogIn();
        BOOST_TEST(view.busy);              // the server is asked off the UI thread
        BOOST_TEST(listener.started == 1);  // the shell may prepare its window meanwhile
        tasks.RunAll();
        BOOST_REQUIRE(view.error.has_value());

        api.loginError = nullptr;
        api.loginResult = ClerkSession();
        view.username = "clerk.hoankiem";
        view.password = "đúng-mật-khẩu";
        view.PressLogIn();
        view.PressLogIn();  // pressed twice while waiting: one login
        tasks.RunAll();
    }
    BOOST_REQUIRE(listener.sessions.size() == 1u);
    BOOST_TEST(listener.sessions.front().staff.fullName == "Trần Thị Bích");
    BOOST_TEST(view.closed);
    BOOST_TEST(!view.error.has_value());
    BOOST_TEST(api.serverUrl == "http://127.0.0.1:8080");
    BOOST_TEST(api.logins.back().first == "clerk.hoankiem");
    BOOST_TEST(api.logins.back().second == "đúng-mật-khẩu");
    BOOST_TEST(api.logins.size() == 2u);  // the wrong one, then one for the two presses
    BOOST_TEST(listener.started == 2);
    BOOST_TEST(!view.busy);
    BOOST_TEST(view.listener == nullptr);  // the presenter took itself back when it went
}

BOOST_AUTO_TEST_CASE(a_session_comes_back_only_on_success)
{
    FakeLoginView view;
    view.username = "clerk.hoankiem";
    view.password = "secret";
    FakeStaffApi api;
    api.loginError = WrongPassword();
    RecordingLoginListener listener;
    ManualTaskRunner tasks;
    LoginPresenter presenter(view, api, tasks, listener);
    presenter.Submit();
    tasks.RunAll();
    BOOST_TEST(listener.sessions.empty());
    api.loginError = nullptr;
    api.loginResult = ClerkSession();
    presenter.Submit();
    BOOST_TEST(listener.sessions.empty());  // not before the answer arrives
    tasks.RunAll();
    BOOST_REQUIRE(listener.sessions.size() == 1u);
    BOOST_TEST(listener.sessions[0].staff.username == "clerk.hoankiem");
    BOOST_TEST(api.logins.size() == 2u);
}

BOOST_AUTO_TEST_CASE(the_code_is_asked_for_when_the_server_wants_it_then_sent_with_the_password)
{
    FakeLoginView view;
    view.username = "clerk.hoankiem";
    view.password = "secret";
    FakeStaffApi api;
    api.loginErrors = {OtpRequired(), OtpInvalid(), nullptr};
    api.loginResult = ClerkSession();
    RecordingLoginListener listener;
    ManualTaskRunner tasks;
    LoginPresenter presenter(view, api, tasks, listener);

    // The first press sends no code; the server asks for one: the field appears and takes the focus.
    BOOST_TEST(!view.otpShown);
    view.PressLogIn();
    tasks.RunAll();
    BOOST_TEST(view.otpShown);
    BOOST_REQUIRE(view.error.has_value());
    BOOST_TEST(view.error->first == "Enter the 6-digit code from your authenticator app.");
    BOOST_TEST(view.error->second == "otp");
    BOOST_TEST(api.otps == std::vector<std::string>{""});
    BOOST_TEST(!view.closed);

    // Now the code is required: a blank one is refused without asking the server.
    view.PressLogIn();
    tasks.RunAll();
    BOOST_TEST(api.logins.size() == 1u);
    BOOST_TEST(view.error->second == "otp");

    // A wrong code: the server's message, next to the code.
    view.otp = " 123456 ";
    view.PressLogIn();
    tasks.RunAll();
    BOOST_TEST(api.otps.back() == "123456");  // trimmed
    BOOST_TEST(view.error->first == "The code is wrong or has been used already");
    BOOST_TEST(view.error->second == "otp");

    view.otp = "654321";
    view.PressLogIn();
    tasks.RunAll();
    BOOST_TEST(api.otps.back() == "654321");
    BOOST_TEST(api.logins.back().second == "secret");
    BOOST_REQUIRE(listener.sessions.size() == 1u);
    BOOST_TEST(view.closed);
}

BOOST_AUTO_TEST_CASE(a_locked_account_says_how_long_to_wait)
{
    struct Case {
        std::string caseName;
        std::chrono::seconds wait;
        std::string message;
    };
    // clang-format off
    const std::vector<Case> cases = {
        {"half a minute", std::chrono::seconds{30},
         "Too many failed sign-ins for this account. Wait 30 seconds, then try again."},
        {"one second", std::chrono::seconds{1},
         "Too many failed sign-ins for this account. Wait 1 second, then try again."},
        {"whole minutes", std::chrono::seconds{120},
         "Too many failed sign-ins for this account. Wait 2 minutes, then try again."},
        {"minutes and seconds", std::chrono::seconds{150},
         "Too many failed sign-ins for this account. Wait 2 minutes 30 seconds, then try again."},
        {"the longest lock", std::chrono::seconds{900},
         "Too many failed sign-ins for this account. Wait 15 minutes, then try again."},
    };
    // clang-format on
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT(c.caseName)
        {
            FakeLoginView view;
            view.username = "clerk.hoankiem";
            view.password = "secret";
            FakeStaffApi api;
            api.loginError = Locked(c.wait);
            RecordingLoginListener listener;
            ManualTaskRunner tasks;
            LoginPresenter presenter(view, api, tasks, listener);
            view.PressLogIn();
            tasks.RunAll();
            BOOST_REQUIRE(view.error.has_value());
            BOOST_TEST(view.error->first == c.message);
            BOOST_TEST(view.error->second == "password");
            BOOST_TEST(!view.otpShown);
            BOOST_TEST(listener.sessions.empty());
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
