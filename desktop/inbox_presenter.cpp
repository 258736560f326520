#include "desktop/inbox_presenter.h"

#include <algorithm>

#include "desktop/api_error.h"
#include "desktop/display_text.h"
#include "desktop/gettext_macros.h"

namespace motcua::desktop {

using views::InboxColumn;

InboxPresenter::InboxPresenter(views::IInboxView& view, IStaffApi& api, views::Alert& alert, const Clock& clock,
                               IInboxSelectionListener& selection, int pageSize)
    : m_view(view),
      m_api(api),
      m_alert(alert),
      m_clock(clock),
      m_selection(selection),
      m_pageSize(pageSize)
{
    m_view.SetRows(this);
}

InboxPresenter::~InboxPresenter()
{
    m_view.SetRows(nullptr);  // a list painting after this must not call back into a dead presenter
}

views::InboxColumns InboxPresenter::Columns()
{
    views::InboxColumns columns;
    for (std::size_t c = 0; c < views::kInboxColumnCount; ++c)
        columns.titles[c] = ColumnTitle(static_cast<InboxColumn>(c));
    // The common open statuses as they look at their widest (overdue where they can be): rarer, longer ones may be
    // ellipsized.
    for (NationalStatus status : {NationalStatus::New, NationalStatus::Received, NationalStatus::Processing})
        columns.statusSamples.push_back(StatusText(status, true));
    columns.statusSamples.push_back(StatusText(NationalStatus::ResultReady, false));  // a ready result is never overdue
    return columns;
}

std::string InboxPresenter::ColumnTitle(InboxColumn column)
{
    switch (column) {
    // TRANSLATORS: inbox column (Mã hồ sơ)
    case InboxColumn::Code: return _("Dossier code");
    // TRANSLATORS: inbox column (Người nộp)
    case InboxColumn::Applicant: return _("Applicant");
    // TRANSLATORS: inbox column (Thủ tục)
    case InboxColumn::Procedure: return _("Procedure");
    // TRANSLATORS: inbox column: when the dossier came in (Ngày nhận)
    case InboxColumn::Received: return _("Received on");
    // TRANSLATORS: inbox column: when the result is due (Hạn trả)
    case InboxColumn::Due: return _("Due");
    // TRANSLATORS: inbox column (Trạng thái)
    case InboxColumn::Status: return _("Status");
    }
    return {};
}

void InboxPresenter::Clear()
{
    m_items.clear();
    m_next.reset();
    m_failed = false;
    m_view.SetRowCount(0);
    m_view.SetStatusText({});
}

void InboxPresenter::Reload()
{
    m_items.clear();
    m_next.reset();
    m_failed = false;
    m_view.SetRowCount(0);
    Fetch(std::nullopt);
}

bool InboxPresenter::LoadMore()
{
    if (!m_next || m_loading)
        return false;
    return Fetch(m_next);
}

bool InboxPresenter::Fetch(const std::optional<std::string>& after)
{
    m_loading = true;
    m_view.SetStatusText(_("Loading dossiers..."));
    bool ok = false;
    try {
        InboxPage page = m_api.Inbox(m_pageSize, after);
        // A page that repeats the last cursor would loop forever; trust the server but not blindly.
        if (page.next && after && *page.next == *after)
            page.next.reset();
        m_items.insert(m_items.end(), std::make_move_iterator(page.items.begin()),
                       std::make_move_iterator(page.items.end()));
        m_next = std::move(page.next);
        m_failed = false;
        ok = true;
    } catch (const Error& e) {
        m_failed = true;
        m_alert.ShowError(FormatText(_("The inbox could not be loaded: %s"), {UserMessage(e)}), TechnicalDetails(e));
    } catch (const std::exception& e) {
        m_failed = true;
        m_alert.ShowError(_("The inbox could not be loaded."), e.what());
    }
    m_loading = false;
    m_view.SetRowCount(m_items.size());
    UpdateStatus();
    return ok;
}

void InboxPresenter::UpdateStatus()
{
    std::size_t overdue = 0;
    for (std::size_t i = 0; i < m_items.size(); ++i)
        if (IsOverdue(i))
            ++overdue;
    std::string text =
        FormatText(_("Dossiers shown: %s, overdue: %s"), {std::to_string(m_items.size()), std::to_string(overdue)});
    if (m_failed)
        text += " — " + std::string(_("loading failed; press F5 to retry"));
    else if (m_next)
        text += " — " + std::string(_("more are loaded as you scroll"));
    m_view.SetStatusText(text);
}

std::string InboxPresenter::CellText(std::size_t row, InboxColumn column) const
{
    if (row >= m_items.size())
        return {};
    const InboxRow& item = m_items[row];
    switch (column) {
    case InboxColumn::Code: return item.code;
    case InboxColumn::Applicant: return item.applicantName;
    case InboxColumn::Procedure: return item.procedureName;
    // An online dossier not yet accepted has no validly-received time: it came in when it was submitted.
    case InboxColumn::Received: return FormatDeskDateTime(item.receivedAt ? item.receivedAt : item.submittedAt);
    case InboxColumn::Due: return FormatDeskDateTime(item.dueAt);
    case InboxColumn::Status: return StatusText(item.status, IsOverdue(row));
    }
    return {};
}

bool InboxPresenter::IsOverdue(std::size_t row) const
{
    if (row >= m_items.size())
        return false;
    const InboxRow& item = m_items[row];
    return motcua::IsOverdue(item, m_clock.Now());
}

void InboxPresenter::RowShown(std::size_t row)
{
    if (m_failed || m_loading || !m_next)
        return;
    if (row + kPrefetchMargin >= m_items.size())
        LoadMore();
}

void InboxPresenter::RowSelected(std::size_t row)
{
    if (row < m_items.size())
        m_selection.DossierSelected(m_items[row]);
}

std::optional<std::size_t> InboxPresenter::RowOf(std::int64_t dossierId) const
{
    const auto it =
        std::find_if(m_items.begin(), m_items.end(), [dossierId](const InboxRow& i) { return i.id == dossierId; });
    if (it == m_items.end())
        return std::nullopt;
    return static_cast<std::size_t>(it - m_items.begin());
}

bool InboxPresenter::UpdateItem(const InboxRow& item)
{
    const auto row = RowOf(item.id);
    if (!row)
        return false;
    m_items[*row] = item;
    m_view.RefreshRow(*row);
    UpdateStatus();
    return true;
}

}  // namespace motcua::desktop
