#include "desktop/delegation_presenter.h"

#include <algorithm>
#include <chrono>

#include "desktop/display_text.h"
#include "desktop/gettext_macros.h"

namespace motcua::desktop {
namespace {

std::string DeskDay(Date day)
{
    return FormatDeskDate(FormatDate(day));
}

views::DelegationRow RowOf(const Delegation& d)
{
    return {d.delegatorName, d.delegateName, DelegationDaysText(d.from, d.to), d.note.empty() ? "—" : d.note};
}

}  // namespace

std::string DelegationDaysText(Date from, Date to)
{
    return from == to ? DeskDay(from) : DeskDay(from) + " – " + DeskDay(to);
}

views::CalendarDay CalendarDayOf(Date day)
{
    return {static_cast<int>(day.year()), static_cast<int>(static_cast<unsigned>(day.month())),
            static_cast<int>(static_cast<unsigned>(day.day()))};
}

std::optional<Date> DateOf(const views::CalendarDay& day)
{
    const Date date{std::chrono::year{day.year}, std::chrono::month{static_cast<unsigned>(day.month)},
                    std::chrono::day{static_cast<unsigned>(day.day)}};
    if (day.month < 1 || day.day < 1 || !date.ok())
        return std::nullopt;
    return date;
}

DelegationPresenter::DelegationPresenter(views::IDelegationView& view, ISecurityApi& api, IActionApi& directory,
                                         ITaskRunner& tasks, views::Alert& alert, ISessionRenewal& renewal,
                                         const Clock& clock, StaffMember staff)
    : m_view(view),
      m_api(api),
      m_directory(directory),
      m_clock(clock),
      m_staff(std::move(staff)),
      m_alert(alert),
      m_calls(tasks, alert, renewal, [this](bool busy) { m_view.SetBusy(busy); })
{
    m_view.SetListener(this);
}

DelegationPresenter::~DelegationPresenter()
{
    m_view.SetListener(nullptr);
}

void DelegationPresenter::Start()
{
    ClearForm();
    Load();
}

void DelegationPresenter::ClearForm()
{
    const views::CalendarDay today = CalendarDayOf(LocalDate(m_clock.Now()));
    views::DelegationForm form;
    form.from = today;
    form.to = today;
    m_view.SetForm(form);
    m_view.ShowFormError({});
}

void DelegationPresenter::Load()
{
    if (Busy())
        return;
    const std::int64_t self = m_staff.id;
    m_calls.Run<Loaded>(
        [this, self] {
            Loaded loaded;
            loaded.delegations = m_api.Delegations();
            // Those who can carry a manager's decision (CheckNewDelegation), oneself left out.
            for (StaffRef& s : m_directory.Staff({Role::Handler, Role::Signer, Role::Manager}, {}))
                if (s.id != self)
                    loaded.colleagues.push_back(std::move(s));
            return loaded;
        },
        [this](const Loaded& loaded) { Show(loaded); }, _("The delegations could not be loaded: %s"),
        [this] { Load(); });
}

void DelegationPresenter::Show(const Loaded& loaded)
{
    m_delegations = loaded.delegations;
    for (Delegation& d : m_delegations)
        d.agencyId = m_staff.agencyId;  // the server lists the caller's agency's only
    std::vector<views::DelegationRow> rows;
    for (const Delegation& d : m_delegations)
        rows.push_back(RowOf(d));
    const std::string summary = rows.empty()
                                    ? _("No delegation of approval is in force or planned at your agency.")
                                    : FormatText(_("Delegations of approval in force or planned at your agency: %s."),
                                                 {std::to_string(rows.size())});
    m_view.ShowDelegations(rows, summary);
    if (loaded.colleagues.size() != m_colleagues.size() ||
        !std::equal(loaded.colleagues.begin(), loaded.colleagues.end(), m_colleagues.begin(),
                    [](const StaffRef& a, const StaffRef& b) { return a.id == b.id; })) {
        m_colleagues = loaded.colleagues;
        std::vector<std::string> names;
        for (const StaffRef& s : m_colleagues)
            names.push_back(s.fullName + " — " + RoleText(s.role));
        m_view.ShowColleagues(names);
    }
    m_view.EnableRevoke(false);
}

void DelegationPresenter::OnGrantPressed()
{
    if (Busy())
        return;
    const views::DelegationForm form = m_view.GetForm();
    const std::optional<Date> from = DateOf(form.from);
    const std::optional<Date> to = DateOf(form.to);
    const Date today = LocalDate(m_clock.Now());
    std::string problem;
    if (form.colleague < 0 || static_cast<std::size_t>(form.colleague) >= m_colleagues.size())
        problem = _("Choose the colleague who decides in your place.");
    else if (!from || !to)
        problem = _("Choose the first and the last day.");
    else if (*from < today)
        problem = _("The first day cannot be in the past.");
    else if (*to < *from)
        problem = _("The last day cannot be before the first day.");
    m_view.ShowFormError(problem);
    if (!problem.empty())
        return;
    NewDelegation grant;
    grant.delegateId = m_colleagues[static_cast<std::size_t>(form.colleague)].id;
    grant.from = *from;
    grant.to = *to;
    grant.note = TrimmedText(form.note);
    m_calls.Run<Delegation>(
        [this, grant] { return m_api.Delegate(grant); },
        [this](const Delegation& granted) {
            m_alert.ShowInfo(FormatText(_("%s may now approve or return proposed results in your place, %s."),
                                        {granted.delegateName, DelegationDaysText(granted.from, granted.to)}));
            ClearForm();  // granted: the form is ready for the next one, not for the same again
            Load();
        },
        _("The delegation was not granted: %s"), [this] { OnGrantPressed(); });
}

void DelegationPresenter::OnRevokePressed()
{
    const int row = m_view.SelectedDelegation();
    if (Busy() || row < 0 || static_cast<std::size_t>(row) >= m_delegations.size())
        return;
    const Delegation d = m_delegations[static_cast<std::size_t>(row)];
    if (!m_alert.AskYesNo(FormatText(_("Revoke the delegation to %s (%s)? From now on they can no longer decide "
                                       "in place of %s."),
                                     {d.delegateName, DelegationDaysText(d.from, d.to), d.delegatorName})))
        return;
    Revoke(d.id);
}

void DelegationPresenter::Revoke(std::int64_t id)
{
    m_calls.RunVoid([this, id] { m_api.RevokeDelegation(id); }, [this] { Load(); },
                    _("The delegation was not revoked: %s"), [this, id] { Revoke(id); });
}

void DelegationPresenter::OnDelegationSelected()
{
    const int row = m_view.SelectedDelegation();
    m_view.EnableRevoke(row >= 0 && static_cast<std::size_t>(row) < m_delegations.size() &&
                        MayRevoke(m_staff, m_delegations[static_cast<std::size_t>(row)]));
}

}  // namespace motcua::desktop
