// The main window: inbox on the left, detail on the right, a File menu and a status bar; it only wires panels.
#pragma once

#include <wx/frame.h>

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

    static constexpr int kRefreshId = wxID_REFRESH;
    static constexpr int kLogoutId = wxID_HIGHEST + 101;

private:
    wxSplitterWindow* m_splitter = nullptr;
    InboxPanel* m_inbox = nullptr;
    DetailPanel* m_detail = nullptr;
    IMainViewListener* m_listener = nullptr;
};

}  // namespace motcua::views
