// IBulkProgress as wx's progress dialog with Cancel, shown over the main window while a bulk run goes on.
#pragma once

#include <memory>

#include <wx/progdlg.h>

#include "views/action_view.h"

namespace motcua::views {

class BulkProgressDialog final : public IBulkProgress {
public:
    explicit BulkProgressDialog(wxWindow* parent) : m_parent(parent) {}
    ~BulkProgressDialog() override { End(); }

    void Begin(const std::string& title, int total) override;
    void Step(int done, const std::string& text) override;
    bool Cancelled() const override;
    void End() override;

private:
    wxWindow* m_parent;
    std::unique_ptr<wxProgressDialog> m_dialog;
    bool m_cancelled = false;
};

}  // namespace motcua::views
