// The main window: inbox on the left, detail on the right, a File menu and a status bar; it only wires panels.
#pragma once

#include <functional>

#include <wx/frame.h>

class wxSplitterWindow;

namespace motcua::views {

class DetailPanel;
class InboxPanel;

class MainFrame final : public wxFrame {
public:
    explicit MainFrame(const wxString& title);

    InboxPanel* Inbox() const { return m_inbox; }
    DetailPanel* Detail() const { return m_detail; }
    void SetRefreshHandler(std::function<void()> handler) { m_onRefresh = std::move(handler); }
    void SetLogoutHandler(std::function<void()> handler) { m_onLogout = std::move(handler); }
    // Right-hand field of the status bar: who is logged in.
    void SetUserText(const wxString& text);

    static constexpr int kRefreshId = wxID_REFRESH;
    static constexpr int kLogoutId = wxID_HIGHEST + 101;

private:
    wxSplitterWindow* m_splitter = nullptr;
    InboxPanel* m_inbox = nullptr;
    DetailPanel* m_detail = nullptr;
    std::function<void()> m_onRefresh;
    std::function<void()> m_onLogout;
};

}  // namespace motcua::views
