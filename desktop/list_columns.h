// The dossier list's columns: their headings, which are shown in what order and how wide, remembered in settings.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "desktop/settings.h"
#include "desktop/staff_api.h"
#include "views/dossier_list_view.h"

namespace motcua::desktop {

// The heading in the UI language ("Ngày nộp" for submission; "Ngày tiếp nhận" only for accepted dossiers).
std::string ListColumnTitle(views::ListColumn column);
// The word settings store for a column ("code", "due", …).
const char* ListColumnKey(views::ListColumn column);
// The server's sort for a column; nothing for columns the server does not sort by.
std::optional<ListSort> SortOfColumn(views::ListColumn column);

// Which columns are shown in which order and their widths, read from and written back to ISettings under "list/".
class ListColumns {
public:
    explicit ListColumns(ISettings& settings);

    // Every column, shown ones first in their order, with titles in the UI language.
    std::vector<views::ListColumnSpec> Specs() const;
    bool IsShown(views::ListColumn column) const;
    // False when it changed nothing (hiding the last shown column is refused: a list without columns is lost).
    bool SetShown(views::ListColumn column, bool shown);
    void SetWidth(views::ListColumn column, int width);

    ListSort Sort() const noexcept { return m_sort; }
    bool Descending() const noexcept { return m_descending; }
    void SetSort(ListSort sort, bool descending);

private:
    void Save() const;

    ISettings& m_settings;
    std::vector<views::ListColumn> m_shown;
    int m_widths[views::kListColumnCount] = {};
    ListSort m_sort = ListSort::Due;
    bool m_descending = false;
};

}  // namespace motcua::desktop
