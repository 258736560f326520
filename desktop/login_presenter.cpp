#include "desktop/login_presenter.h"

#include <algorithm>

#include "desktop/api_error.h"
#include "desktop/gettext_macros.h"

namespace motcua::desktop {
namespace {

bool IsBlank(const std::string& text)
{
    return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

std::string Trimmed(const std::string& text)
{
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

const char* const kEnterCode = N_("Enter the 6-digit code from your authenticator app.");

}  // namespace

std::string WaitText(std::chrono::seconds wait)
{
    const long long total = std::max<long long>(wait.count(), 1);
    const long long minutes = total / 60;
    const long long seconds = total % 60;
    if (minutes == 0)
        return FormatText(seconds == 1 ? _("1 second") : _("%s seconds"), {std::to_string(seconds)});
    std::string minuteText = FormatText(minutes == 1 ? _("1 minute") : _("%s minutes"), {std::to_string(minutes)});
    if (seconds == 0)
        return minuteText;
    return FormatText(_("%s %s seconds"), {minuteText, std::to_string(seconds)});
}

LoginPresenter::LoginPresenter(views::ILoginView& view, IStaffApi& api, ITaskRunner& tasks, ILoginListener& listener)
    : m_view(view),
      m_api(api),
      m_tasks(tasks),
      m_listener(listener)
{
    m_view.SetListener(this);
}

LoginPresenter::~LoginPresenter()
{
    m_view.SetListener(nullptr);
}

void LoginPresenter::Submit()
{
    if (Busy())
        return;  // Enter pressed twice: one login at a time
    m_view.ClearError();
    const std::string server = m_view.GetServerUrl();
    const std::string username = m_view.GetUsername();
    const std::string password = m_view.GetPassword();
    if (IsBlank(username)) {
        m_view.ShowError(_("Enter your user name."), "username");
        return;
    }
    if (password.empty()) {
        m_view.ShowError(_("Enter your password."), "password");
        return;
    }
    const std::string otp = m_otpAsked ? Trimmed(m_view.GetOtp()) : std::string();
    if (m_otpAsked && otp.empty()) {
        m_view.ShowError(_(kEnterCode), "otp");
        return;
    }
    m_view.SetBusy(true);
    m_tasks.Run<Session>(
        [this, server, username, password, otp] {
            m_api.SetServerUrl(server);
            return m_api.Login(username, password, otp);
        },
        [this](const Session& session) {
            m_view.SetBusy(false);
            m_listener.LoggedIn(session);
            m_view.CloseLoggedIn();
        },
        [this](const std::exception_ptr& error) {
            std::string message;
            std::string field;
            try {
                std::rethrow_exception(error);
            } catch (const ApiError& e) {
                message = UserMessage(e);
                field = e.Category() == ErrorCategory::Unauthenticated ? "password" : e.Field();
                if (e.Code() == "otp_required") {
                    // Not a failure: the password was right and the account wants its code as well.
                    m_otpAsked = true;
                    m_view.ShowOtp();
                    message = _(kEnterCode);
                    field = "otp";
                } else if (e.Code() == "otp_invalid") {
                    field = "otp";
                } else if (e.Code() == "login_locked") {
                    message = FormatText(_("Too many failed sign-ins for this account. Wait %s, then try again."),
                                         {WaitText(e.RetryAfter())});
                    field = "password";
                }
            } catch (const Error& e) {
                message = UserMessage(e);
                field = e.Field();
                // A wrong password or an unknown user is about the password; an unreachable server the address.
                if (e.Category() == ErrorCategory::Unauthenticated)
                    field = "password";
                else if (e.Category() == ErrorCategory::Environment)
                    field = "server";
            } catch (const std::exception& e) {
                message = FormatText(_("Logging in failed: %s"), {e.what()});
            }
            m_view.SetBusy(false);
            // Shown once the view is no longer busy, so the offending field can take the focus.
            m_view.ShowError(message, field);
        });
    m_listener.LoginStarted();
}

}  // namespace motcua::desktop
