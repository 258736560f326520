#include "views/main_frame.h"

#include <algorithm>

#include <wx/display.h>
#include <wx/intl.h>
#include <wx/menu.h>
#include <wx/splitter.h>
#include <wx/statusbr.h>

#include "views/detail_panel.h"
#include "views/inbox_panel.h"

namespace motcua::views {

MainFrame::MainFrame(const wxString& title, const InboxColumns& columns) : wxFrame(nullptr, wxID_ANY, title)
{
    auto* fileMenu = new wxMenu();
    fileMenu->Append(kRefreshId, _("&Refresh") + "\tF5", _("Load the inbox again from the server"));
    fileMenu->Append(kLogoutId, _("Log &out"), _("End this session and show the login dialog"));
    fileMenu->AppendSeparator();
    fileMenu->Append(wxID_EXIT, _("&Quit") + "\tCtrl+Q", _("Close MotCua"));
    auto* menuBar = new wxMenuBar();
    menuBar->Append(fileMenu, _("&File"));
    SetMenuBar(menuBar);

    CreateStatusBar(2);
    const int widths[2] = {-3, -2};
    GetStatusBar()->SetStatusWidths(2, widths);

    m_splitter = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
    m_splitter->SetMinimumPaneSize(FromDIP(320));
    m_inbox = new InboxPanel(m_splitter, columns);
    m_detail = new DetailPanel(m_splitter);

    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (m_listener)
                m_listener->OnRefreshPressed();
        },
        kRefreshId);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (m_listener)
                m_listener->OnLogoutPressed();
        },
        kLogoutId);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);

    // As large as the screen allows up to a comfortable size; the inbox gets the larger share.
    const wxRect area =
        wxDisplay(wxDisplay::GetFromWindow(this) == wxNOT_FOUND ? 0u
                                                                : static_cast<unsigned>(wxDisplay::GetFromWindow(this)))
            .GetClientArea();
    const wxSize size(std::min(area.GetWidth(), FromDIP(1600)), std::min(area.GetHeight(), FromDIP(1000)));
    SetSize(size);
    SetMinSize(wxSize(std::min(size.GetWidth(), FromDIP(960)), std::min(size.GetHeight(), FromDIP(600))));
    // The inbox gets what its columns need; the detail pane keeps at least a readable width.
    const int sash = std::clamp(m_inbox->List()->PreferredWidth(), size.GetWidth() / 2, size.GetWidth() - FromDIP(360));
    m_splitter->SetSashGravity(0.7);
    m_splitter->SplitVertically(m_inbox, m_detail, sash);
    Centre();
}

void MainFrame::SetUserText(const wxString& text)
{
    SetStatusText(text, 1);
}

}  // namespace motcua::views
