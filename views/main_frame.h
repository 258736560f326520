// The main window: inbox on the left, detail on the right, a File menu and a status bar; it only wires panels.
#pragma once

#include <map>
#include <vector>

#include <wx/frame.h>

#include "views/action_view.h"
#include "views/inbox_view.h"
#include "views/main_view.h"

class wxSplitterWindow;

namespace motcua::views {

class DetailPanel;
class InboxPanel;

class MainFrame final : public wxFrame {
public:
    // `columns`: the inbox headings, known before the frame is laid out so the inbox gets the width it needs.
    MainFrame(const wxString& title, const InboxColumns& columns);

    InboxPanel* Inbox() const { return m_inbox; }
    DetailPanel* Detail() const { return m_detail; }
    // The shell hands itself over for File → Refresh and Log out (nullptr: nobody listens).
    void SetListener(IMainViewListener* listener) { m_listener = listener; }
    // Right-hand field of the status bar: who is logged in.
    void SetUserText(const wxString& text);

    // The Dossier menu, toolbar and context menus (main_frame_commands.cpp); commands start disabled.
    void SetDossierCommands(const std::vector<DossierCommand>& commands);
    void EnableDossierCommand(int id, bool enable);
    bool IsDossierCommandEnabled(int id) const;
    // The shell hands itself over for the Dossier commands, Preferences and About (nullptr: nobody listens).
    void SetCommandListener(IDeskCommandListener* listener) { m_commands = listener; }
    wxSplitterWindow* Splitter() const { return m_splitter; }
    // The menu item id of a Dossier command (for tests sending menu events).
    static int MenuIdOf(int commandId) { return kDossierCommandBase + commandId; }

    static constexpr int kRefreshId = wxID_REFRESH;
    static constexpr int kLogoutId = wxID_HIGHEST + 101;
    static constexpr int kDossierCommandBase = wxID_HIGHEST + 300;

private:
    wxMenu* BuildDossierMenu() const;
    void ShowContextMenu(wxWindow* where, const wxPoint& at);

    wxSplitterWindow* m_splitter = nullptr;
    InboxPanel* m_inbox = nullptr;
    DetailPanel* m_detail = nullptr;
    IMainViewListener* m_listener = nullptr;
    IDeskCommandListener* m_commands = nullptr;
    std::vector<DossierCommand> m_dossierCommands;
    std::map<int, bool> m_enabled;
};

}  // namespace motcua::views
