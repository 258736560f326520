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
    m_view.SetAuditTrailEnabled(false);
    m_changes.ShownDossierChanged();
}

void DetailPresenter::SetAuditTrail(AuditTrailPresenter* audit)
{
    m_audit = audit;
    m_view.ShowAuditTrailButton(m_audit && m_audit->Allowed());
    m_view.SetAuditTrailEnabled(m_audit && m_audit->Allowed() && m_current.has_value());
}

void DetailPresenter::OnAuditTrailPressed()
{
    if (m_audit)
        m_audit->Show();
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
    m_view.SetAuditTrailEnabled(m_audit && m_audit->Allowed());
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

void DetailPresenter::UseReceipt(views::DocumentUse use)
{
    if (CanOpenReceipt())
        UseDocument({0, "receipt", "01", {}}, use);
}

void DetailPresenter::UseResult(views::DocumentUse use)
{
    // The newest result is the one in force (a dossier approved again after rework has a newer one).
    if (CanOpenResult())
        UseDocument(*FindResult(m_current->outputs), use);
}

bool DetailPresenter::CanOpenResult() const noexcept
{
    return m_current && FindResult(m_current->outputs) != nullptr;
}

void DetailPresenter::UseOutput(std::size_t row, views::DocumentUse use)
{
    if (m_current && row < m_current->outputs.size())
        UseDocument(m_current->outputs[row], use);
}

void DetailPresenter::UseDocument(const OutputRef& document, views::DocumentUse use)
{
    const std::int64_t id = m_current->summary.id;
    const std::string code = m_current->summary.code;
    const std::string title = OutputTitle(document.kind, code);
    // What the clerk tried is what the alert says failed.
    const std::string failed =
        use == views::DocumentUse::Open ? _("%s could not be opened: %s") : _("%s could not be printed: %s");
    // Two notices of one kind (two supplement requests) are two files.
    const std::string stem = document.id == 0 ? document.kind : document.kind + "-" + std::to_string(document.id);
    SetWorking(true);
    m_tasks.Run<std::filesystem::path>(
        [this, id, code, document, stem] {
            return m_receipts.SavePdf(document.id == 0 ? m_api.Receipt(id) : m_api.OutputFile(document.id), code, stem);
        },
        [this, use, title, failed](const std::filesystem::path& file) {
            SetWorking(false);
            try {
                switch (use) {
                case views::DocumentUse::Open: m_receipts.Launch(file); break;
                case views::DocumentUse::Preview: m_receipts.Preview({file}, title); break;
                case views::DocumentUse::Print: m_receipts.Print({file}, title); break;
                }
            } catch (const Error& e) {
                m_alert.ShowError(FormatText(failed, {title, UserMessage(e)}), TechnicalDetails(e));
            }
        },
        [this, id, document, use, title, failed](const std::exception_ptr& error) {
            SetWorking(false);
            // After the login, the same document again, unless another dossier is shown by then.
            if (RenewIfExpired(error, m_renewal, [this, id, document, use] {
                    if (m_current && m_current->summary.id == id)
                        UseDocument(document, use);
                }))
                return;
            m_alert.ShowError(FormatText(failed, {title, FailureReason(error)}), FailureDetails(error));
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
    for (const OutputRef& output : d.outputs)
        out.outputs.push_back({OutputKindText(output.kind, output.form), FormatDeskDateTime(output.createdAt)});
    for (const HistoryEntry& h : d.history) {
        views::DetailHistoryRow row;
        row.at = FormatDeskDateTime(h.at);
        row.step = ActionText(h.action);
        row.by = h.staffName ? *h.staffName : h.role ? RoleText(*h.role) : std::string();
        if (!h.onBehalfOf.empty())
            row.by = FormatText(_("%s, on behalf of %s"), {row.by, h.onBehalfOf});
        row.status = StatusText(h.toStatus);
        row.note = h.note;
        out.history.push_back(std::move(row));
    }
    return out;
}

}  // namespace motcua::desktop
