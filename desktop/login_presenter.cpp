#include "desktop/login_presenter.h"

#include "desktop/api_error.h"
#include "desktop/gettext_macros.h"

namespace motcua::desktop {
namespace {

bool IsBlank(const std::string& text)
{
    return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

// Keeps the view busy for exactly the length of the call, even when it throws.
class BusyScope {
public:
    explicit BusyScope(views::ILoginView& view) : m_view(view) { m_view.SetBusy(true); }
    ~BusyScope() { m_view.SetBusy(false); }
    BusyScope(const BusyScope&) = delete;
    BusyScope& operator=(const BusyScope&) = delete;

private:
    views::ILoginView& m_view;
};

}  // namespace

LoginPresenter::LoginPresenter(views::ILoginView& view, IStaffApi& api, ILoginListener& listener)
    : m_view(view),
      m_api(api),
      m_listener(listener)
{
    m_view.SetListener(this);
}

LoginPresenter::~LoginPresenter()
{
    m_view.SetListener(nullptr);
}

std::optional<Session> LoginPresenter::Submit()
{
    m_view.ClearError();
    const std::string server = m_view.GetServerUrl();
    const std::string username = m_view.GetUsername();
    const std::string password = m_view.GetPassword();
    if (IsBlank(username)) {
        m_view.ShowError(_("Enter your user name."), "username");
        return std::nullopt;
    }
    if (password.empty()) {
        m_view.ShowError(_("Enter your password."), "password");
        return std::nullopt;
    }
    std::string message;
    std::string field;
    std::optional<Session> session;
    {
        BusyScope busy(m_view);
        try {
            m_api.SetServerUrl(server);
            session = m_api.Login(username, password);
        } catch (const Error& e) {
            message = UserMessage(e);
            field = e.Field();
            // A wrong password or an unknown user is about the password; an unreachable server about the address.
            if (e.Category() == ErrorCategory::Unauthenticated)
                field = "password";
            else if (e.Category() == ErrorCategory::Environment)
                field = "server";
        } catch (const std::exception& e) {
            message = FormatText(_("Logging in failed: %s"), {e.what()});
        }
    }
    if (session) {
        m_listener.LoggedIn(*session);
        m_view.CloseLoggedIn();
        return session;
    }
    // Shown once the view is no longer busy, so the offending field can take the focus.
    m_view.ShowError(message, field);
    return std::nullopt;
}

}  // namespace motcua::desktop
