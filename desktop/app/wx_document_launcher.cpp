#include "desktop/app/wx_document_launcher.h"

#include <wx/utils.h>

#include "model/error.h"

namespace motcua::desktop {

void WxDocumentLauncher::OpenDocument(const std::filesystem::path& file)
{
    if (!wxLaunchDefaultApplication(wxString::FromUTF8(file.string())))
        throw Error(ErrorCategory::Environment,
                    N_("No program to show PDF documents was found. The receipt was saved as a file."), {},
                    file.string());
}

}  // namespace motcua::desktop
