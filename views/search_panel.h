// The search box (Ctrl+F focuses it) with its filters: status, procedure, agency and a date range.
#pragma once

#include <wx/panel.h>

#include "views/search_view.h"

class wxChoice;
class wxDatePickerCtrl;
class wxSearchCtrl;
class wxStaticText;
class wxTextCtrl;

namespace motcua::views {

class SearchPanel final : public wxPanel, public ISearchView {
public:
    explicit SearchPanel(wxWindow* parent);

    wxSearchCtrl* Box() const { return m_box; }
    // Ctrl+F: the box takes the focus with its text selected, ready to be typed over.
    void FocusBox();

    void SetListener(ISearchViewListener* listener) override { m_listener = listener; }
    void SetStatusChoices(const std::vector<std::pair<int, std::string>>& choices) override;
    SearchFields Fields() const override;
    void ClearFields() override;
    void ShowMessage(const std::string& message, const std::string& field) override;

    // The panel as tall as its filter rows at its present width (they wrap on a narrow column).
    void FitHeightToWidth();

private:
    void Search();

    ISearchViewListener* m_listener = nullptr;
    wxSearchCtrl* m_box = nullptr;
    wxChoice* m_status = nullptr;
    std::vector<int> m_statusValues;
    wxTextCtrl* m_procedure = nullptr;
    wxTextCtrl* m_agency = nullptr;
    wxDatePickerCtrl* m_from = nullptr;
    wxDatePickerCtrl* m_to = nullptr;
    wxStaticText* m_message = nullptr;
};

}  // namespace motcua::views
