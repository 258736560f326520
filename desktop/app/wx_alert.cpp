#include "desktop/app/wx_alert.h"

#include <wx/app.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/toplevel.h>
#include <wx/window.h>

namespace motcua::desktop {
namespace {

// The window the user is looking at, so the message appears over it (and modal to it).
wxWindow* ParentWindow()
{
    if (wxWindow* active = wxGetActiveWindow())
        return wxGetTopLevelParent(active);
    return wxTheApp ? wxTheApp->GetTopWindow() : nullptr;
}

}  // namespace

void WxAlert::ShowError(const std::string& message, const std::string& details)
{
    wxMessageDialog dialog(ParentWindow(), wxString::FromUTF8(message), _("MotCua"), wxOK | wxICON_ERROR | wxCENTRE);
    if (!details.empty())
        dialog.SetExtendedMessage(_("Details for the help desk:") + "\n" + wxString::FromUTF8(details));
    dialog.ShowModal();
}

void WxAlert::ShowInfo(const std::string& message)
{
    wxMessageDialog dialog(ParentWindow(), wxString::FromUTF8(message), _("MotCua"),
                           wxOK | wxICON_INFORMATION | wxCENTRE);
    dialog.ShowModal();
}

bool WxAlert::AskYesNo(const std::string& question)
{
    wxMessageDialog dialog(ParentWindow(), wxString::FromUTF8(question), _("MotCua"),
                           wxYES_NO | wxYES_DEFAULT | wxICON_QUESTION | wxCENTRE);
    dialog.SetYesNoLabels(_("&Yes"), _("&No"));
    return dialog.ShowModal() == wxID_YES;
}

}  // namespace motcua::desktop
