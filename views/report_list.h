// A read-only table in a dialog (a wxListCtrl in report view) made and filled in one place, for the dialogs that
// list what their presenter shows: the delegations, the staff.
#pragma once

#include <initializer_list>
#include <string>
#include <vector>

#include <wx/string.h>

class wxListCtrl;
class wxWindow;

namespace motcua::views {

// Columns titled `titles`, each the given share of `width`; one row selected at a time.
wxListCtrl* NewReportList(wxWindow* parent, const char* name, std::initializer_list<wxString> titles,
                          std::initializer_list<double> shares, int width);
// The rows (UTF-8 cells, one per column) replace what was listed; nothing is selected.
void FillReportList(wxListCtrl* list, const std::vector<std::vector<std::string>>& rows);

}  // namespace motcua::views
