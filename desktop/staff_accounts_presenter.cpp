#include "desktop/staff_accounts_presenter.h"

#include "desktop/dashboard_presenter.h"
#include "desktop/display_text.h"
#include "desktop/gettext_macros.h"

namespace motcua::desktop {

StaffAccountsPresenter::StaffAccountsPresenter(views::IStaffAccountsView& view, ISecurityApi& api,
                                               IActionApi& directory, ITaskRunner& tasks, views::Alert& alert,
                                               ISessionRenewal& renewal, StaffMember staff)
    : m_view(view),
      m_api(api),
      m_directory(directory),
      m_alert(alert),
      m_staff(std::move(staff)),
      m_calls(tasks, alert, renewal, [this](bool busy) { m_view.SetBusy(busy); })
{
    m_view.SetListener(this);
}

StaffAccountsPresenter::~StaffAccountsPresenter()
{
    m_view.SetListener(nullptr);
}

void StaffAccountsPresenter::Start()
{
    m_view.EnableAccountActions(false);
    // One's own agency (the server's default) until the directory says which agencies lie below it.
    m_agencies = {{AgencyRef{m_staff.agencyId, {}, m_staff.agencyName}, 0}};
    m_chosen = 0;
    m_view.ShowAgencies({m_staff.agencyName}, 0);
    Load(true);
}

std::string StaffAccountsPresenter::ChosenCode() const
{
    return m_chosen == 0 ? std::string() : m_agencies.at(m_chosen).first.code;
}

void StaffAccountsPresenter::OnAgencyChosen(std::size_t index)
{
    if (index >= m_agencies.size() || index == m_chosen || Busy())
        return;
    m_chosen = index;
    m_shown.clear();
    m_view.ShowStaff({});
    m_view.EnableAccountActions(false);
    Load(false);
}

void StaffAccountsPresenter::Load(bool withAgencies)
{
    struct Loaded {
        std::vector<std::pair<AgencyRef, int>> agencies;  // empty when not asked for
        std::vector<StaffRef> staff;
    };
    m_calls.Run<Loaded>(
        [this, withAgencies, self = m_staff, code = ChosenCode()] {
            Loaded loaded;
            if (withAgencies)
                loaded.agencies = AgencySubtree(m_directory.Agencies(), self.agencyId, OverseesSubtree(self.role));
            for (StaffRef& s : m_directory.Staff({}, code))
                if (s.id != self.id)
                    loaded.staff.push_back(std::move(s));
            return loaded;
        },
        [this](const Loaded& loaded) {
            if (!loaded.agencies.empty()) {
                m_agencies = loaded.agencies;
                m_view.ShowAgencies(AgencyChoiceNames(m_agencies), m_chosen);
            }
            m_shown = loaded.staff;
            std::vector<views::StaffAccountRow> rows;
            for (const StaffRef& s : m_shown)
                rows.push_back({s.fullName, s.username, RoleText(s.role)});
            m_view.ShowStaff(rows);
            m_view.EnableAccountActions(false);
        },
        _("The staff list could not be loaded: %s"), [this, withAgencies] { Load(withAgencies); });
}

const StaffRef* StaffAccountsPresenter::Selected() const
{
    const int row = m_view.SelectedStaff();
    if (row < 0 || static_cast<std::size_t>(row) >= m_shown.size())
        return nullptr;
    return &m_shown[static_cast<std::size_t>(row)];
}

void StaffAccountsPresenter::OnStaffSelected()
{
    m_view.EnableAccountActions(Selected() != nullptr);
}

void StaffAccountsPresenter::OnUnlockPressed()
{
    if (const StaffRef* target = Selected(); target && !Busy())
        Unlock(*target);
}

std::optional<StaffRef> StaffAccountsPresenter::Confirmed(const std::string& question) const
{
    const StaffRef* target = Selected();
    if (!target || Busy() || !m_alert.AskYesNo(FormatText(question, {target->fullName, target->username})))
        return std::nullopt;
    return *target;
}

void StaffAccountsPresenter::OnRevokeSessionsPressed()
{
    if (const std::optional<StaffRef> target = Confirmed(_("End every session of %s (%s)? The desks signed in with "
                                                           "this account ask for the password again.")))
        RevokeSessions(*target);
}

void StaffAccountsPresenter::OnRemoveTotpPressed()
{
    if (const std::optional<StaffRef> target = Confirmed(_("Remove the second factor of %s (%s)? Until a new one is "
                                                           "set up, the password alone signs this account in.")))
        RemoveTotp(*target);
}

void StaffAccountsPresenter::Unlock(const StaffRef& target)
{
    m_calls.RunVoid([this, id = target.id] { m_api.UnlockStaff(id); },
                    [this, target] {
                        m_alert.ShowInfo(FormatText(
                            _("The sign-in of %s (%s) is unlocked: the next attempts with the right password "
                              "succeed."),
                            {target.fullName, target.username}));
                    },
                    _("The account was not unlocked: %s"), [this, target] { Unlock(target); });
}

void StaffAccountsPresenter::RevokeSessions(const StaffRef& target)
{
    m_calls.Run<long long>(
        [this, id = target.id] { return m_api.RevokeStaffSessions(id); },
        [this, target](long long revoked) {
            m_alert.ShowInfo(FormatText(_("Sessions of %s (%s) ended: %s."),
                                        {target.fullName, target.username, std::to_string(revoked)}));
        },
        _("The sessions were not ended: %s"), [this, target] { RevokeSessions(target); });
}

void StaffAccountsPresenter::RemoveTotp(const StaffRef& target)
{
    m_calls.RunVoid(
        [this, id = target.id] { m_api.RemoveStaffTotp(id); },
        [this, target] {
            m_alert.ShowInfo(FormatText(_("The second factor of %s (%s) is removed. They can set up a new one from the "
                                          "Account menu."),
                                        {target.fullName, target.username}));
        },
        _("The second factor was not removed: %s"), [this, target] { RemoveTotp(target); });
}

}  // namespace motcua::desktop
