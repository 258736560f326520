#include "views/report_list.h"

#include <wx/listctrl.h>

namespace motcua::views {

wxListCtrl* NewReportList(wxWindow* parent, const char* name, std::initializer_list<wxString> titles,
                          std::initializer_list<double> shares, int width)
{
    auto* list = new wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxSize(width, parent->FromDIP(180)),
                                wxLC_REPORT | wxLC_SINGLE_SEL | wxLC_HRULES | wxLC_VRULES);
    list->SetName(name);
    const double* share = shares.begin();
    for (const wxString& title : titles) {
        const double part = share != shares.end() ? *share++ : 0.2;
        list->AppendColumn(title, wxLIST_FORMAT_LEFT, static_cast<int>(width * part) - 2);
    }
    return list;
}

void FillReportList(wxListCtrl* list, const std::vector<std::vector<std::string>>& rows)
{
    list->Freeze();
    list->DeleteAllItems();
    for (const std::vector<std::string>& cells : rows) {
        if (cells.empty())
            continue;
        const long row = list->InsertItem(list->GetItemCount(), wxString::FromUTF8(cells[0]));
        for (std::size_t column = 1; column < cells.size(); ++column)
            list->SetItem(row, static_cast<int>(column), wxString::FromUTF8(cells[column]));
    }
    list->Thaw();
}

}  // namespace motcua::views
