#include "desktop/detail_presenter.h"

#include <algorithm>

#include "desktop/api_error.h"
#include "desktop/display_text.h"
#include "desktop/gettext_macros.h"
#include "desktop/result_signing.h"

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

DetailPresenter::DetailPresenter(views::IDetailView& view, IStaffApi& api, ITaskRunner& tasks, views::Alert& alert,
                                 ReceiptOpener& receipts, StaffMember staff, const Clock& clock,
                                 IDossierChangeListener& changes)
    : m_view(view),
      m_api(api),
      m_tasks(tasks),
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
    m_tasks.CancelPending();
    m_working = 0;
    m_view.SetBusy(false);
    m_current.reset();
    m_view.ShowEmpty(NoSelectionHint());
    m_view.SetAcceptEnabled(false);
    m_view.SetReceiptEnabled(false);
    m_changes.ShownDossierChanged();
}

void DetailPresenter::Show(std::int64_t dossierId)
{
    Load(dossierId, false);
}

void DetailPresenter::ReloadShown()
{
    if (m_current)
        Load(m_current->summary.id, true);
}

void DetailPresenter::Load(std::int64_t dossierId, bool tellTheList)
{
    // Only the latest selection's answer counts: an older one still on its way is dropped.
    m_tasks.CancelPending();
    m_working = 0;
    SetWorking(true);
    m_tasks.Run<DossierDetail>(
        [this, dossierId] { return m_api.Dossier(dossierId); },
        [this, tellTheList](DossierDetail loaded) {
            SetWorking(false);
            m_current = std::move(loaded);
            Render();
            if (tellTheList)
                m_changes.DossierChanged(m_current->summary);
        },
        [this, dossierId, tellTheList](const std::exception_ptr& error) {
            SetWorking(false);
            if (RenewIfExpired(error, m_renewal, [this, dossierId, tellTheList] { Load(dossierId, tellTheList); }))
                return;
            Clear();
            m_alert.ShowError(FormatText(_("The dossier could not be loaded: %s"), {FailureReason(error)}),
                              FailureDetails(error));
        });
}

void DetailPresenter::SetWorking(bool working)
{
    m_working = std::max(0, m_working + (working ? 1 : -1));
    m_view.SetBusy(m_working > 0);
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
    m_changes.ShownDossierChanged();
}

void DetailPresenter::DossierActedOn(const DossierDetail& after)
{
    // Another dossier was selected meanwhile: only its row changes.
    if (!m_current || m_current->summary.id != after.summary.id) {
        m_changes.DossierChanged(after.summary);
        return;
    }
    m_current = after;
    Render();
    m_changes.DossierChanged(m_current->summary);
}

void DetailPresenter::Accept()
{
    if (CanAccept() && m_actions)
        m_actions->Run(Action::Accept);
}

void DetailPresenter::OpenReceipt()
{
    UseDocument(DocumentKind::Receipt, DocumentUse::Open);
}

void DetailPresenter::PreviewReceipt()
{
    UseDocument(DocumentKind::Receipt, DocumentUse::Preview);
}

void DetailPresenter::PrintReceipt()
{
    UseDocument(DocumentKind::Receipt, DocumentUse::Print);
}

void DetailPresenter::OpenResult()
{
    UseDocument(DocumentKind::Result, DocumentUse::Open);
}

void DetailPresenter::PreviewResult()
{
    UseDocument(DocumentKind::Result, DocumentUse::Preview);
}

void DetailPresenter::PrintResult()
{
    UseDocument(DocumentKind::Result, DocumentUse::Print);
}

bool DetailPresenter::CanOpenResult() const noexcept
{
    return m_current && FindResult(m_current->outputs) != nullptr;
}

void DetailPresenter::UseDocument(DocumentKind kind, DocumentUse use)
{
    const bool receipt = kind == DocumentKind::Receipt;
    if (receipt ? !CanOpenReceipt() : !CanOpenResult())
        return;
    const std::int64_t id = m_current->summary.id;
    const std::string code = m_current->summary.code;
    // The newest result is the one in force (a dossier approved again after rework has a newer one).
    const std::int64_t resultId = receipt ? 0 : FindResult(m_current->outputs)->id;
    // One message per use and document: what the clerk tried is what the alert says failed.
    const char* failed = nullptr;
    if (receipt)
        failed = use == DocumentUse::Open ? N_("The receipt could not be opened: %s")
                                          : N_("The receipt could not be printed: %s");
    else
        failed = use == DocumentUse::Open ? N_("The result could not be opened: %s")
                                          : N_("The result could not be printed: %s");
    SetWorking(true);
    m_tasks.Run<std::filesystem::path>(
        [this, id, code, receipt, resultId] {
            return receipt ? m_receipts.SavePdf(m_api.Receipt(id), code, "receipt")
                           : m_receipts.SavePdf(m_api.OutputFile(resultId), code, "result");
        },
        [this, use, code, failed, receipt](const std::filesystem::path& file) {
            SetWorking(false);
            const std::string title =
                FormatText(receipt ? _("Receipt of dossier %s") : _("Result of dossier %s"), {code});
            try {
                switch (use) {
                case DocumentUse::Open: m_receipts.Launch(file); break;
                case DocumentUse::Preview: m_receipts.Preview({file}, title); break;
                case DocumentUse::Print: m_receipts.Print({file}, title); break;
                }
            } catch (const Error& e) {
                m_alert.ShowError(FormatText(_(failed), {UserMessage(e)}), TechnicalDetails(e));
            }
        },
        [this, kind, use, failed](const std::exception_ptr& error) {
            SetWorking(false);
            if (RenewIfExpired(error, m_renewal, [this, kind, use] { UseDocument(kind, use); }))
                return;
            m_alert.ShowError(FormatText(_(failed), {FailureReason(error)}), FailureDetails(error));
        });
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
