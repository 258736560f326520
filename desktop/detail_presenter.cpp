#include "desktop/detail_presenter.h"

#include <algorithm>

#include "desktop/api_error.h"
#include "desktop/busy_scope.h"
#include "desktop/display_text.h"
#include "desktop/gettext_macros.h"

namespace motcua::desktop {
namespace {

std::string OrDash(const std::string& text)
{
    return text.empty() ? "—" : text;
}

std::string NoSelectionHint()
{
    return _("Select a dossier in the inbox to see it here.");
}

}  // namespace

DetailPresenter::DetailPresenter(views::IDetailView& view, IStaffApi& api, views::Alert& alert, ReceiptOpener& receipts,
                                 StaffMember staff, const Clock& clock, IDossierChangeListener& changes)
    : m_view(view),
      m_api(api),
      m_alert(alert),
      m_receipts(receipts),
      m_staff(std::move(staff)),
      m_clock(clock),
      m_changes(changes)
{
    m_view.SetListener(this);
    Clear();
}

DetailPresenter::~DetailPresenter()
{
    m_view.SetListener(nullptr);  // a button pressed after this must not call back into a dead presenter
}

void DetailPresenter::Clear()
{
    m_current.reset();
    m_view.ShowEmpty(NoSelectionHint());
    m_view.SetAcceptEnabled(false);
    m_view.SetReceiptEnabled(false);
}

void DetailPresenter::Show(std::int64_t dossierId)
{
    try {
        BusyScope<views::IDetailView> busy(m_view);
        m_current = m_api.Dossier(dossierId);
    } catch (const Error& e) {
        Clear();
        m_alert.ShowError(FormatText(_("The dossier could not be loaded: %s"), {UserMessage(e)}), TechnicalDetails(e));
        return;
    }
    Render();
}

bool DetailPresenter::CanAccept() const noexcept
{
    // The server decides what the caller may do (role, state and its own rules); the desk does not restate them.
    return m_current && std::find(m_current->allowedActions.begin(), m_current->allowedActions.end(), Action::Accept) !=
                            m_current->allowedActions.end();
}

bool DetailPresenter::CanOpenReceipt() const noexcept
{
    return m_current && m_current->hasReceipt;
}

void DetailPresenter::Render()
{
    if (!m_current) {
        Clear();
        return;
    }
    m_view.ShowDossier(BuildViewData(*m_current));
    m_view.SetAcceptEnabled(CanAccept());
    m_view.SetReceiptEnabled(CanOpenReceipt());
}

void DetailPresenter::Accept()
{
    if (!CanAccept())
        return;
    const std::int64_t id = m_current->summary.id;
    try {
        BusyScope<views::IDetailView> busy(m_view);
        m_current = m_api.Accept(id, m_current->summary.version);
    } catch (const Error& e) {
        if (e.Category() == ErrorCategory::Conflict) {
            m_alert.ShowError(_("Someone else changed this dossier while you were looking at it. It has been "
                                "reloaded: check it and try again if it still needs accepting."),
                              TechnicalDetails(e));
            Show(id);
            if (m_current)
                m_changes.DossierChanged(m_current->summary);
            return;
        }
        m_alert.ShowError(FormatText(_("The dossier was not accepted: %s"), {UserMessage(e)}), TechnicalDetails(e));
        return;
    }
    Render();
    m_changes.DossierChanged(m_current->summary);
    if (CanOpenReceipt() &&
        m_alert.AskYesNo(FormatText(_("Dossier %s has been accepted. Open the receipt (form 01) to print it?"),
                                    {m_current->summary.code})))
        OpenReceipt();
}

void DetailPresenter::OpenReceipt()
{
    if (!CanOpenReceipt())
        return;
    try {
        BusyScope<views::IDetailView> busy(m_view);
        m_receipts.Open(m_current->summary.id, m_current->summary.code);
    } catch (const Error& e) {
        m_alert.ShowError(FormatText(_("The receipt could not be opened: %s"), {UserMessage(e)}), TechnicalDetails(e));
    }
}

views::DetailViewData DetailPresenter::BuildViewData(const DossierDetail& d) const
{
    views::DetailViewData out;
    const InboxRow& s = d.summary;
    out.heading = s.code + " — " + d.applicant.fullName;
    out.overdue = IsOverdue(s, m_clock.Now());
    const std::string status = StatusText(s.status, out.overdue);
    out.fields = {
        {_("Dossier code"), s.code},
        {_("Status"), status},
        {_("Procedure"), d.procedure.code + " — " + d.procedure.name},
        {_("Applicant"), d.applicant.fullName},
        {_("Citizen ID"), OrDash(d.applicant.citizenId)},
        {_("Date of birth"), OrDash(FormatDeskDate(d.applicant.dateOfBirth))},
        {_("Address"), OrDash(d.applicant.address)},
        {_("Phone"), OrDash(d.applicant.phone)},
        {_("Email"), OrDash(d.applicant.email)},
        {_("Channel"), d.channel ? ChannelText(*d.channel) : "—"},
        {_("Submitted on"), FormatDeskDateTime(s.submittedAt)},
        {_("Received on"), FormatDeskDateTime(s.receivedAt)},
        {_("Due"), FormatDeskDateTime(s.dueAt)},
        {_("Processing time"), ProcessingTimeText(d.procedure.processingTime, d.procedure.processingUnit)},
        {_("Fee"), FeeText(d.procedure.feeVnd)},
        {_("Receiving agency"), OrDash(d.receivingAgency.name)},
        {_("Handling agency"), OrDash(d.handlingAgency.name)},
    };
    for (const DocumentInfo& doc : d.documents)
        out.documents.push_back({doc.name, DocumentFormText(doc.form), std::to_string(doc.count)});
    for (const HistoryEntry& h : d.history) {
        views::DetailHistoryRow row;
        row.at = FormatDeskDateTime(h.at);
        row.step = ActionText(h.action);
        row.by = h.staffName ? *h.staffName : h.role ? RoleText(*h.role) : std::string();
        row.status = StatusText(h.toStatus);
        row.note = h.note;
        out.history.push_back(std::move(row));
    }
    return out;
}

}  // namespace motcua::desktop
