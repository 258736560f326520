#include "desktop/audit_trail_presenter.h"

#include <charconv>

#include "desktop/display_text.h"
#include "desktop/gettext_macros.h"
#include "model/staff.h"

namespace motcua::desktop {
namespace {

struct OpeningText {
    const char* action;
    const char* text;
};
// clang-format off
constexpr OpeningText kOpeningTexts[] = {
    {"open.dossier",    N_("Opened the dossier")},
    {"open.document",   N_("Opened a document")},
    {"open.attachment", N_("Opened an attachment")},
    {"open.audit",      N_("Read the audit trail")},
    {"sign.document",   N_("Signed a document at the desk")},
};
// clang-format on

std::string OrDash(const std::string& text)
{
    return text.empty() ? "—" : text;
}

// "act:2" → Action 2, when the number is one of the model's actions.
std::optional<Action> NumberedAction(const std::string& action)
{
    int number = 0;
    if (action.rfind("act:", 0) != 0 ||
        std::from_chars(action.data() + 4, action.data() + action.size(), number).ec != std::errc())
        return std::nullopt;
    if (!HasName(kActionNames, static_cast<Action>(number)))
        return std::nullopt;
    return static_cast<Action>(number);
}

// Reads one decimal number at `at`, moving past it.
std::optional<int> ReadNumber(const std::string& text, std::size_t& at)
{
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data() + at, text.data() + text.size(), value);
    if (ec != std::errc())
        return std::nullopt;
    at = static_cast<std::size_t>(end - text.data());
    return value;
}

// An act's detail as the audit trigger writes it, "<from status>/<sub-state>><to status>/<sub-state>[ <note>]", as
// "Newly submitted → Received: <note>"; anything else (an opening's detail, a newer server's) as it came.
std::string DetailText(const AuditTrailEntry& entry)
{
    if (entry.action == "open.document") {
        const std::string kind = entry.detail;
        return kind.empty() ? "—" : OutputKindText(kind, {});
    }
    std::size_t at = 0;
    const std::string& d = entry.detail;
    const std::optional<int> from = ReadNumber(d, at);
    if (!from || at >= d.size() || d[at] != '/' || !ReadNumber(d, ++at) || at >= d.size() || d[at] != '>')
        return OrDash(d);
    const std::optional<int> to = ReadNumber(d, ++at);
    if (!to || at >= d.size() || d[at] != '/' || !ReadNumber(d, ++at) || (at < d.size() && d[at] != ' '))
        return OrDash(d);
    const std::string note = at < d.size() ? TrimmedText(d.substr(at)) : std::string();
    std::string text = *from == *to ? StatusText(static_cast<NationalStatus>(*to))
                                    : StatusText(static_cast<NationalStatus>(*from)) + " → " +
                                          StatusText(static_cast<NationalStatus>(*to));
    return note.empty() ? text : text + ": " + note;
}

std::string WhoText(const AuditTrailEntry& entry)
{
    if (entry.staffName.empty()) {
        if (entry.actor == "citizen_app")
            return _("Citizen app");
        // TRANSLATORS: who opened a dossier: the public lookup by code (tra cứu công khai)
        if (entry.actor == "public")
            return _("Public lookup");
        if (entry.actor == "server")
            return _("Server (scheduled job)");
        return OrDash(entry.actor);
    }
    if (entry.onBehalfOf.empty())
        return entry.staffName;
    // TRANSLATORS: an act under a delegation of approval: "<staff> (thừa ủy quyền <manager>)", not "thay mặt",
    // which is a collective body's signature
    return FormatText(_("%s (under delegation from %s)"), {entry.staffName, entry.onBehalfOf});
}

std::string RoleWord(const std::string& role)
{
    if (const std::optional<Role> known = FindValue(kRoleNames, role))
        return RoleText(*known);
    return OrDash(role);
}

}  // namespace

std::string AuditActionText(const std::string& action)
{
    for (const OpeningText& t : kOpeningTexts)
        if (action == t.action)
            return _(t.text);
    if (const std::optional<Action> act = FindValue(kActionNames, action))
        return ActionText(*act);
    if (const std::optional<Action> act = NumberedAction(action))
        return ActionText(*act);
    return action;
}

views::AuditTrailViewData AuditTrailViewDataOf(const AuditTrail& trail)
{
    views::AuditTrailViewData out;
    out.title = FormatText(_("Audit trail — %s"), {trail.code});
    out.summary = FormatText(trail.entries.size() == 1 ? _("1 entry, oldest first.") : _("%s entries, oldest first."),
                             {std::to_string(trail.entries.size())}) +
                  " " +
                  _("Every act on the dossier and every opening of it or of its documents is recorded; so is "
                    "this reading.");
    for (const AuditTrailEntry& e : trail.entries)
        out.rows.push_back({FormatDeskDateTime(e.at), WhoText(e), RoleWord(e.role), OrDash(e.agency), OrDash(e.address),
                            AuditActionText(e.action), DetailText(e)});
    return out;
}

AuditTrailPresenter::AuditTrailPresenter(ISecurityApi& api, ITaskRunner& tasks, views::IAuditTrailWindows& windows,
                                         views::Alert& alert, IDossierHost& host, ISessionRenewal& renewal, Role role)
    : m_api(api),
      m_tasks(tasks),
      m_windows(windows),
      m_alert(alert),
      m_host(host),
      m_renewal(renewal),
      m_allowed(OverseesSubtree(role))
{}

bool AuditTrailPresenter::CanShow() const
{
    return m_allowed && m_host.ShownDossier() != nullptr && !m_tasks.Busy();
}

void AuditTrailPresenter::Show()
{
    if (CanShow())
        Load(m_host.ShownDossier()->summary.id);
}

void AuditTrailPresenter::Load(std::int64_t dossierId)
{
    m_host.SetWorking(true);
    m_tasks.Run<AuditTrail>([this, dossierId] { return m_api.DossierAuditTrail(dossierId); },
                            [this](const AuditTrail& trail) {
                                m_host.SetWorking(false);
                                m_windows.ShowAuditTrail(AuditTrailViewDataOf(trail));
                            },
                            [this, dossierId](const std::exception_ptr& error) {
                                m_host.SetWorking(false);
                                if (RenewIfExpired(error, &m_renewal, [this, dossierId] { Load(dossierId); }))
                                    return;
                                m_alert.ShowError(
                                    FormatText(_("The audit trail could not be loaded: %s"), {FailureReason(error)}),
                                    FailureDetails(error));
                            });
}

}  // namespace motcua::desktop
