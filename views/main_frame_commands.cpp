// MainFrame's Dossier commands: the menu with each key shown, the toolbar, the same commands as context menu of
// the list and the detail pane, and Help → About and Preferences.
#include <wx/intl.h>
#include <wx/menu.h>
#include <wx/splitter.h>
#include <wx/toolbar.h>

#include "views/detail_panel.h"
#include "views/dossier_list_panel.h"
#include "views/main_frame.h"

namespace motcua::views {
namespace {

wxString MenuText(const DossierCommand& c)
{
    const wxString label = wxString::FromUTF8(c.label);
    return c.accelerator.empty() ? label : label + "\t" + wxString::FromUTF8(c.accelerator);
}

}  // namespace

void MainFrame::SetDossierCommands(const std::vector<DossierCommand>& commands)
{
    m_dossierCommands = commands;
    for (const DossierCommand& c : m_dossierCommands)
        m_enabled[c.id] = false;

    wxMenuBar* bar = GetMenuBar();
    bar->Insert(1, BuildDossierMenu(), _("&Dossier"));
    auto* file = bar->GetMenu(0);
    file->Insert(file->GetMenuItemCount() - 2, wxID_PREFERENCES, _("&Preferences") + wxString::FromUTF8("…\tCtrl+,"),
                 _("Language, text size and server address"));
    auto* help = new wxMenu();
    help->Append(wxID_ABOUT, _("&About MotCua") + "\tF1", _("The version of this desk"));
    bar->Append(help, _("&Help"));

    // Text buttons: the actions a desk uses most, each with its key in the tooltip.
    wxToolBar* tools = CreateToolBar(wxTB_HORIZONTAL | wxTB_TEXT | wxTB_NOICONS | wxTB_HORZ_LAYOUT);
    tools->SetName("dossier_toolbar");
    for (const DossierCommand& c : m_dossierCommands) {
        if (!c.onToolbar)
            continue;
        wxString label = wxString::FromUTF8(c.label);
        label.Replace("&", "");
        label.Replace(wxString::FromUTF8("…"), "");
        tools->AddTool(MenuIdOf(c.id), label, wxNullBitmap,
                       label + (c.accelerator.empty() ? "" : " (" + wxString::FromUTF8(c.accelerator) + ")"));
        tools->EnableTool(MenuIdOf(c.id), false);
    }
    tools->Realize();

    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent& event) {
            const int id = event.GetId() - kDossierCommandBase;
            // A key pressed while the command is off does nothing (the menu item is greyed anyway).
            if (m_commands && IsDossierCommandEnabled(id))
                m_commands->OnDossierCommand(id);
        },
        kDossierCommandBase, kDossierCommandBase + kLastDossierCommand);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (m_commands)
                m_commands->OnPreferencesPressed();
        },
        wxID_PREFERENCES);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (m_commands)
                m_commands->OnAboutPressed();
        },
        wxID_ABOUT);
    m_list->List()->Bind(wxEVT_CONTEXT_MENU,
                         [this](wxContextMenuEvent& event) { ShowContextMenu(m_list->List(), event.GetPosition()); });
    m_detail->Bind(wxEVT_CONTEXT_MENU,
                   [this](wxContextMenuEvent& event) { ShowContextMenu(m_detail, event.GetPosition()); });
}

wxMenu* MainFrame::BuildDossierMenu() const
{
    auto* menu = new wxMenu();
    for (const DossierCommand& c : m_dossierCommands) {
        if (c.id == kPrintReceiptCommand || c.id == kBulkAssignCommand || c.id == kBulkApproveAndSignCommand)
            menu->AppendSeparator();
        menu->Append(MenuIdOf(c.id), MenuText(c), wxString::FromUTF8(c.help));
        const auto found = m_enabled.find(c.id);
        menu->Enable(MenuIdOf(c.id), found != m_enabled.end() && found->second);
    }
    return menu;
}

void MainFrame::ShowContextMenu(wxWindow* where, const wxPoint& at)
{
    wxMenu* menu = BuildDossierMenu();
    // The events of a popup menu go to `where` and climb to the frame, which handles them as the menu bar's.
    where->PopupMenu(menu, at == wxDefaultPosition ? wxDefaultPosition : where->ScreenToClient(at));
    delete menu;
}

void MainFrame::EnableDossierCommand(int id, bool enable)
{
    m_enabled[id] = enable;
    if (wxMenuBar* bar = GetMenuBar())
        if (bar->FindItem(MenuIdOf(id)))
            bar->Enable(MenuIdOf(id), enable);
    if (wxToolBar* tools = GetToolBar())
        if (tools->FindById(MenuIdOf(id)))
            tools->EnableTool(MenuIdOf(id), enable);
}

bool MainFrame::IsDossierCommandEnabled(int id) const
{
    const auto found = m_enabled.find(id);
    return found != m_enabled.end() && found->second;
}

}  // namespace motcua::views
