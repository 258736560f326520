#include "desktop/list_columns.h"

#include <algorithm>
#include <sstream>

#include "desktop/gettext_macros.h"

namespace motcua::desktop {
namespace {

using views::ListColumn;

constexpr ListColumn kAllColumns[] = {ListColumn::Code,      ListColumn::Applicant, ListColumn::Procedure,
                                      ListColumn::Submitted, ListColumn::Received,  ListColumn::Due,
                                      ListColumn::Status,    ListColumn::Handler};
// A first start: what a clerk needs at intake; the handler column is one right-click away.
constexpr ListColumn kDefaultShown[] = {ListColumn::Code,      ListColumn::Applicant, ListColumn::Procedure,
                                        ListColumn::Submitted, ListColumn::Received,  ListColumn::Due,
                                        ListColumn::Status};

const char* const kColumnsKey = "list/columns";
const char* const kSortKey = "list/sort";

std::optional<ListColumn> ColumnFromKey(const std::string& key)
{
    for (ListColumn c : kAllColumns)
        if (key == ListColumnKey(c))
            return c;
    return std::nullopt;
}

std::vector<std::string> Split(const std::string& text, char separator)
{
    std::vector<std::string> parts;
    std::istringstream in(text);
    std::string part;
    while (std::getline(in, part, separator))
        if (!part.empty())
            parts.push_back(part);
    return parts;
}

}  // namespace

std::string ListColumnTitle(ListColumn column)
{
    switch (column) {
    // TRANSLATORS: list column (Mã hồ sơ)
    case ListColumn::Code: return _("Dossier code");
    // TRANSLATORS: list column (Người nộp)
    case ListColumn::Applicant: return _("Applicant");
    // TRANSLATORS: list column (Thủ tục)
    case ListColumn::Procedure: return _("Procedure");
    // TRANSLATORS: list column: when the citizen submitted the dossier (Ngày nộp)
    case ListColumn::Submitted: return _("Submitted on");
    // TRANSLATORS: list column: when the desk validly received (accepted) it; empty before (Ngày tiếp nhận)
    case ListColumn::Received: return _("Received on");
    // TRANSLATORS: list column: when the result is due (Hạn trả)
    case ListColumn::Due: return _("Due");
    // TRANSLATORS: list column (Trạng thái)
    case ListColumn::Status: return _("Status");
    // TRANSLATORS: list column: the handler the dossier is assigned to (Người xử lý)
    case ListColumn::Handler: return _("Handler");
    }
    return {};
}

const char* ListColumnKey(ListColumn column)
{
    switch (column) {
    case ListColumn::Code: return "code";
    case ListColumn::Applicant: return "applicant";
    case ListColumn::Procedure: return "procedure";
    case ListColumn::Submitted: return "submitted";
    case ListColumn::Received: return "received";
    case ListColumn::Due: return "due";
    case ListColumn::Status: return "status";
    case ListColumn::Handler: return "handler";
    }
    return "";
}

std::optional<ListSort> SortOfColumn(ListColumn column)
{
    switch (column) {
    case ListColumn::Code: return ListSort::Code;
    case ListColumn::Received: return ListSort::Received;
    case ListColumn::Due: return ListSort::Due;
    default: return std::nullopt;
    }
}

ListColumns::ListColumns(ISettings& settings) : m_settings(settings)
{
    for (const std::string& key : Split(m_settings.ReadOr(kColumnsKey, {}), ','))
        if (const auto column = ColumnFromKey(key); column && !IsShown(*column))
            m_shown.push_back(*column);
    if (m_shown.empty())
        m_shown.assign(std::begin(kDefaultShown), std::end(kDefaultShown));
    for (ListColumn c : kAllColumns) {
        try {
            const int width = std::stoi(m_settings.ReadOr(std::string("list/width/") + ListColumnKey(c), "0"));
            m_widths[static_cast<std::size_t>(c)] = std::clamp(width, 0, 2000);
        } catch (const std::exception&) {
            // a width edited by hand into nonsense: the default
        }
    }
    const std::vector<std::string> sort = Split(m_settings.ReadOr(kSortKey, "due:asc"), ':');
    if (!sort.empty())
        if (const auto column = ColumnFromKey(sort[0]))
            if (const auto order = SortOfColumn(*column)) {
                m_sort = *order;
                m_descending = sort.size() > 1 && sort[1] == "desc";
            }
}

std::vector<views::ListColumnSpec> ListColumns::Specs() const
{
    std::vector<views::ListColumnSpec> specs;
    for (ListColumn c : m_shown)
        specs.push_back({c, ListColumnTitle(c), true, m_widths[static_cast<std::size_t>(c)]});
    for (ListColumn c : kAllColumns)
        if (!IsShown(c))
            specs.push_back({c, ListColumnTitle(c), false, m_widths[static_cast<std::size_t>(c)]});
    return specs;
}

bool ListColumns::IsShown(ListColumn column) const
{
    return std::find(m_shown.begin(), m_shown.end(), column) != m_shown.end();
}

bool ListColumns::SetShown(ListColumn column, bool shown)
{
    if (shown == IsShown(column) || (!shown && m_shown.size() == 1))
        return false;
    if (shown)
        m_shown.push_back(column);
    else
        m_shown.erase(std::find(m_shown.begin(), m_shown.end(), column));
    Save();
    return true;
}

void ListColumns::SetWidth(ListColumn column, int width)
{
    m_widths[static_cast<std::size_t>(column)] = std::clamp(width, 0, 2000);
    m_settings.Write(std::string("list/width/") + ListColumnKey(column), std::to_string(width));
}

void ListColumns::SetSort(ListSort sort, bool descending)
{
    m_sort = sort;
    m_descending = descending;
    Save();
}

void ListColumns::Save() const
{
    std::string keys;
    for (ListColumn c : m_shown)
        keys += std::string(keys.empty() ? "" : ",") + ListColumnKey(c);
    m_settings.Write(kColumnsKey, keys);
    const ListColumn sortColumn = m_sort == ListSort::Code       ? ListColumn::Code
                                  : m_sort == ListSort::Received ? ListColumn::Received
                                                                 : ListColumn::Due;
    m_settings.Write(kSortKey, std::string(ListColumnKey(sortColumn)) + (m_descending ? ":desc" : ":asc"));
}

}  // namespace motcua::desktop
