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

}  // namespace

BOOST_AUTO_TEST_SUITE(login)

BOOST_AUTO_TEST_CASE(blank_user_name_is_refused_inline_without_calling_the_server)
{
    FakeLoginView view;
    view.username = "   ";
    view.password = "secret";
    FakeStaffApi api;
    LoginPresenter presenter(view, api);
    BOOST_TEST(!presenter.Submit().has_value());
    BOOST_REQUIRE(view.error.has_value());
    BOOST_TEST(view.error->first == "Enter your user name.");
    BOOST_TEST(view.error->second == "username");
    BOOST_TEST(api.logins.empty());
    BOOST_TEST(view.busyChanges.empty());
}

BOOST_AUTO_TEST_CASE(blank_password_is_refused_inline_without_calling_the_server)
{
    FakeLoginView view;
    view.username = "clerk.hoankiem";
    FakeStaffApi api;
    LoginPresenter presenter(view, api);
    BOOST_TEST(!presenter.Submit().has_value());
    BOOST_REQUIRE(view.error.has_value());
    BOOST_TEST(view.error->second == "password");
    BOOST_TEST(api.logins.empty());
}

BOOST_AUTO_TEST_CASE(wrong_password_shows_the_servers_message_next_to_the_password)
{
    FakeLoginView view;
    view.username = "clerk.hoankiem";
    view.password = "wrong";
    FakeStaffApi api;
    api.loginError = std::make_exception_ptr(
        Problem(ErrorCategory::Unauthenticated, 401, "Wrong user name or password", "Sai tên đăng nhập hoặc mật khẩu"));
    LoginPresenter presenter(view, api);
    BOOST_TEST(!presenter.Submit().has_value());
    BOOST_REQUIRE(view.error.has_value());
    BOOST_TEST(view.error->first == "Wrong user name or password");
    BOOST_TEST(view.error->second == "password");
    BOOST_TEST(api.logins.size() == 1u);
    // Busy during the call only, and the error appears once the fields are usable again.
    BOOST_TEST((view.busyChanges == std::vector<bool>{true, false}));
    BOOST_TEST(!view.errorShownWhileBusy);
}

BOOST_AUTO_TEST_CASE(in_vietnamese_the_servers_vietnamese_title_is_used_when_the_catalogue_lacks_it)
{
    VietnameseUi ui(Catalogue{});
    FakeLoginView view;
    view.username = "clerk.hoankiem";
    view.password = "wrong";
    FakeStaffApi api;
    api.loginError = std::make_exception_ptr(
        Problem(ErrorCategory::Unauthenticated, 401, "Wrong user name or password", "Sai tên đăng nhập hoặc mật khẩu"));
    LoginPresenter presenter(view, api);
    presenter.Submit();
    BOOST_REQUIRE(view.error.has_value());
    BOOST_TEST(view.error->first == "Sai tên đăng nhập hoặc mật khẩu");
}

BOOST_AUTO_TEST_CASE(in_vietnamese_the_desks_own_translation_wins_when_it_has_one)
{
    VietnameseUi ui(Catalogue{{"Wrong user name or password", "Tên đăng nhập hoặc mật khẩu không đúng"}});
    FakeLoginView view;
    view.username = "clerk.hoankiem";
    view.password = "wrong";
    FakeStaffApi api;
    api.loginError = std::make_exception_ptr(
        Problem(ErrorCategory::Unauthenticated, 401, "Wrong user name or password", "Sai tên đăng nhập hoặc mật khẩu"));
    LoginPresenter presenter(view, api);
    presenter.Submit();
    BOOST_REQUIRE(view.error.has_value());
    BOOST_TEST(view.error->first == "Tên đăng nhập hoặc mật khẩu không đúng");
}

BOOST_AUTO_TEST_CASE(unreachable_server_points_at_the_server_address)
{
    FakeLoginView view;
    view.username = "clerk.hoankiem";
    view.password = "secret";
    FakeStaffApi api;
    api.loginError = std::make_exception_ptr(
        Error(ErrorCategory::Environment,
              "Cannot reach the server. Check the server address and the network, then try again.", {},
              "Connection refused"));
    LoginPresenter presenter(view, api);
    BOOST_TEST(!presenter.Submit().has_value());
    BOOST_REQUIRE(view.error.has_value());
    BOOST_TEST(view.error->first.find("Cannot reach the server") == 0u);
    BOOST_TEST(view.error->second == "server");
}

BOOST_AUTO_TEST_CASE(a_bad_server_address_is_refused_before_any_login)
{
    FakeLoginView view;
    view.server = "";
    view.username = "clerk.hoankiem";
    view.password = "secret";
    FakeStaffApi api;
    LoginPresenter presenter(view, api);
    BOOST_TEST(!presenter.Submit().has_value());
    BOOST_REQUIRE(view.error.has_value());
    BOOST_TEST(view.error->second == "server");
    BOOST_TEST(api.logins.empty());
}

BOOST_AUTO_TEST_CASE(success_returns_the_session_and_clears_an_earlier_error)
{
    FakeLoginView view;
    view.username = "wrong";
    view.password = "x";
    FakeStaffApi api;
    api.loginError =
        std::make_exception_ptr(Problem(ErrorCategory::Unauthenticated, 401, "Wrong user name or password"));
    LoginPresenter presenter(view, api);
    presenter.Submit();
    BOOST_REQUIRE(view.error.has_value());

    api.loginError = nullptr;
    api.loginResult = ClerkSession();
    view.username = "clerk.hoankiem";
    view.password = "đúng-mật-khẩu";
    const std::optional<Session> session = presenter.Submit();
    BOOST_REQUIRE(session.has_value());
    BOOST_TEST(session->staff.fullName == "Trần Thị Bích");
    BOOST_TEST(!view.error.has_value());
    BOOST_TEST(api.serverUrl == "http://127.0.0.1:8080");
    BOOST_TEST(api.logins.back().first == "clerk.hoankiem");
    BOOST_TEST(api.logins.back().second == "đúng-mật-khẩu");
    BOOST_TEST(!view.busy);
}

BOOST_AUTO_TEST_SUITE_END()
