#include "views/bulk_progress_dialog.h"

#include <algorithm>

namespace motcua::views {

void BulkProgressDialog::Begin(const std::string& title, int total)
{
    End();
    m_cancelled = false;
    // Wide enough for "Dossier <code> (n of m)" before any step says it; AUTO_HIDE: at the end the summary follows
    // at once instead of the dialog waiting for a Close press.
    m_dialog =
        std::make_unique<wxProgressDialog>(wxString::FromUTF8(title), wxString(' ', 60), std::max(total, 1), m_parent,
                                           wxPD_CAN_ABORT | wxPD_APP_MODAL | wxPD_AUTO_HIDE | wxPD_ELAPSED_TIME);
    m_dialog->SetName("bulk_progress");
}

void BulkProgressDialog::Step(int done, const std::string& text)
{
    if (!m_dialog)
        return;
    if (!m_dialog->Update(std::min(done, m_dialog->GetRange()), wxString::FromUTF8(text)))
        m_cancelled = true;
}

bool BulkProgressDialog::Cancelled() const
{
    return m_cancelled || (m_dialog && m_dialog->WasCancelled());
}

void BulkProgressDialog::End()
{
    m_dialog.reset();
}

}  // namespace motcua::views
