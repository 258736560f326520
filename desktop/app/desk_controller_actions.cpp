// DeskController, what staff do to dossiers and the desk's habits: the Dossier commands enabled as the server
// allows, bulk runs on the selected rows, the login dialog over the work when the session ends, the window layout
// remembered, Preferences and About; a dossier's audit trail, two-step sign-in, delegation of approval and staff
// accounts.
#include <map>

#include <wx/aboutdlg.h>
#include <wx/app.h>
#include <wx/intl.h>
#include <wx/splitter.h>

#include "desktop/app/desk_controller.h"
#include "desktop/two_step_presenter.h"
#include "views/action_dialog.h"
#include "views/audit_trail_dialog.h"
#include "views/bulk_progress_dialog.h"
#include "views/delegation_dialog.h"
#include "views/detail_panel.h"
#include "views/dossier_list_panel.h"
#include "views/login_dialog.h"
#include "views/main_frame.h"
#include "views/pin_dialog.h"
#include "views/preferences_dialog.h"
#include "views/staff_accounts_dialog.h"
#include "views/two_step_dialog.h"

#ifndef MOTCUA_VERSION
#define MOTCUA_VERSION "0"
#endif

namespace motcua::desktop {
namespace {

std::optional<int> ReadInt(const ISettings& settings, const std::string& key)
{
    const std::optional<std::string> text = settings.Read(key);
    if (!text || text->empty())
        return std::nullopt;
    try {
        return std::stoi(*text);
    } catch (const std::exception&) {
        return std::nullopt;  // a hand-edited file: fall back on the default
    }
}

// Larger text: every control one step up, set before the first layout so sizers measure the larger font.
void EnlargeFonts(wxWindow* window, int step)
{
    wxFont font = window->GetFont();
    font.SetPointSize(font.GetPointSize() + step);
    window->SetFont(font);
    for (wxWindow* child : window->GetChildren())
        EnlargeFonts(child, step);
}

}  // namespace

LoginDefaults DeskController::RememberedLogin(const ISettings& settings, LoginDefaults fallback)
{
    fallback.serverUrl = settings.ReadOr("server/url", fallback.serverUrl);
    if (fallback.username.empty())
        fallback.username = settings.ReadOr("login/username", {});
    return fallback;
}

void DeskController::WireActions()
{
    m_actionDialogs = std::make_unique<views::ActionDialogs>(m_frame);
    m_progress = std::make_unique<views::BulkProgressDialog>(m_frame);
    m_pinPrompt = std::make_unique<views::PinPrompt>(m_frame);
    m_actions =
        std::make_unique<ActionPresenter>(m_actionApi, m_tasks, *m_actionDialogs, m_alert, m_receipts, *m_detail,
                                          static_cast<ISessionRenewal&>(*this), m_clock, m_tokenSigner, *m_pinPrompt);
    m_bulk = std::make_unique<BulkPresenter>(m_actionApi, m_api, m_tasks, *m_actionDialogs, *m_progress, m_alert,
                                             m_receipts, static_cast<ISessionRenewal&>(*this),
                                             static_cast<IDossierChangeListener&>(*this), m_tokenSigner, *m_pinPrompt);
    m_detail->SetActions(m_actions.get(), this);
    m_auditWindows = std::make_unique<views::AuditTrailWindows>(m_frame);
    m_audit = std::make_unique<AuditTrailPresenter>(m_securityApi, m_tasks, *m_auditWindows, m_alert, *m_detail,
                                                    static_cast<ISessionRenewal&>(*this), m_session->staff.role);
    m_detail->SetAuditTrail(m_audit.get());
    m_list->SetSessionRenewal(this);
    m_frame->SetDossierCommands(DossierCommands());
    m_frame->SetCommandListener(this);
    if (m_settings.ReadOr("ui/largeText", "0") == "1") {
        EnlargeFonts(m_frame, 2);
        m_frame->Layout();
    }
    ShownDossierChanged();
}

void DeskController::DropActions()
{
    if (m_detail) {
        m_detail->SetActions(nullptr, nullptr);
        m_detail->SetAuditTrail(nullptr);
    }
    if (m_list)
        m_list->SetSessionRenewal(nullptr);
    if (m_frame)
        m_frame->SetCommandListener(nullptr);
    // A resume waiting for a login calls into the presenters dropped here: it must not outlive them.
    m_resumes.clear();
    m_audit.reset();
    m_auditWindows.reset();
    m_bulk.reset();
    m_actions.reset();
    m_progress.reset();
    m_pinPrompt.reset();
    m_actionDialogs.reset();
}

void DeskController::ShownDossierChanged()
{
    if (!m_frame || !m_actions)
        return;
    for (const ActionSpec& spec : ActionSpecs())
        m_frame->EnableDossierCommand(static_cast<int>(spec.action), m_actions->CanRun(spec.action));
    const bool receipt = m_detail && m_detail->CanOpenReceipt();
    for (const int id : {views::kOpenReceiptCommand, views::kPreviewReceiptCommand, views::kPrintReceiptCommand})
        m_frame->EnableDossierCommand(id, receipt);
    const bool result = m_detail && m_detail->CanOpenResult();
    for (const int id : {views::kOpenResultCommand, views::kPreviewResultCommand, views::kPrintResultCommand})
        m_frame->EnableDossierCommand(id, result);
    // The server decides per dossier as the run goes; with nothing selected the command says how to select.
    m_frame->EnableDossierCommand(views::kBulkAssignCommand, true);
    m_frame->EnableDossierCommand(views::kBulkPrintReceiptsCommand, true);
    m_frame->EnableDossierCommand(views::kBulkPrintResultsCommand, true);
    m_frame->EnableDossierCommand(views::kBulkApproveAndSignCommand, true);
    m_frame->EnableDossierCommand(views::kBulkSignResultsCommand, true);
}

void DeskController::OnDossierCommand(int id)
{
    if (!m_frame || !m_actions)
        return;
    // The shown dossier's documents: which one (the receipt or the result), and what to do with it.
    struct DocumentCommand {
        bool receipt;
        views::DocumentUse use;
    };
    static const std::map<int, DocumentCommand> kDocumentCommands{
        {views::kOpenReceiptCommand, {true, views::DocumentUse::Open}},
        {views::kPreviewReceiptCommand, {true, views::DocumentUse::Preview}},
        {views::kPrintReceiptCommand, {true, views::DocumentUse::Print}},
        {views::kOpenResultCommand, {false, views::DocumentUse::Open}},
        {views::kPreviewResultCommand, {false, views::DocumentUse::Preview}},
        {views::kPrintResultCommand, {false, views::DocumentUse::Print}},
    };
    if (const auto command = kDocumentCommands.find(id); command != kDocumentCommands.end()) {
        if (command->second.receipt)
            m_detail->UseReceipt(command->second.use);
        else
            m_detail->UseResult(command->second.use);
        return;
    }
    if (id == views::kBulkAssignCommand || id == views::kBulkPrintReceiptsCommand ||
        id == views::kBulkPrintResultsCommand || id == views::kBulkApproveAndSignCommand ||
        id == views::kBulkSignResultsCommand) {
        std::vector<InboxRow> items;
        for (const std::size_t row : m_frame->DossierList()->SelectedRows())
            if (row < m_list->RowCount())
                items.push_back(m_list->Item(row).row);
        if (items.empty()) {
            m_alert.ShowInfo(
                _("Select the dossiers in the list first (Ctrl or Shift with a click selects several).").utf8_string());
            return;
        }
        switch (id) {
        case views::kBulkAssignCommand: m_bulk->AssignAll(std::move(items)); break;
        case views::kBulkPrintReceiptsCommand: m_bulk->PrintReceipts(std::move(items)); break;
        case views::kBulkPrintResultsCommand: m_bulk->PrintResults(std::move(items)); break;
        case views::kBulkApproveAndSignCommand: m_bulk->ApproveAndSignAll(std::move(items)); break;
        default: m_bulk->SignResults(std::move(items)); break;
        }
        return;
    }
    m_actions->Run(static_cast<Action>(id));
}

void DeskController::RenewSession(std::function<void()> resume)
{
    // Logged out (or logging in as someone else): a call of the ended session's work answers 401 late; that work
    // is dropped, not resumed under whoever logs in next, and no second login dialog opens over the first.
    if (!m_session || (m_loginDialog && !m_renewing))
        return;
    // A call sent before the last login answers 401 after it: retry it once with the new session before asking.
    if (m_retryBeforeAsking && !m_renewing) {
        m_retryBeforeAsking = false;
        resume();
        return;
    }
    m_resumes.push_back(std::move(resume));
    if (m_renewing)
        return;  // several calls found the session ended: one login resumes them all
    m_renewing = true;
    const std::string username = m_session ? m_session->staff.username : m_lastDefaults.username;
    views::LoginDialog* dialog = CreateLoginDialog({m_api.ServerUrl(), username, {}});
    dialog->ShowError(_("Your session has ended. Log in again to continue where you were.").utf8_string(), "password");
    const bool ok = dialog->ShowModal() == wxID_OK;
    DropLoginDialog();
    m_renewing = false;
    std::vector<std::function<void()>> resumes;
    resumes.swap(m_resumes);
    if (!ok)
        return;  // the work stays as it was; the next call will ask again
    if (m_frame && m_session)
        m_frame->SetUserText(wxString::FromUTF8(SessionText(*m_session)));
    m_retryBeforeAsking = true;
    for (const std::function<void()>& r : resumes)
        r();
}

void DeskController::RestoreLayout()
{
    const std::optional<int> width = ReadInt(m_settings, "window/width");
    const std::optional<int> height = ReadInt(m_settings, "window/height");
    const std::optional<int> x = ReadInt(m_settings, "window/x");
    const std::optional<int> y = ReadInt(m_settings, "window/y");
    if (width && height && *width > 200 && *height > 200)
        m_frame->SetSize(wxSize(*width, *height));
    if (x && y)
        m_frame->Move(*x, *y);
    if (const std::optional<int> sash = ReadInt(m_settings, "window/navSplitter"); sash && *sash > 0)
        m_frame->NavSplitter()->SetSashPosition(*sash);
    if (const std::optional<int> sash = ReadInt(m_settings, "window/splitter"); sash && *sash > 0)
        m_frame->Splitter()->SetSashPosition(*sash);
    if (m_settings.ReadOr("window/maximized", "0") == "1")
        m_frame->Maximize();
}

void DeskController::SaveLayout()
{
    if (!m_frame)
        return;
    m_settings.Write("window/maximized", m_frame->IsMaximized() ? "1" : "0");
    if (!m_frame->IsMaximized() && !m_frame->IsIconized()) {
        const wxRect r = m_frame->GetRect();
        m_settings.Write("window/x", std::to_string(r.x));
        m_settings.Write("window/y", std::to_string(r.y));
        m_settings.Write("window/width", std::to_string(r.width));
        m_settings.Write("window/height", std::to_string(r.height));
    }
    m_settings.Write("window/navSplitter", std::to_string(m_frame->NavSplitter()->GetSashPosition()));
    m_settings.Write("window/splitter", std::to_string(m_frame->Splitter()->GetSashPosition()));
}

void DeskController::OnPreferencesPressed()
{
    views::PreferencesValues values;
    values.language = m_settings.ReadOr("ui/language", "vi");
    values.largerText = m_settings.ReadOr("ui/largeText", "0") == "1";
    values.serverUrl = m_settings.ReadOr("server/url", m_lastDefaults.serverUrl);
    values.caFile = m_settings.ReadOr("server/ca-file", {});
    const TokenSigningSettings token = ReadTokenSigningSettings(m_settings);
    values.signWithToken = token.enabled;
    values.tokenModule = token.modulePath;
    values.tokenLabel = token.tokenLabel;
    values.keyLabel = token.keyLabel;
    values.certificateFile = token.certificateFile;
    values.timestampUrl = token.timestampUrl;
    views::PreferencesDialog dialog(m_frame, values);
    if (dialog.ShowModal() != wxID_OK)
        return;
    m_settings.Write("ui/language", dialog.Values().language);
    m_settings.Write("ui/largeText", dialog.Values().largerText ? "1" : "0");
    const views::PreferencesValues& chosen = dialog.Values();
    WriteTokenSigningSettings(m_settings, {chosen.signWithToken, chosen.tokenModule, chosen.tokenLabel, chosen.keyLabel,
                                           chosen.certificateFile, chosen.timestampUrl});
    if (!dialog.Values().serverUrl.empty()) {
        m_settings.Write("server/url", dialog.Values().serverUrl);
        m_lastDefaults.serverUrl = dialog.Values().serverUrl;
    }
    // Like the address, used from the next login on.
    m_settings.Write("server/ca-file", chosen.caFile);
    m_api.SetCaFile(chosen.caFile);
}

void DeskController::OnTwoStepPressed()
{
    if (!m_frame || !m_session)
        return;
    views::TwoStepDialog dialog(m_frame);
    TwoStepPresenter presenter(dialog, m_securityApi, m_tasks, m_alert, static_cast<ISessionRenewal&>(*this),
                               m_session->staff);
    presenter.Start();
    dialog.ShowModal();
}

void DeskController::OnDelegationsPressed()
{
    if (!m_frame || !m_session || !DelegationPresenter::Allowed(m_session->staff.role))
        return;
    views::DelegationDialog dialog(m_frame);
    DelegationPresenter presenter(dialog, m_securityApi, m_actionApi, m_tasks, m_alert,
                                  static_cast<ISessionRenewal&>(*this), m_clock, m_session->staff);
    presenter.Start();
    dialog.ShowModal();
}

void DeskController::OnStaffAccountsPressed()
{
    if (!m_frame || !m_session || !StaffAccountsPresenter::Allowed(m_session->staff.role))
        return;
    views::StaffAccountsDialog dialog(m_frame);
    StaffAccountsPresenter presenter(dialog, m_securityApi, m_actionApi, m_tasks, m_alert,
                                     static_cast<ISessionRenewal&>(*this), m_session->staff);
    presenter.Start();
    dialog.ShowModal();
}

void DeskController::OnAboutPressed()
{
    wxAboutDialogInfo info;
    info.SetName(_("MotCua one-stop desk"));
    info.SetVersion(MOTCUA_VERSION);
    info.SetDescription(_("The desk of the one-stop shop: intake, handling, approval and hand-over of dossiers."));
    wxAboutBox(info, m_frame);
}

}  // namespace motcua::desktop
