// A wxChoice filled with UTF-8 text, as the dialogs that offer a list of agencies fill theirs.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <wx/choice.h>

namespace motcua::views {

// Replaces the items of `choice` with `items`, `selected` chosen when it is one of them.
inline void FillChoice(wxChoice* choice, const std::vector<std::string>& items, std::size_t selected)
{
    choice->Clear();
    for (const std::string& item : items)
        choice->Append(wxString::FromUTF8(item));
    if (selected < items.size())
        choice->SetSelection(static_cast<int>(selected));
}

}  // namespace motcua::views
