// The token's PIN, asked once for a batch: what will be signed, a masked entry, and OK only once something is typed.
#pragma once

#include <optional>
#include <string>

#include <wx/dialog.h>

#include "views/signing_view.h"

class wxButton;
class wxTextCtrl;

namespace motcua::views {

class PinDialog final : public wxDialog {
public:
    PinDialog(wxWindow* parent, const PinRequest& request);

    // The PIN typed (UTF-8); read once and then cleared from the control.
    std::string TakePin();
    wxTextCtrl* PinCtrl() const { return m_pin; }

private:
    wxTextCtrl* m_pin = nullptr;
    wxButton* m_ok = nullptr;
};

// IPinPrompt with a modal PinDialog over `parent`.
class PinPrompt final : public IPinPrompt {
public:
    explicit PinPrompt(wxWindow* parent) : m_parent(parent) {}
    std::optional<std::string> AskPin(const PinRequest& request) override;
    // The dialog open now, for the GUI test (null when none).
    static PinDialog* Current() { return s_current; }

private:
    wxWindow* m_parent;
    static inline PinDialog* s_current = nullptr;
};

}  // namespace motcua::views
