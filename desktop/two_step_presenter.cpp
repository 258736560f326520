#include "desktop/two_step_presenter.h"

#include <cctype>

#include "desktop/action_presenter.h"
#include "desktop/gettext_macros.h"
#include "model/error.h"
#include "reports/qr_code.h"

namespace motcua::desktop {
namespace {

views::TwoStepEnrolmentData EnrolmentData(const StaffMember& staff, const TotpEnrolment& enrolment)
{
    views::TwoStepEnrolmentData data;
    data.account = staff.username;
    data.secret = GroupedSecret(enrolment.secret);
    data.uri = enrolment.uri;
    try {
        const reports::QrCode qr = reports::QrCode::Encode(enrolment.uri);
        data.qrSize = qr.Size();
        data.qrDark.reserve(static_cast<std::size_t>(qr.Size()) * static_cast<std::size_t>(qr.Size()));
        for (int row = 0; row < qr.Size(); ++row)
            for (int column = 0; column < qr.Size(); ++column)
                data.qrDark.push_back(qr.IsDark(column, row));
    } catch (const Error&) {
        // An address no QR code holds: the secret typed by hand still works.
        data.qrSize = 0;
        data.qrDark.clear();
    }
    return data;
}

}  // namespace

std::string GroupedSecret(const std::string& secret)
{
    std::string out;
    for (std::size_t i = 0; i < secret.size(); ++i) {
        if (i > 0 && i % 4 == 0)
            out += ' ';
        out += secret[i];
    }
    return out;
}

std::optional<std::string> TotpCode(const std::string& typed)
{
    std::string digits;
    for (const char c : typed) {
        if (c == ' ' || c == '\t' || c == '-')
            continue;
        if (!std::isdigit(static_cast<unsigned char>(c)))
            return std::nullopt;
        digits += c;
    }
    if (digits.size() != 6)
        return std::nullopt;
    return digits;
}

TwoStepPresenter::TwoStepPresenter(views::ITwoStepView& view, ISecurityApi& api, ITaskRunner& tasks,
                                   views::Alert& alert, ISessionRenewal& renewal, StaffMember staff)
    : m_view(view),
      m_api(api),
      m_tasks(tasks),
      m_alert(alert),
      m_renewal(renewal),
      m_staff(std::move(staff))
{
    m_view.SetListener(this);
}

TwoStepPresenter::~TwoStepPresenter()
{
    m_view.SetListener(nullptr);
}

void TwoStepPresenter::Start()
{
    if (Busy())
        return;
    m_view.SetBusy(true);
    const std::int64_t staffId = m_staff.id;
    m_tasks.Run<TotpEnrolment>(
        [this, staffId] { return m_api.StartTotp(staffId); },
        [this](const TotpEnrolment& enrolment) {
            m_view.SetBusy(false);
            m_started = true;
            m_view.ShowEnrolment(EnrolmentData(m_staff, enrolment));
        },
        [this](const std::exception_ptr& error) {
            m_view.SetBusy(false);
            if (RenewIfExpired(error, &m_renewal, [this] { Start(); }))
                return;
            m_alert.ShowError(FormatText(_("Two-step sign-in could not be set up: %s"), {FailureReason(error)}),
                              FailureDetails(error));
            m_view.CloseEnrolment();
        });
}

void TwoStepPresenter::Confirm()
{
    if (Busy() || !m_started)
        return;
    const std::optional<std::string> code = TotpCode(m_view.GetCode());
    if (!code) {
        m_view.ShowCodeError(_("Enter the 6-digit code your authenticator app shows for this account."));
        return;
    }
    m_view.ShowCodeError({});
    m_view.SetBusy(true);
    const std::int64_t staffId = m_staff.id;
    m_tasks.RunVoid([this, staffId, code = *code] { m_api.ConfirmTotp(staffId, code); },
                    [this] {
                        m_view.SetBusy(false);
                        m_alert.ShowInfo(
                            _("Two-step sign-in is on. From your next login the desk asks for the code of your "
                              "authenticator app after your password."));
                        m_view.CloseEnrolment();
                    },
                    [this](const std::exception_ptr& error) {
                        m_view.SetBusy(false);
                        if (RenewIfExpired(error, &m_renewal, [this] { Confirm(); }))
                            return;
                        // The dialog stays: a mistyped or expired code is corrected with the next one.
                        m_alert.ShowError(
                            FormatText(_("Two-step sign-in was not turned on: %s"), {FailureReason(error)}),
                            FailureDetails(error));
                    });
}

}  // namespace motcua::desktop
