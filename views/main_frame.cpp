#include "views/main_frame.h"

#include <algorithm>

#include <wx/display.h>
#include <wx/intl.h>
#include <wx/menu.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/statusbr.h>
#include <wx/toolbar.h>

#include "views/detail_panel.h"
#include "views/dossier_list_panel.h"
#include "views/queue_nav_panel.h"
#include "views/search_panel.h"

namespace motcua::views {
namespace {

enum StatusField { kListField = 0, kUserField = 1, kLiveField = 2 };

}  // namespace

MainFrame::MainFrame(const wxString& title) : wxFrame(nullptr, wxID_ANY, title)
{
    auto* fileMenu = new wxMenu();
    fileMenu->Append(kRefreshId, _("&Refresh") + "\tF5", _("Load the list and the counts again from the server"));
    fileMenu->Append(kSearchId, _("&Find dossiers...") + "\tCtrl+F", _("Search by code, citizen ID, phone or name"));
    fileMenu->Append(kLogoutId, _("Log &out"), _("End this session and show the login dialog"));
    fileMenu->AppendSeparator();
    fileMenu->Append(wxID_EXIT, _("&Quit") + "\tCtrl+Q", _("Close MotCua"));
    auto* accountMenu = new wxMenu();
    m_accountMenu = accountMenu;
    // Non-ASCII stays out of msgids here: wx reads them in the C library's charset, which may not be UTF-8.
    accountMenu->Append(kTwoStepId, _("&Two-step sign-in") + wxString::FromUTF8("…"),
                        _("Ask for a code from an authenticator app at every login, after the password"));
    auto* menuBar = new wxMenuBar();
    menuBar->Append(fileMenu, _("&File"));
    menuBar->Append(accountMenu, _("&Account"));
    SetMenuBar(menuBar);

    CreateStatusBar(3);
    const int widths[3] = {-3, -3, FromDIP(340)};
    GetStatusBar()->SetStatusWidths(3, widths);

    m_navSplitter =
        new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
    m_navSplitter->SetMinimumPaneSize(FromDIP(160));
    m_queues = new QueueNavPanel(m_navSplitter);
    m_splitter =
        new wxSplitterWindow(m_navSplitter, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
    m_splitter->SetMinimumPaneSize(FromDIP(320));
    wxPanel* listColumn = BuildListColumn(m_splitter);
    m_detail = new DetailPanel(m_splitter);

    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (m_listener)
                m_listener->OnRefreshPressed();
        },
        kRefreshId);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { m_search->FocusBox(); }, kSearchId);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (m_listener)
                m_listener->OnLogoutPressed();
        },
        kLogoutId);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (m_listener)
                m_listener->OnTwoStepPressed();
        },
        kTwoStepId);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (m_listener)
                m_listener->OnDelegationsPressed();
        },
        kDelegationsId);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (m_listener)
                m_listener->OnStaffAccountsPressed();
        },
        kStaffAccountsId);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);

    // As large as the screen allows up to a comfortable size; the list gets the larger share.
    const wxRect area =
        wxDisplay(wxDisplay::GetFromWindow(this) == wxNOT_FOUND ? 0u
                                                                : static_cast<unsigned>(wxDisplay::GetFromWindow(this)))
            .GetClientArea();
    const wxSize size(std::min(area.GetWidth(), FromDIP(1600)), std::min(area.GetHeight(), FromDIP(1000)));
    SetSize(size);
    SetMinSize(wxSize(std::min(size.GetWidth(), FromDIP(960)), std::min(size.GetHeight(), FromDIP(600))));
    m_navSplitter->SetSashGravity(0.0);
    m_splitter->SetSashGravity(0.7);
    m_navSplitter->SplitVertically(m_queues, m_splitter, FromDIP(200));
    m_splitter->SplitVertically(listColumn, m_detail, size.GetWidth() / 2);
    Centre();
}

wxPanel* MainFrame::BuildListColumn(wxWindow* parent)
{
    auto* column = new wxPanel(parent, wxID_ANY);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_search = new SearchPanel(column);
    m_list = new DossierListPanel(column);
    sizer->Add(m_search, 0, wxEXPAND);
    sizer->Add(m_list, 1, wxEXPAND);
    column->SetSizer(sizer);
    return column;
}

void MainFrame::OfferDashboard()
{
    if (GetMenuBar()->FindItem(kDashboardId))
        return;
    auto* reports = new wxMenu();
    reports->Append(kDashboardId, _("&Dashboard") + "\tCtrl+D",
                    _("The figures of your agency and those below it, each opening its dossiers"));
    reports->Append(kExportReportId, _("&Export report") + wxString::FromUTF8("…"),
                    _("Save the periodic report of a period and an agency as PDF or XLSX"));
    GetMenuBar()->Insert(GetMenuBar()->GetMenuCount() > 1 ? 2 : 1, reports, _("&Reports"));
    if (wxToolBar* tools = GetToolBar()) {
        tools->AddSeparator();
        tools->AddTool(kDashboardId, _("Dashboard"), wxNullBitmap, _("Dashboard") + " (Ctrl+D)");
        tools->Realize();
    }
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (m_listener)
                m_listener->OnDashboardPressed();
        },
        kDashboardId);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (m_listener)
                m_listener->OnExportReportPressed();
        },
        kExportReportId);
}

void MainFrame::FitPanes()
{
    const int width = GetClientSize().GetWidth();
    const int nav = std::clamp(m_queues->PreferredWidth(), FromDIP(160), width / 5);
    m_navSplitter->SetSashPosition(nav);
    // The list gets what its columns need; the detail pane keeps at least a readable width.
    const int rest = width - nav;
    const int list =
        std::clamp(m_list->List()->PreferredWidth(), std::min(rest / 2, rest - FromDIP(360)), rest - FromDIP(360));
    m_splitter->SetSashPosition(list);
}

void MainFrame::ShowRoleCommands(bool delegations, bool staffAccounts)
{
    for (const int id : {kDelegationsId, kStaffAccountsId})
        if (m_accountMenu->FindItem(id))
            m_accountMenu->Destroy(id);
    if (delegations)
        m_accountMenu->Append(kDelegationsId, _("&Delegation of approval") + wxString::FromUTF8("…"),
                              _("Let a colleague approve or return proposed results in your place for some days"));
    if (staffAccounts)
        m_accountMenu->Append(kStaffAccountsId, _("&Staff accounts") + wxString::FromUTF8("…"),
                              _("Unlock a staff member's sign-in, end their sessions or remove their second factor"));
}

void MainFrame::SetUserText(const wxString& text)
{
    SetStatusText(text, kUserField);
}

void MainFrame::SetLiveStatus(const std::string& text, bool ok)
{
    // A warning sign when updates do not flow: the clerk knows to press F5.
    SetStatusText((ok ? wxString() : wxString::FromUTF8("⚠ ")) + wxString::FromUTF8(text), kLiveField);
}

}  // namespace motcua::views
