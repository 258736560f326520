// TwoStepPresenter: the secret shown as a QR code of its otpauth address and as grouped text, the code checked and
// sent, success and the server's refusals through the alert.
#include <boost/test/unit_test.hpp>

#include "desktop_fakes.h"
#include "reports/qr_code.h"

using namespace motcua;
using namespace motcua::desktop;
using namespace motcua::desktop::test;

namespace {

StaffMember Clerk()
{
    StaffMember s;
    s.id = 5;
    s.username = "demo.clerk";
    s.fullName = "Trần Thị Bích";
    s.role = Role::Clerk;
    s.agencyId = 3;
    return s;
}

struct TwoStepFixture {
    TwoStepFixture() : presenter(view, api, tasks, alert, renewal, Clerk()) {}
    // Starts and lets the server answer.
    void Started()
    {
        presenter.Start();
        tasks.RunAll();
        BOOST_REQUIRE(view.shown.has_value());
    }
    ManualTaskRunner tasks;
    FakeTwoStepView view;
    FakeStaffApi api;
    RecordingAlert alert;
    FakeSessionRenewal renewal;
    TwoStepPresenter presenter;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(two_step)

BOOST_FIXTURE_TEST_CASE(the_secret_is_shown_as_the_qr_code_of_its_address_and_as_grouped_text, TwoStepFixture)
{
    BOOST_TEST(view.listener == &presenter);
    presenter.Start();
    BOOST_TEST(view.busy);
    BOOST_TEST(!view.shown.has_value());
    tasks.RunAll();
    BOOST_TEST(!view.busy);
    BOOST_TEST(api.totpStarts == std::vector<std::int64_t>{5});  // the logged-in user's own
    BOOST_REQUIRE(view.shown.has_value());
    BOOST_TEST(view.shown->account == "demo.clerk");
    BOOST_TEST(view.shown->secret == "JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP");
    BOOST_TEST(view.shown->uri == api.enrolment.uri);
    // The modules are those of the address itself, so a phone scanning them reads the address.
    const reports::QrCode expected = reports::QrCode::Encode(api.enrolment.uri);
    BOOST_REQUIRE(view.shown->qrSize == expected.Size());
    const auto side = static_cast<std::size_t>(expected.Size());
    BOOST_REQUIRE(view.shown->qrDark.size() == side * side);
    int differences = 0;
    for (std::size_t row = 0; row < side; ++row)
        for (std::size_t column = 0; column < side; ++column)
            differences += view.shown->qrDark[row * side + column] !=
                           expected.IsDark(static_cast<int>(column), static_cast<int>(row));
    BOOST_TEST(differences == 0);
    BOOST_TEST(alert.errors.empty());
    BOOST_TEST(view.closed == 0);
}

BOOST_FIXTURE_TEST_CASE(a_right_code_turns_it_on_and_closes_the_dialog, TwoStepFixture)
{
    Started();
    view.code = " 123 456 ";
    view.PressConfirm();
    BOOST_TEST(view.busy);
    tasks.RunAll();
    BOOST_REQUIRE(api.totpConfirms.size() == 1u);
    BOOST_TEST(api.totpConfirms[0].first == 5);
    BOOST_TEST(api.totpConfirms[0].second == "123456");  // the digits only
    BOOST_TEST(alert.errors.empty());
    BOOST_REQUIRE(alert.infos.size() == 1u);
    BOOST_TEST(alert.infos[0].find("Two-step sign-in is on.") == 0u);
    BOOST_TEST(view.closed == 1);
    BOOST_TEST(!view.busy);
}

BOOST_FIXTURE_TEST_CASE(a_code_that_is_not_six_digits_is_refused_in_the_dialog_without_asking, TwoStepFixture)
{
    Started();
    for (const char* typed : {"", "12345", "1234567", "12a456"}) {
        BOOST_TEST_CONTEXT("'" << typed << "'")
        {
            view.code = typed;
            view.PressConfirm();
            BOOST_TEST(tasks.Queued() == 0u);
            BOOST_TEST(view.error == "Enter the 6-digit code your authenticator app shows for this account.");
        }
    }
    BOOST_TEST(api.totpConfirms.empty());
    view.code = "123456";
    view.PressConfirm();
    BOOST_TEST(view.error.empty());  // cleared once the code is well formed
    tasks.RunAll();
    BOOST_TEST(view.closed == 1);
}

BOOST_FIXTURE_TEST_CASE(a_wrong_code_is_the_servers_error_in_the_alert_and_the_dialog_stays, TwoStepFixture)
{
    Started();
    view.code = "654321";
    view.PressConfirm();
    tasks.RunAll();
    BOOST_REQUIRE(alert.errors.size() == 1u);
    BOOST_TEST(alert.errors[0].text == "Two-step sign-in was not turned on: The code is not valid");
    BOOST_TEST(alert.infos.empty());
    BOOST_TEST(view.closed == 0);
    BOOST_TEST(!view.busy);
    // The next code is the right one.
    view.code = "123456";
    view.PressConfirm();
    tasks.RunAll();
    BOOST_TEST(view.closed == 1);
    BOOST_TEST(alert.infos.size() == 1u);
}

BOOST_FIXTURE_TEST_CASE(the_server_refusing_to_start_closes_the_dialog_with_its_reason, TwoStepFixture)
{
    api.totpErrors.push_back(
        std::make_exception_ptr(Problem(ErrorCategory::NotAllowed, 403, "Only administrators may do this")));
    presenter.Start();
    tasks.RunAll();
    BOOST_TEST(!view.shown.has_value());
    BOOST_REQUIRE(alert.errors.size() == 1u);
    BOOST_TEST(alert.errors[0].text == "Two-step sign-in could not be set up: Only administrators may do this");
    BOOST_TEST(view.closed == 1);
    // Nothing to confirm without a secret.
    view.code = "123456";
    view.PressConfirm();
    BOOST_TEST(tasks.Queued() == 0u);
}

BOOST_FIXTURE_TEST_CASE(an_ended_session_is_renewed_and_the_code_sent_again, TwoStepFixture)
{
    Started();
    api.totpErrors.push_back(
        std::make_exception_ptr(Problem(ErrorCategory::Unauthenticated, 401, "Your session has ended")));
    view.code = "123456";
    view.PressConfirm();
    tasks.RunAll();
    BOOST_TEST(renewal.renewals == 1);
    BOOST_TEST(api.totpConfirms.size() == 2u);
    BOOST_TEST(alert.errors.empty());
    BOOST_TEST(view.closed == 1);
}

BOOST_AUTO_TEST_CASE(secrets_group_by_four_and_codes_keep_their_digits)
{
    BOOST_TEST(GroupedSecret("") == "");
    BOOST_TEST(GroupedSecret("ABCDE") == "ABCD E");
    BOOST_TEST(TotpCode("012345").value_or("") == "012345");
    BOOST_TEST(TotpCode("012-345").value_or("") == "012345");
    BOOST_TEST(!TotpCode("0123456").has_value());
    BOOST_TEST(!TotpCode("０１２３４５").has_value());  // full-width digits are not what the server reads
}

BOOST_AUTO_TEST_SUITE_END()
