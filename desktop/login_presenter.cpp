#include "desktop/login_presenter.h"

#include "desktop/api_error.h"
#include "desktop/gettext_macros.h"

namespace motcua::desktop {
namespace {

bool IsBlank(const std::string& text)
{
    return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

}  // namespace

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
    m_view.SetBusy(true);
    m_tasks.Run<Session>(
        [this, server, username, password] {
            m_api.SetServerUrl(server);
            return m_api.Login(username, password);
        },
        [this](Session session) {
            m_view.SetBusy(false);
            m_listener.LoggedIn(session);
            m_view.CloseLoggedIn();
        },
        [this](const std::exception_ptr& error) {
            std::string message;
            std::string field;
            try {
                std::rethrow_exception(error);
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
