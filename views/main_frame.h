// The main window: work queues on the left, the search box over the dossier list in the middle, the detail on the
// right, File and Account menus and a status bar; it only wires panels.
#pragma once

#include <map>
#include <vector>

#include <wx/frame.h>

#include "views/action_view.h"
#include "views/live_status_view.h"
#include "views/main_view.h"

class wxMenu;
class wxPanel;
class wxSplitterWindow;

namespace motcua::views {

class DetailPanel;
class DossierListPanel;
class QueueNavPanel;
class SearchPanel;

class MainFrame final : public wxFrame, public ILiveStatusView {
public:
    explicit MainFrame(const wxString& title);

    QueueNavPanel* Queues() const { return m_queues; }
    SearchPanel* Search() const { return m_search; }
    DossierListPanel* DossierList() const { return m_list; }
    DetailPanel* Detail() const { return m_detail; }
    // The shell hands itself over for File → Refresh and Log out (nullptr: nobody listens).
    void SetListener(IMainViewListener* listener) { m_listener = listener; }
    // Right-hand field of the status bar: who is logged in.
    void SetUserText(const wxString& text);
    // Middle field of the status bar: whether live updates flow.
    void SetLiveStatus(const std::string& text, bool ok) override;
    // Reports → Dashboard (Ctrl+D) and its toolbar button, for the roles the dashboard serves.
    void OfferDashboard();
    // After login: the Account menu's items for the role (Delegation of approval, Staff accounts), or none.
    void ShowRoleCommands(bool delegations, bool staffAccounts);
    // Once the list has its columns: the splitters give the list what they need.
    void FitPanes();

    // The Dossier menu, toolbar and context menus (main_frame_commands.cpp); commands start disabled.
    void SetDossierCommands(const std::vector<DossierCommand>& commands);
    void EnableDossierCommand(int id, bool enable);
    bool IsDossierCommandEnabled(int id) const;
    // The shell hands itself over for the Dossier commands, Preferences and About (nullptr: nobody listens).
    void SetCommandListener(IDeskCommandListener* listener) { m_commands = listener; }
    wxSplitterWindow* NavSplitter() const { return m_navSplitter; }  // queues | the rest
    wxSplitterWindow* Splitter() const { return m_splitter; }        // search and list | detail
    // The menu item id of a Dossier command (for tests sending menu events).
    static int MenuIdOf(int commandId) { return kDossierCommandBase + commandId; }

    static constexpr int kRefreshId = wxID_REFRESH;
    static constexpr int kLogoutId = wxID_HIGHEST + 101;
    static constexpr int kTwoStepId = wxID_HIGHEST + 102;
    static constexpr int kDashboardId = wxID_HIGHEST + 103;
    static constexpr int kDelegationsId = wxID_HIGHEST + 104;
    static constexpr int kStaffAccountsId = wxID_HIGHEST + 105;
    static constexpr int kExportReportId = wxID_HIGHEST + 106;
    static constexpr int kSearchId = wxID_FIND;
    static constexpr int kDossierCommandBase = wxID_HIGHEST + 300;

private:
    wxPanel* BuildListColumn(wxWindow* parent);
    wxMenu* BuildDossierMenu() const;
    void ShowContextMenu(wxWindow* where, const wxPoint& at);

    wxSplitterWindow* m_navSplitter = nullptr;  // queues | the rest
    wxSplitterWindow* m_splitter = nullptr;     // search and list | detail
    QueueNavPanel* m_queues = nullptr;
    SearchPanel* m_search = nullptr;
    DossierListPanel* m_list = nullptr;
    DetailPanel* m_detail = nullptr;
    wxMenu* m_accountMenu = nullptr;
    IMainViewListener* m_listener = nullptr;
    IDeskCommandListener* m_commands = nullptr;
    std::vector<DossierCommand> m_dossierCommands;
    std::map<int, bool> m_enabled;
};

}  // namespace motcua::views
